import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ParsedFile, RequirementDef } from '../../src/core';
import { NodeWorkspace, toPosix } from '../../src/cli/nodeWorkspace';
import { createSpecboard } from '../../src/core';
import { cacheKeys } from '../../src/core/parseCache';
import { decodeParse, encodeParse } from '../../src/core/parseCacheCodec';
import { intern, own } from '../../src/core/strings';
import { indexTree, pathIn, removeTrees, writeTree } from './helpers/tree';

/**
 * The index keeps ranges, attribute spans and strings in compact forms (see packedRanges.ts,
 * attributeSpans.ts, strings.ts). What a definition or heading reads back must be exactly what
 * the text says, also where a compact form cannot hold it and the plain one is kept.
 */
async function parsedOf(text: string): Promise<{ file: ParsedFile; byId: Map<string, RequirementDef> }> {
  const dir = writeTree({ 'docs/prd.md': text });
  const board = await indexTree(dir);
  const file = board.file(pathIn(dir, 'docs/prd.md'));
  assert.ok(file);
  return { file, byId: new Map(file.requirements.map((d) => [d.id, d])) };
}

function lineRange(line: number, start: number, end: number) {
  return { start: { line, character: start }, end: { line, character: end } };
}

const FRONT = '---\ntype: prd\nid: PRD-1\ntitle: Checkout\n---\n# Checkout PRD\n## 4. Features\n';

describe('the compact index reads back what the text says', () => {
  after(removeTrees);

  it('gives ranges and attribute spans on small lines and columns, and after line 65,535 and column 65,535', async () => {
    const long = 'x'.repeat(70_000);
    const lines = [...FRONT.trimEnd().split('\n'), '### REQ-1: Near the top', '- Priority: P1', `- Notes: ${long}`, ''];
    while (lines.length < 70_010) lines.push('');
    const far = lines.length;
    lines.push(`### REQ-2: Far down ${long}`, '- Priority: P2', '');
    const text = lines.join('\n');
    const { file, byId } = await parsedOf(text);
    const near = byId.get('REQ-1');
    const deep = byId.get('REQ-2');
    assert.ok(near && deep);
    const nearLine = lines.indexOf('### REQ-1: Near the top');
    assert.deepEqual(near.idRange, lineRange(nearLine, 4, 9));
    assert.deepEqual(near.range, lineRange(nearLine, 0, lines[nearLine].length));
    assert.deepEqual(near.attributeSpans.priority.valueRange, lineRange(nearLine + 1, 12, 14));
    assert.deepEqual(near.attributeSpans.notes.valueRange, lineRange(nearLine + 2, 9, 9 + long.length));
    assert.deepEqual(deep.idRange, lineRange(far, 4, 9));
    assert.deepEqual(deep.range, lineRange(far, 0, lines[far].length));
    assert.deepEqual(deep.attributeSpans.priority, { key: 'Priority', line: far + 1, keyRange: lineRange(far + 1, 2, 10), valueRange: lineRange(far + 1, 12, 14) });
    const heading = file.headings.find((h) => h.requirementId === 'REQ-2');
    assert.deepEqual(heading?.range, deep.range);
    const plain = file.headings.find((h) => h.text === 'Checkout PRD');
    assert.deepEqual(plain?.range, lineRange(lines.indexOf('# Checkout PRD'), 0, '# Checkout PRD'.length));
  });

  it('spreads and serializes definitions and headings with their ranges and spans as plain values', async () => {
    const { file, byId } = await parsedOf(`${FRONT}### REQ-1: Guest checkout\n- Priority: P1\n- Status: approved\n`);
    const def = byId.get('REQ-1')!;
    const copy = { ...def };
    assert.deepEqual(copy.idRange, def.idRange);
    assert.deepEqual(copy.attributeSpans, def.attributeSpans);
    const json = JSON.parse(JSON.stringify(file.headings)) as { range: unknown }[];
    assert.deepEqual(json.map((h) => h.range), file.headings.map((h) => h.range));
    // Every read is a new object: a caller changing one cannot change the index.
    assert.notEqual(def.range, def.range);
  });

  it('round-trips a parse through the cache codec with the same ranges, spans and headings', async () => {
    // A value past column 65,535 and a heading line longer than that keep their plain forms.
    const long = 'y'.repeat(70_000);
    const { file } = await parsedOf(`${FRONT}### REQ-1: Guest checkout\n- Priority: P1\n- Notes: ${long}\n\n### REQ-3: Long ${long}\n\n| ID | Title | Priority |\n| --- | --- | --- |\n| REQ-1 | Guest checkout | P1 |\n| REQ-2 | Saved cards | P2 |\n`);
    const text = encodeParse(file);
    assert.ok(text);
    const back = decodeParse(text, file.path, file.kind);
    assert.deepEqual(JSON.parse(encodeParse(back)!), JSON.parse(text));
    assert.deepEqual(back.requirements.map((d) => [d.idRange, d.range, d.attributeSpans, d.otherIdRanges]), file.requirements.map((d) => [d.idRange, d.range, d.attributeSpans, d.otherIdRanges]));
    assert.deepEqual(back.headings.map((h) => [h.line, h.range, h.requirementId, h.nested]), file.headings.map((h) => [h.line, h.range, h.requirementId, h.nested]));
  });

  it('keeps attribute values apart that differ only in case, spacing or width', async () => {
    const { byId } = await parsedOf(`${FRONT}### REQ-1: One\n- Owner: alice\n\n### REQ-2: Two\n- Owner: Alice\n\n### REQ-3: Three\n- Owner: ａｌｉｃｅ\n\n### REQ-4: Four\n- Owner: alice smith\n`);
    assert.deepEqual(['REQ-1', 'REQ-2', 'REQ-3', 'REQ-4'].map((id) => byId.get(id)?.attributes.owner), ['alice', 'Alice', 'ａｌｉｃｅ', 'alice smith']);
  });
});

describe('parsing without excerpts (the CLI check)', () => {
  after(removeTrees);

  it('leaves every excerpt empty and everything else as it was, under keys of its own', async () => {
    const dir = writeTree({
      'docs/prd.md': `${FRONT}### REQ-1: Guest checkout\n- Priority: P1\n\nGuests pay without an account.\n\n- **REQ-2**: Saved cards for returning buyers\n\n| ID | Title | Description |\n| --- | --- | --- |\n| REQ-3 | Wallets | Apple Pay and Google Pay |\n\n## 需求\n\n### 1. Requirement 1: Login\n\n#### Acceptance Criteria\n\n1. WHEN a user signs in THEN the system SHALL remember them\n`,
    });
    const withExcerpts = await indexTree(dir);
    const bare = createSpecboard({ workspace: new NodeWorkspace([toPosix(dir)]), locale: 'en', excerpts: false });
    await bare.indexAll();
    const file = pathIn(dir, 'docs/prd.md');
    const full = withExcerpts.file(file)!.requirements;
    const without = bare.file(file)!.requirements;
    assert.ok(full.filter((d) => d.excerpt !== '').length >= 3, `excerpts in a default parse: ${JSON.stringify(full.map((d) => [d.id, d.excerpt]))}`);
    assert.deepEqual(without.map((d) => d.excerpt), full.map(() => ''));
    const rest = (defs: readonly RequirementDef[]) => JSON.parse(JSON.stringify(defs.map((d) => ({ ...d, excerpt: undefined })))) as unknown;
    assert.deepEqual(rest(without), rest(full));
    assert.deepEqual(bare.allDiagnostics(), withExcerpts.allDiagnostics());
    const project = bare.projectFor(file)!;
    assert.notEqual(cacheKeys(project, 'en', false).parse, cacheKeys(project, 'en').parse, 'a cache never mixes the two kinds of parse');
    assert.notEqual(cacheKeys(project, 'en', false).check, cacheKeys(project, 'en').check);
  });
});

describe('own and intern', () => {
  it('own gives an equal string at every length, also one that starts with a surrogate pair', () => {
    const text = `prefix 😀${'支付'.repeat(20)}abcdefghijklmnopqrstuvwxyz suffix`;
    for (let start = 0; start < 12; start++) {
      for (let length = 0; length <= 40 && start + length <= text.length; length++) {
        const part = text.slice(start, start + length);
        assert.equal(own(part), part);
      }
    }
  });

  it('intern returns one copy for equal values and never merges values that differ', () => {
    const values = ['P1', 'p1', 'P1 ', ' P1', 'Ｐ1', 'approved', 'Approved', '审批', '审批中', 'a'.repeat(24), `${'a'.repeat(23)}b`, 'a'.repeat(25)];
    const first = values.map((v) => intern(` ${v}`.slice(1)));
    const second = values.map((v) => intern(`${v} `.slice(0, -1)));
    assert.deepEqual(first, values);
    assert.deepEqual(second, values);
    assert.equal(new Set(first).size, values.length);
  });
});

describe('citations of one ID from few files and from many', () => {
  after(removeTrees);

  it('finds every citing file as files come and go past the point where the list becomes a map', async () => {
    const files: Record<string, string> = { 'docs/prd.md': `${FRONT}### REQ-1: Guest checkout\n- Priority: P1\n` };
    for (let i = 0; i < 12; i++) files[`src/f${i}.ts`] = i % 2 ? `// REQ-1\n// REQ-99\n// REQ-1 again\n` : `// REQ-1 and REQ-99\n`;
    const dir = writeTree(files);
    const board = await indexTree(dir);
    const citing = () => [...new Set(board.index.references('REQ-1').map((r) => r.path.slice(dir.length + 1)))].sort();
    const unknownIn = () => board.allDiagnostics().filter((d) => d.code === 'unknown-id').map((d) => d.path.slice(dir.length + 1)).sort();
    const all = Array.from({ length: 12 }, (_, i) => `src/f${i}.ts`).sort();
    assert.deepEqual(citing(), all);
    assert.equal(board.index.references('REQ-1').length, 18);
    assert.deepEqual(unknownIn(), all);
    for (let i = 0; i < 10; i++) {
      fs.rmSync(path.join(dir, `src/f${i}.ts`));
      await board.refreshFromDisk(pathIn(dir, `src/f${i}.ts`));
    }
    assert.deepEqual(citing(), ['src/f10.ts', 'src/f11.ts']);
    assert.deepEqual(unknownIn(), ['src/f10.ts', 'src/f11.ts']);
    fs.writeFileSync(path.join(dir, 'src/f10.ts'), '// no citation left\n');
    await board.refreshFromDisk(pathIn(dir, 'src/f10.ts'));
    for (let i = 0; i < 9; i++) {
      fs.writeFileSync(path.join(dir, `src/g${i}.ts`), '// REQ-1\n');
      await board.refreshFromDisk(pathIn(dir, `src/g${i}.ts`));
    }
    assert.deepEqual(citing(), ['src/f11.ts', ...Array.from({ length: 9 }, (_, i) => `src/g${i}.ts`)].sort());
    assert.deepEqual(board.index.referenceCounts('REQ-1'), { doc: 0, code: 11 });
  });
});
