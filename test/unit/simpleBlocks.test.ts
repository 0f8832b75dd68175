import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import commonmark from 'commonmark-spec';
import { simpleBlockRun } from '../../src/core/markdown/simpleBlocks';
import { splitLines } from '../../src/core/text';

const md = new MarkdownIt('default', { html: true });

/** What BlockReader reads of a token stream; table cells are read from the lines, not from tokens. */
function view(tokens: readonly Token[]): string[] {
  return tokens
    .filter((t) => !/^t[hd]_(?:open|close)$/.test(t.type) && !(t.type === 'inline' && !t.map))
    .map((t) => [t.type, t.nesting, t.level, JSON.stringify(t.map), t.type.startsWith('heading') ? `${t.tag}${t.markup}` : '', t.type === 'inline' ? t.content : ''].join(' '));
}

/** The fast path's tokens, a top-level section at a time as readBlocks asks for them; undefined where it gives up. */
function simpleTokens(lines: readonly string[]): Token[] | undefined {
  const tokens: Token[] = [];
  for (let at = 0; at < lines.length;) {
    const run = simpleBlockRun(lines, at, lines.length);
    if (!run) return undefined;
    assert.ok(run.next > at, 'a run moves on');
    tokens.push(...run.tokens);
    at = run.next;
  }
  return tokens;
}

function agrees(text: string): boolean | undefined {
  const lines = splitLines(text);
  const fast = simpleTokens(lines);
  if (!fast) return undefined;
  const tokens: Token[] = [];
  md.block.parse(lines.join('\n'), md, {}, tokens);
  assert.deepEqual(view(fast), view(tokens), text);
  return true;
}

/**
 * The fast path for simple documents against markdown-it's block stage: where it answers, it must
 * answer what markdown-it answers (as BlockReader reads it); where it is unsure, it must say so.
 */
describe('block tokens of simple documents', () => {
  it('agree with markdown-it on every CommonMark example the fast path takes', () => {
    let taken = 0;
    for (const t of commonmark.tests) if (agrees(t.markdown.replace(/→/g, '\t'))) taken++;
    console.log(`      fast path took ${taken} of ${commonmark.tests.length} CommonMark examples, all agreeing`);
  });

  const LINES = [
    '', ' ', '# Title', '## Requirements', '### REQ-1: Login', '#### 4.1 登录 NGYH001', '## Title ##', '#hashtag', '#', '- Priority: P1',
    '- Status: done', '- **FR-1**: System MUST', '-  two spaces', '- - nested', '- # heading', '-', '---', '***', '* star', '+ plus',
    '1. one', '2) two', '2024 was a year', '**FR-12: Export**', '**bold** text', '*emphasis*', '_under_', '| ID | Title |', '|---|---|',
    '| REQ-7 | Seven |', '| A | B | C |', '|:--|--:|', 'Plain text.', 'Text citing REQ-1.', '中文段落。', '  indented', '    code',
    '\tTab', '> quote', '<div>', '<!-- c -->', '```', '~~~', '===', '[ref]: /url', '!image', '&amp;', 'a | b', '| no close', '\\# escaped',
    '\u3000', '\u3000全角缩进', '- a\u3000', '\t', '# 标题\u3000', '- 优先级：P1',
    'ID | Title | Status', ':--- | :---: | ---', '--- | ---', 'REQ-1 | Pay | done', ':冒号',
  ];
  const doc = fc.array(fc.constantFrom(...LINES), { maxLength: 30 }).map((ls) => ls.join('\n'));

  it('agree with markdown-it on 20,000 generated documents (fixed seed), taking the simple ones', () => {
    let taken = 0;
    fc.assert(fc.property(doc, (text) => { if (agrees(text)) taken++; }), { numRuns: 20000, seed: 7 });
    console.log(`      fast path took ${taken} of 20000 generated documents, all agreeing`);
    assert.ok(taken > 1000, 'the fast path is taken for simple documents');
  });

  // Lines spelled from the characters that decide block structure, so edge cases nobody listed come up.
  const glyph = fc.constantFrom('#', '-', '|', '*', '+', ' ', '\t', '1', '.', ')', ':', 'a', '中', '\u3000', '`', '>', '=', '\\');
  const spelled = fc.array(fc.array(glyph, { maxLength: 8 }).map((g) => g.join('')), { maxLength: 12 }).map((ls) => ls.join('\n'));

  it('agree with markdown-it on 20,000 documents spelled from structural characters (fixed seed)', () => {
    let taken = 0;
    fc.assert(fc.property(spelled, (text) => { if (agrees(text)) taken++; }), { numRuns: 20000, seed: 11 });
    console.log(`      fast path took ${taken} of 20000 spelled documents, all agreeing`);
    assert.ok(taken > 500, 'the fast path is taken for simple documents');
  });
});
