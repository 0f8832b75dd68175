import type { MarkdownIt, Token } from 'markdown-it';
import { markdownItClass } from '../libraries';
import { simpleBlockRun } from './simpleBlocks';

let parser: MarkdownIt | undefined;

/**
 * markdown-it as VS Code's preview and GitHub configure it for block structure: the default
 * preset (GFM tables) with raw HTML on, so HTML blocks and comments hide what they hold exactly
 * as the preview does. Only the block stage runs: inline parsing, linkify and rendering are not
 * needed to find headings, lists, tables and paragraphs.
 */
function blockParser(): MarkdownIt {
  return (parser ??= new (markdownItClass())('default', { html: true }));
}

/**
 * Hands `read` the block tokens of `lines[from..to)`: a top-level section at a time while the
 * simple-document fast path can read them (see simpleBlocks.ts), then markdown-it's tokens of
 * the rest at once. Stops when `read` returns a line, and returns it.
 */
export function readBlocks(lines: readonly string[], from: number, to: number, read: (tokens: Token[]) => number | undefined): number | undefined {
  let at = from;
  while (at < to) {
    const run = simpleBlockRun(lines, at, to);
    if (!run) return read(blockTokens(lines, at, to));
    const stopped = read(run.tokens);
    if (stopped !== undefined) return stopped;
    at = run.next;
  }
  return undefined;
}

/**
 * markdown-it's block tokens of `lines[from..to)`, their `map` line numbers made absolute. The
 * lines are joined with `\n`, which is what markdown-it's own normalization would produce from
 * any mix of line breaks, so line numbers agree with the editor's.
 */
export function blockTokens(lines: readonly string[], from: number, to: number): Token[] {
  const md = blockParser();
  const tokens: Token[] = [];
  if (from >= to) return tokens;
  const src = (from === 0 && to === lines.length ? lines : lines.slice(from, to)).join('\n');
  md.block.parse(src, md, {}, tokens);
  if (from > 0) for (const t of tokens) if (t.map) t.map = [t.map[0] + from, t.map[1] + from];
  return tokens;
}
