import type { StateCore, Token } from 'markdown-it';
import { scanIds } from '../ids';
import { escapeHtml } from './escape';
import type { RenderContext } from './renderContext';
import { renderMessage } from './renderMessages';

/**
 * Turns requirement IDs in inline text into links (`a.sb-id[data-sb-id]`). Text already inside a
 * link or code span is left alone. An ID nothing defines becomes a marked span, not a dead link.
 */
export function linkIds(children: Token[], ctx: RenderContext, TokenClass: StateCore['Token']): Token[] {
  const out: Token[] = [];
  let linkDepth = 0;
  for (const child of children) {
    if (child.type === 'link_open') linkDepth++;
    if (child.type === 'link_close') linkDepth--;
    if (child.type !== 'text' || linkDepth > 0) {
      out.push(child);
      continue;
    }
    const text = child.content;
    const matches = scanIds(text).filter((m) => ctx.isRequirementId?.(m.id) ?? true);
    if (matches.length === 0) {
      out.push(child);
      continue;
    }
    let at = 0;
    const pushText = (content: string) => {
      if (!content) return;
      const t = new TokenClass('text', '', 0);
      t.content = content;
      out.push(t);
    };
    for (const m of matches) {
      pushText(text.slice(at, m.start));
      const href = ctx.idHref ? ctx.idHref(m.id) : `#${m.id}`;
      if (href === undefined && ctx.isDefined?.(m.id)) {
        const raw = new TokenClass('sb_html', '', 0);
        raw.content = `<span class="sb-id">${escapeHtml(m.id)}</span>`;
        out.push(raw);
      } else if (href === undefined) {
        const raw = new TokenClass('sb_html', '', 0);
        const title = escapeHtml(renderMessage(ctx.locale, 'id.undefined', { id: m.id }));
        raw.content = `<span class="sb-id sb-id-undefined" title="${title}">${escapeHtml(m.id)}</span>`;
        out.push(raw);
      } else {
        const open = new TokenClass('link_open', 'a', 1);
        open.attrs = [['href', href], ['class', 'sb-id'], ['data-sb-id', m.id]];
        out.push(open);
        pushText(m.id);
        out.push(new TokenClass('link_close', 'a', -1));
      }
      at = m.end;
    }
    pushText(text.slice(at));
  }
  return out;
}
