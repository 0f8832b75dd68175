import type { Locale, SpecDiagnostic } from '../types';
import { escapeHtml } from './escape';
import { icon } from './icons';
import { renderMessage } from './renderMessages';

/**
 * Problems shown where they occur, as a callout under the block they concern. Each line carries
 * `data-line` so a click can take the reader to the source line.
 */
export function diagnosticsBlock(list: readonly SpecDiagnostic[], locale: Locale): string {
  if (list.length === 0) return '';
  const items = list.map((d) => {
    const line = d.range.start.line;
    const sev = escapeHtml(renderMessage(locale, `severity.${d.severity}`));
    const where = escapeHtml(renderMessage(locale, 'line', { line: line + 1 }));
    return `<li class="sb-diag sb-sev-${d.severity}" data-diag-line="${line}">${icon(d.severity)}`
      + `<span class="sb-visually-hidden">${sev}: </span><span class="sb-diag-message">${escapeHtml(d.message)}</span>`
      + `<span class="sb-diag-line">${where}</span></li>`;
  }).join('');
  return `<ul class="sb-diagnostics" role="note">${items}</ul>\n`;
}
