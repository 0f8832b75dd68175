import * as assert from 'node:assert/strict';
import { numberOf, scanDocIds, stemOf } from '../../src/core/ids';
import { trailingLevel } from '../../src/core/markdown/definitionForms';
import { normalizeTitle } from '../../src/core/sections';
import { indexTree, removeTrees, writeTree } from './helpers/tree';
import { random } from './helpers/random';

/**
 * The line scanners that replaced regexes quadratic in the length of a run of characters (a 50 MB
 * base64 image took a minute to check, a heading with a long run of spaces far longer). Each is
 * proved against the regex it replaced on random text built from the characters that matter.
 * Their speed is measured outside the unit tests (see the commit message), not asserted here.
 */


function strings(alphabet: readonly string[], count: number, maxLength: number, seed: number): string[] {
  const next = random(seed);
  return Array.from({ length: count }, () => {
    let s = '';
    const n = Math.floor(next() * maxLength);
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(next() * alphabet.length)];
    return s;
  });
}

// The replaced implementations, verbatim.
const OLD_DOC_ID = /[A-Z](?:[A-Z0-9]*(?:-[A-Z0-9]+)*-[A-Z]{0,3}\d+|[A-Z]{0,4}\d+)[A-Za-z]?(?:\.\d+)*(?![A-Za-z0-9_]|\.\d)/g;
function oldScanDocIds(line: string): { id: string; start: number; end: number }[] {
  const isIdChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45;
  if (!/[A-Z-]\d/.test(line)) return [];
  const out: { id: string; start: number; end: number }[] = [];
  const re = OLD_DOC_ID;
  re.lastIndex = 0;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (m.index > 0 && isIdChar(line.charCodeAt(m.index - 1))) {
      re.lastIndex = m.index + 1;
      continue;
    }
    if (!/^P\d$/.test(m[0])) out.push({ id: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}
const OLD_TRAILING_LEVEL = /\s*[(（[【]P\d[^()（）[\]【】]{0,16}[)）\]】]\s*$/;
const OLD_FINAL_NUMBER = /(\d+)[A-Za-z]?$/;
function oldNormalizeTitle(title: string): string {
  const numbering = /^\s*(?:[（(][一二三四五六七八九十百\d]+[)）][、.．]?|[一二三四五六七八九十百]+[、.．]|第[一二三四五六七八九十百\d]+[章节部分][、.．:：]?|\d+(?:\.\d+)*[.、．)]?|[IVX]+\.)\s*/;
  return title.replace(/[*_`]/g, '').replace(numbering, '').replace(/[\s:：。.,，;；!！?？、]+$/, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

describe('linear-time line scanners', () => {
  after(removeTrees);

  it('scanDocIds finds the same IDs as the regex scan it replaced', () => {
    const alphabet = ['A', 'B', 'R', 'E', 'Q', 'P', 'x', 'a', '_', '-', '-', '1', '2', '0', '.', ' ', '(', '，', '中'];
    for (const line of [...strings(alphabet, 4000, 40, 1), 'xREQ-1 REQ-2 foo-REQ-3 P1 FR-002a FR-AP-001.1 US1']) {
      assert.deepEqual(scanDocIds(line), oldScanDocIds(line), JSON.stringify(line));
    }
  });

  it('trailingLevel finds the same trailing priority as the regex it replaced', () => {
    const alphabet = [' ', '\t', '\u3000', '(', ')', '（', '）', '[', ']', '【', '】', 'P', '1', 'x', '可', '选', 'REQ-1'];
    for (const text of [...strings(alphabet, 4000, 30, 2), 'Login FR-1 （P2 可选）  ', 'Login FR-1 (P1)', 'x (P1 (P2)', `x${' '.repeat(30)}(P1 0123456789abcdef)`]) {
      assert.equal(trailingLevel(text), OLD_TRAILING_LEVEL.exec(text)?.[0] ?? '', JSON.stringify(text));
    }
  });

  it('stemOf and numberOf split the final number as the regex they replaced did', () => {
    const alphabet = ['A', 'z', '-', '.', '1', '0', '9', 'a'];
    for (const id of [...strings(alphabet, 4000, 12, 3), '', 'REQ-CHK-001', 'FR-002a', 'FR-AP-001.1', '1.2', 'FR12', 'REQ-1ab']) {
      const m = OLD_FINAL_NUMBER.exec(id);
      assert.equal(stemOf(id), m ? id.slice(0, m.index) : id, JSON.stringify(id));
      const digits = m?.[1] ?? '';
      assert.deepEqual(numberOf(id), { value: digits ? Number(digits) : NaN, width: digits.length }, JSON.stringify(id));
    }
  });

  it('normalizeTitle strips trailing punctuation as the regex it replaced did', () => {
    const alphabet = [' ', '\u3000', ':', '：', '。', '.', ',', '!', '？', '、', 'a', 'B', '需', '1', '*', '_'];
    for (const title of [...strings(alphabet, 4000, 24, 4), '2.3 Features:  ', '一、产品愿景。']) {
      assert.equal(normalizeTitle(title), oldNormalizeTitle(title), JSON.stringify(title));
    }
  });

  it('reads a document whose single lines hold long runs of capitals, spaces and digits', async () => {
    const dir = writeTree({
      'image.md': `# Flow\n\n![flow](data:image/bmp;base64,${'A'.repeat(20_000)}/w1${'A'.repeat(1000)}REQ-1)\n`,
      'spaces.md': `# Title${' '.repeat(20_000)}x\n\n## REQ-2 Login${' '.repeat(20_000)}(P1)\n`,
      'digits.md': `## Note A${'1'.repeat(20_000)}REQ-3\n`,
    });
    const board = await indexTree(dir);
    assert.deepEqual([...board.index.requirements()].map((d) => d.id).sort(), ['REQ-2']);
    assert.equal(board.stats().skipped.length, 0);
  });
});
