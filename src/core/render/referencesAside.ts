import type { Locale } from '../types';
import { escapeHtml } from './escape';
import { icon } from './icons';
import { renderMessage } from './renderMessages';

export interface AsideRequirement {
  readonly id: string;
  readonly title: string;
  readonly references: readonly { readonly path: string; readonly label: string; readonly line: number }[];
}

/**
 * The side panel listing each requirement's code references. With `linkable`, entries carry
 * `data-sb-path`/`data-sb-line` for the preview to open; exported pages show them as text.
 */
export function referencesAside(items: readonly AsideRequirement[], locale: Locale, linkable: boolean, withTitle = true): string {
  const title = withTitle ? `<h2 class="sb-aside-title">${escapeHtml(renderMessage(locale, 'aside.title'))}</h2>` : '';
  if (items.length === 0) return `${title}<p class="sb-aside-empty">${escapeHtml(renderMessage(locale, 'aside.empty'))}</p>`;
  const groups = items.map((r) => {
    const refs = r.references.length === 0
      ? `<p class="sb-aside-none">${icon('noRefs')}${escapeHtml(renderMessage(locale, 'aside.none'))}</p>`
      : `<ul>${r.references.map((ref) => {
        const where = `<span class="sb-ref-label">${escapeHtml(ref.label)}<span class="sb-aside-line">:${ref.line + 1}</span></span>`;
        return linkable
          ? `<li><a href="#" class="sb-ref" data-sb-path="${escapeHtml(ref.path)}" data-sb-line="${ref.line}">${icon('fileCode')}${where}</a></li>`
          : `<li><span class="sb-ref">${icon('fileCode')}${where}</span></li>`;
      }).join('')}</ul>`;
    const count = `<span class="sb-aside-count${r.references.length ? '' : ' sb-aside-count-none'}">${r.references.length}</span>`;
    return `<details class="sb-aside-req" data-sb-aside="${escapeHtml(r.id)}"${r.references.length ? ' open' : ''}>`
      + `<summary><span class="sb-aside-id">${escapeHtml(r.id)}</span> <span class="sb-aside-req-title">${escapeHtml(r.title)}</span>${count}</summary>${refs}</details>`;
  }).join('');
  return title + groups;
}
