import type { Locale, SpecDiagnostic } from '../types';
import { diagnosticsBlock } from './diagnosticsBlock';
import { displayValue, escapeHtml } from './escape';
import { defaultVocabulary } from '../vocabulary';
import { docStatusLabel, type RenderMessageKey, renderMessage, stageLabel } from './renderMessages';

export interface HeaderCardInput {
  readonly data: Readonly<Record<string, unknown>> | undefined;
  readonly locale: Locale;
  /** The document type's display name (`Product requirements document`), when the type is known. */
  readonly typeName?: string;
  /** Problems located in the front matter. */
  readonly problems: readonly SpecDiagnostic[];
}

const FIELDS = ['stage', 'status', 'owner', 'version', 'release', 'product'] as const;

/**
 * The document's front matter as a card above the text. Values are arbitrary YAML (lists, maps,
 * numbers, crafted strings), so each becomes plain escaped text.
 */
export function headerCard(input: HeaderCardInput): string {
  const { data, locale } = input;
  if (!data && input.problems.length === 0) return '';
  const value = (key: string) => (data ? displayValue(data[key]) : undefined);
  const type = value('type');
  const kind = [
    type ? `<span class="sb-doc-type" title="${escapeHtml(input.typeName ?? type)}">${escapeHtml(type.toUpperCase())}</span>` : '',
    input.typeName ? `<span class="sb-doc-type-name">${escapeHtml(input.typeName)}</span>` : '',
    value('id') ? `<span class="sb-doc-id">${escapeHtml(value('id')!)}</span>` : '',
  ].join('');
  const title = value('title');
  const fields = FIELDS.map((key) => {
    let shown = value(key);
    if (shown === undefined || shown === '') return '';
    const written = shown;
    if (key === 'stage') shown = stageLabel(locale, shown);
    if (key === 'status') shown = docStatusLabel(locale, shown);
    const label = escapeHtml(renderMessage(locale, `field.${key}` as RenderMessageKey));
    const cls = key === 'status' ? ` class="sb-doc-status" data-status="${escapeHtml(defaultVocabulary('doc.status', written))}"` : '';
    return `<div class="sb-field"><dt>${label}</dt><dd${cls}>${escapeHtml(shown)}</dd></div>`;
  }).join('');
  return `<header class="sb-header" data-line="0">`
    + (kind ? `<div class="sb-header-kind">${kind}</div>` : '')
    + (title ? `<div class="sb-header-title" role="heading" aria-level="1">${escapeHtml(title)}</div>` : '')
    + (fields ? `<dl class="sb-header-fields">${fields}</dl>` : '')
    + diagnosticsBlock(input.problems, locale)
    + `</header>\n`;
}
