import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import type { Specboard } from '../../src/core';
import type { ParsedFile } from '../../src/core';
import { decodeParse, encodeParse } from '../../src/core/parseCacheCodec';
import { parseMarkdown } from '../../src/core/parseMarkdown';
import { parseSource } from '../../src/core/parseSource';
import { parseDoc, reparseMarkdown } from '../../src/core/reparseMarkdown';
import { indexTree, removeTrees, runCliIn, writeTree } from './helpers/tree';

/**
 * Property-based fuzzing of the parser, the index and the CLI over generated and mutated product
 * documents. `npm test` runs it with fixed seeds; `npm run fuzz` (FUZZ_RUNS=…, FUZZ_SEED=…) runs
 * it longer and prints how many documents it tried.
 */
const SCALE = Math.max(1, Number(process.env.FUZZ_RUNS ?? 1));
const SEED = Number(process.env.FUZZ_SEED ?? 20261129);

/** Lines that mean something to Markdown or to Specboard, hostile ones included. */
const LINE = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(
    '### REQ-1: One', '## REQ-2 Two (P0)', '- Priority: P1', '- Status: done', '- 状态：进行中', '- 优先级：高', '- Traces: REQ-1, BR-9',
    '| ID | Title | Status |', '| 需求编号 | 需求名称 | 优先级 | 状态 |', '|---|---|---|', '| --- | :-: |', '| REQ-3 | Three | approved |',
    '| REQ-4 | 四 | P0 | 已完成 |', '- **FR-001**: System MUST work', '1. **NFR-3** fast', '**FR-12: Export**', '### Requirement 1: Login',
    '#### Acceptance Criteria', '1. WHEN x THEN y SHALL z', '### User Story 2 - Browse (Priority: P2)', '- [ ] T001 [P] [US2] task',
    '```', '~~~', '```js``` x', '<!--', '-->', '<div>', '</div>', '---', '===', '', '', '    indented code', '> ### REQ-5 quoted',
    '## 1. 产品愿景', '## Features', '# Title', 'See REQ-1 and REQ-99 and BR-1.', '  - nested: item', '- [FR-7] bracketed', '- FR1: dashless',
  ) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('# a', '- a', '| a', 'title: a', '### REQ', '- Priority:'), fc.constantFrom(' ', '\t', '-1', ':', '|', '*'), fc.integer({ min: 1, max: 3000 }), fc.constantFrom('b', '', '#', ':', '|'))
    .map(([head, run, n, tail]) => head + run.repeat(n) + tail) },
);

const FRONT = fc.oneof(
  fc.constant(''),
  fc.constant('---\ntype: prd\nid: PRD-F\ntitle: Fuzz\nstage: development\nstatus: draft\nowner: Ann\n---\n'),
  fc.constant('---\ntype: prd\ntitle: "unclosed\n---\n'),
  fc.constant('---\n%YAML 1.2\ntype: prd\n---\n'),
  fc.constant('---\ntype:\tprd\n---\n'),
  fc.constant('---\ntype: prd\nstatus: 草稿\n'),
  fc.tuple(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 })).map(([k, v]) => `---\ntype: prd\n${k}: ${v}\n---\n`),
);

const EOL = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r', '\u2028');

const DOCUMENT = fc.tuple(FRONT, fc.array(LINE, { maxLength: 40 }), EOL).map(([front, lines, eol]) => front + lines.join(eol));

/** Every diagnostic inside its file's lines, its range not ending before it starts. */
function rangesInside(board: Specboard, file: string, text: string): void {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  for (const d of board.diagnostics(file)) {
    const { start, end } = d.range;
    const where = `${d.code} ${start.line}:${start.character}-${end.line}:${end.character} in ${JSON.stringify(text.slice(0, 300))}`;
    assert.ok(end.line > start.line || (end.line === start.line && end.character >= start.character), `ends before it starts: ${where}`);
    for (const p of [start, end]) {
      assert.ok(p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length, `outside the file: ${where}`);
    }
  }
}

const json = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;
const tried = { documents: 0, edits: 0, cli: 0, cached: 0 };

/** A parse as JSON text, its front-matter fields (a Map, which JSON leaves empty) as entries; key order counts. */
const parseText = (p: ParsedFile) => JSON.stringify({ ...p, frontMatter: p.frontMatter && { ...p.frontMatter, fields: [...p.frontMatter.fields] } });

describe('fuzzing the parser, the index and the CLI (fast-check)', () => {
  after(() => {
    removeTrees();
    console.log(`      fuzz: ${tried.documents} documents indexed, ${tried.edits} incremental re-parses, ${tried.cli} CLI runs, ${tried.cached} parses through the cache codec (seed ${SEED})`);
  });

  it('indexes generated documents without an exception, every diagnostic inside its file', async function () {
    this.timeout(600_000 * SCALE);
    await fc.assert(fc.asyncProperty(fc.array(DOCUMENT, { minLength: 1, maxLength: 8 }), async (docs) => {
      const files = Object.fromEntries(docs.map((text, i) => [`docs/d${i}.md`, text]));
      const dir = writeTree({ ...files, 'src/a.ts': '// REQ-1 REQ-99 FR-001\n' });
      const board = await indexTree(dir);
      for (const [rel, text] of Object.entries(files)) rangesInside(board, path.join(dir, rel), text);
      board.trace();
      tried.documents += docs.length;
      fs.rmSync(dir, { recursive: true, force: true });
    }), { numRuns: 60 * SCALE, seed: SEED });
  });

  it('re-parses after random edits exactly as a full parse does', function () {
    this.timeout(600_000 * SCALE);
    const editOf = fc.tuple(fc.nat(), fc.nat({ max: 20 }), fc.oneof(LINE, fc.constantFrom('\n', '|', '#', '`', '-', ' ', ':')));
    fc.assert(fc.property(DOCUMENT, fc.array(editOf, { minLength: 1, maxLength: 12 }), (start, edits) => {
      let text = start;
      let previous = parseDoc('/d.md', text, 'en', {});
      for (const [at, removed, insert] of edits) {
        const i = at % (text.length + 1);
        text = text.slice(0, i) + insert + text.slice(i + removed);
        const again = reparseMarkdown(previous, '/d.md', text, 'en', {});
        assert.deepEqual(json(again.parsed), json(parseMarkdown('/d.md', text, 'en')), JSON.stringify(text));
        previous = again;
        tried.edits++;
      }
    }), { numRuns: 300 * SCALE, seed: SEED });
  });

  it('gets every parse back from the cache codec as it was, key order included', function () {
    this.timeout(600_000 * SCALE);
    fc.assert(fc.property(DOCUMENT, (text) => {
      for (const parsed of [parseMarkdown('/d.md', text, 'en'), parseSource('/s.ts', text)]) {
        const encoded = encodeParse(parsed);
        // Front matter JSON cannot give back (-0, NaN…) is never cached: the file is parsed again.
        if (encoded === undefined) continue;
        assert.equal(parseText(decodeParse(encoded, parsed.path, parsed.kind)), parseText(parsed), JSON.stringify(text));
        tried.cached++;
      }
    }), { numRuns: 300 * SCALE, seed: SEED });
  });

  it('prints valid JSON from check and trace, with an exit code of 0, 1 or 2', async function () {
    this.timeout(600_000 * SCALE);
    await fc.assert(fc.asyncProperty(fc.array(DOCUMENT, { minLength: 1, maxLength: 4 }), fc.constantFrom('{}', '{"prefixes":["REQ"]}', '{"include":["docs/{a"]}', 'not json'), async (docs, config) => {
      const dir = writeTree({ '.specboard/config.json': config, ...Object.fromEntries(docs.map((text, i) => [`docs/d${i}.md`, text])) });
      const check = await runCliIn(dir, ['check', '--format', 'json']);
      assert.ok([0, 1, 2].includes(check.code), `exit ${check.code}: ${check.stderr}`);
      assert.doesNotMatch(check.stderr, /internal error/);
      const report = JSON.parse(check.stdout) as { diagnostics: unknown[] };
      assert.ok(Array.isArray(report.diagnostics));
      const trace = await runCliIn(dir, ['trace']);
      assert.equal(trace.code, 0, trace.stderr);
      JSON.parse(trace.stdout);
      tried.cli += 2;
      fs.rmSync(dir, { recursive: true, force: true });
    }), { numRuns: 8 * SCALE, seed: SEED });
  });
});
