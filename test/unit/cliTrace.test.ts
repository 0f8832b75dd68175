import * as assert from 'node:assert/strict';
import { brd, prd } from './helpers/docs';
import { lineOf, removeTrees, runCliIn, writeTree } from './helpers/tree';

function workspace(): string {
  return writeTree({
    'docs/brd.md': brd('### BR-1 Grow\n- Priority: P0\n'),
    'docs/prd.md': prd('### REQ-1 Guest checkout, fast\n- Priority: P0\n- Status: done\n- Owner: =cmd\n- Traces: BR-1, BR-7\n', { release: '"2.0"' }),
    'docs/notes.md': 'REQ-1 is live.\n',
    'src/pay.ts': '\n// REQ-1\n',
  });
}

interface TraceJson {
  version: number;
  requirements: { id: string; title: string; file: string; line: number; docType: string | null; status: string | null; priority: string | null; traces: string[]; downstream: string[]; brokenTraces: string[]; references: { file: string; line: number; kind: string }[] }[];
}

describe('specboard trace', () => {
  after(removeTrees);

  it('prints JSON by default: version 1 and each requirement with file, line, attributes, traces and references', async () => {
    const dir = workspace();
    const run = await runCliIn(dir, ['trace']);
    assert.equal(run.code, 0);
    const out = JSON.parse(run.stdout) as TraceJson;
    assert.equal(out.version, 1);
    assert.deepEqual(out.requirements.map((r) => r.id), ['BR-1', 'REQ-1']);
    const req = out.requirements[1];
    for (const key of ['id', 'title', 'file', 'line', 'docType', 'status', 'priority', 'traces', 'references']) assert.ok(key in req, key);
    assert.deepEqual(
      { id: req.id, title: req.title, file: req.file, docType: req.docType, status: req.status, priority: req.priority, traces: req.traces, brokenTraces: req.brokenTraces },
      { id: 'REQ-1', title: 'Guest checkout, fast', file: 'docs/prd.md', docType: 'prd', status: 'done', priority: 'P0', traces: ['BR-1', 'BR-7'], brokenTraces: ['BR-7'] },
    );
    assert.equal(req.line, lineOf(dir, 'docs/prd.md', '### REQ-1') + 1);
    assert.deepEqual(req.references, [{ file: 'docs/notes.md', line: 1, kind: 'doc' }, { file: 'src/pay.ts', line: 2, kind: 'code' }]);
    assert.deepEqual(out.requirements[0].downstream, ['REQ-1']);
    assert.equal(out.requirements[0].status, null);
  });

  it('lists only the requirements defined under the given path', async () => {
    const run = await runCliIn(workspace(), ['trace', 'docs/brd.md']);
    const out = JSON.parse(run.stdout) as TraceJson;
    assert.deepEqual(out.requirements.map((r) => r.id), ['BR-1']);
    assert.deepEqual(out.requirements[0].references.map((r) => r.file), ['docs/prd.md']);
  });

  it('prints CSV with a header, quoting commas and defusing spreadsheet formulas', async () => {
    const dir = workspace();
    const run = await runCliIn(dir, ['trace', '--format', 'csv']);
    const line = lineOf(dir, 'docs/prd.md', '### REQ-1') + 1;
    assert.equal(run.code, 0);
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines[0], 'ID,Title,Status,Priority,Release,Owner,Doc type,File,Line,Traces,Downstream,Code references,Doc references');
    assert.equal(lines[2], `REQ-1,"Guest checkout, fast",done,P0,2.0,'=cmd,prd,docs/prd.md,${line},BR-1 BR-7,,src/pay.ts:2,docs/notes.md:1`);
    assert.equal(lines.length, 3);
  });

  it('prints a Markdown matrix with reference counts', async () => {
    const run = await runCliIn(workspace(), ['trace', '--format=md']);
    assert.equal(run.code, 0);
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines[0], '| ID | Title | Status | Priority | Traces | Downstream | Code | Docs |');
    assert.equal(lines[1], '| --- | --- | --- | --- | --- | --- | --- | --- |');
    assert.equal(lines[3], '| REQ-1 | Guest checkout, fast | done | P0 | BR-1, BR-7 |  | 1 | 1 |');
  });

  it('writes the Markdown matrix\'s headers in the chosen language', async () => {
    const run = await runCliIn(workspace(), ['trace', '--format', 'md', '--lang', 'zh-cn']);
    assert.equal(run.stdout.split('\n')[0], '| ID | 标题 | 状态 | 优先级 | 上游 | 下游 | 代码引用 | 文档引用 |');
  });

  it('escapes pipes in Markdown cells', async () => {
    const dir = writeTree({ 'a.md': '## REQ-1 Either | or\n' });
    const run = await runCliIn(dir, ['trace', '--format', 'md']);
    assert.match(run.stdout, /\| REQ-1 \| Either \\\| or \|/);
  });

  it('exits 0 with an empty list when nothing is defined', async () => {
    const run = await runCliIn(writeTree({ 'a.md': '# nothing\n' }), ['trace']);
    assert.equal(run.code, 0);
    assert.deepEqual(JSON.parse(run.stdout), { version: 1, requirements: [] });
  });
});
