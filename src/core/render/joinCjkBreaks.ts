import type { MarkdownIt, Token } from 'markdown-it';
import { cjkBreaksPlugin } from '../libraries';

type CoreRule = (state: { tokens: Token[] }) => void;
let libraryRule: CoreRule | undefined;

/** The core rule markdown-it-cjk-breaks registers (the package exposes only its plugin, so it is captured from it). */
function cjkRule(): CoreRule {
  if (!libraryRule) {
    const capture = { core: { ruler: { push: (_name: string, rule: CoreRule) => { libraryRule = rule; } } } };
    cjkBreaksPlugin()(capture as unknown as MarkdownIt);
  }
  return libraryRule!;
}

/**
 * Joins soft line breaks between Chinese (or other wide) characters without a space, as Chinese
 * readers expect. markdown-it-cjk-breaks decides each break; it is asked about one break at a time
 * with the nearest non-empty text on either side, because run over a whole paragraph it throws on an
 * empty text token (a line that is only a code span or an image between two Chinese lines leaves
 * one behind once the first break is joined). The neighbours are found in two linear passes.
 */
export function joinCjkBreaks(tokens: readonly Token[]): void {
  for (const block of tokens) {
    if (block.type !== 'inline' || !block.children?.some((t) => t.type === 'softbreak')) continue;
    const children = block.children;
    const next: string[] = new Array<string>(children.length);
    let following = ' ';
    for (let i = children.length - 1; i >= 0; i--) {
      const t = children[i];
      if (t.type === 'text' && t.content) following = firstChar(t.content);
      next[i] = following;
    }
    let last = ' ';
    for (let i = 0; i < children.length; i++) {
      const t = children[i];
      if (t.type === 'text' && t.content) last = lastChar(t.content);
      else if (t.type === 'softbreak') {
        const probe = [text(last, t), t, text(next[i], t)];
        cjkRule()({ tokens: [Object.assign(Object.create(Object.getPrototypeOf(block) as object) as Token, { type: 'inline', children: probe })] });
      }
    }
  }
}

/** The plugin form, for a markdown-it instance of our own (Specboard's preview and export). */
export function cjkBreaks(md: MarkdownIt): void {
  md.core.ruler.push('specboard_cjk_breaks', (state) => joinCjkBreaks(state.tokens));
}

function text(content: string, like: Token): Token {
  return Object.assign(Object.create(Object.getPrototypeOf(like) as object) as Token, { type: 'text', content });
}

function firstChar(s: string): string {
  return String.fromCodePoint(s.codePointAt(0)!);
}

function lastChar(s: string): string {
  const c = s.charCodeAt(s.length - 1);
  return c >= 0xdc00 && c <= 0xdfff && s.length > 1 ? s.slice(-2) : s.slice(-1);
}
