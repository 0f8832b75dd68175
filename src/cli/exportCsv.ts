import type { TraceRequirement } from '../core';
import { csvRow } from './csv';

/**
 * The requirement list for spreadsheets: one row per requirement with its document and the code
 * that references it (`file:line`, separated by `; `). Cells go through csvField, which quotes
 * and defuses formulas, so a title like `=HYPERLINK(...)` stays text in Excel.
 */
export function requirementsCsv(reqs: readonly TraceRequirement[], rel: (p: string) => string): string {
  const header = csvRow(['ID', 'Title', 'Status', 'Priority', 'Release', 'Owner', 'Document', 'References']);
  const rows = reqs.map((r) => csvRow([
    r.id, r.title, r.status, r.priority, r.release, r.owner, rel(r.path),
    r.references.filter((x) => x.kind === 'code').map((x) => `${rel(x.path)}:${x.line + 1}`).join('; '),
  ]));
  return `${[header, ...rows].join('\r\n')}\r\n`;
}
