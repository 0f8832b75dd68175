/**
 * One CSV field. Quotes when needed, and defuses spreadsheet formulas: a cell starting with
 * = + - @ would run as a formula when a reviewer opens the file in Excel.
 */
export function csvField(value: string | number | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly (string | number | undefined)[]): string {
  return values.map(csvField).join(',');
}
