import * as assert from 'node:assert/strict';
import { designDoc } from './helpers/docs';
import { diagnosticsOf, indexTree, lineOf, pathIn, removeTrees, textAt, writeTree } from './helpers/tree';

describe('references and cross-document checks', () => {
  after(removeTrees);

  it('reports duplicate-id on every definition, naming the other places with 1-based lines', async () => {
    const dir = writeTree({ 'a.md': '# A\n## REQ-1 First\n', 'b.md': '# B\n\n## REQ-1 Second\n', 'c.md': '# C\n\n## REQ-1 Third\n' });
    const board = await indexTree(dir);
    const a = diagnosticsOf(board, dir, 'a.md', 'duplicate-id');
    const b = diagnosticsOf(board, dir, 'b.md', 'duplicate-id');
    const c = diagnosticsOf(board, dir, 'c.md', 'duplicate-id');
    assert.equal(a.length + b.length + c.length, 3);
    const others = (d: typeof a[0]) => [...(d.data?.others ?? [])].map((o) => `${o.path.slice(dir.length + 1)}:${o.line}`).sort();
    assert.deepEqual(others(a[0]), ['b.md:3', 'c.md:3']);
    assert.deepEqual(others(b[0]), ['a.md:2', 'c.md:3']);
    assert.deepEqual(others(c[0]), ['a.md:2', 'b.md:3']);
    for (const place of ['b.md:3', 'c.md:3']) assert.ok(a[0].message.includes(place), a[0].message);
    assert.match(a[0].message, /^Requirement REQ-1 is defined more than once: also at /);
    assert.equal(textAt(dir, 'b.md', b[0]), 'REQ-1');
  });

  it('orders duplicate definitions deterministically, by path then line', async () => {
    const dir = writeTree({ 'a.md': `# A\n## REQ-1 First\n${'x'.repeat(1_500_000)}\n`, 'b.md': '# B\n\n## REQ-1 Second\n', 'c.md': '# C\n\n## REQ-1 Third\n' });
    for (let run = 0; run < 5; run++) {
      const board = await indexTree(dir);
      assert.equal(board.definition('REQ-1')?.path, pathIn(dir, 'a.md'));
      assert.match(diagnosticsOf(board, dir, 'b.md')[0].message, /also at a\.md:2, c\.md:3$/);
    }
  });

  it('reads a table row listing an ID that a heading defines elsewhere as a reference, not a duplicate', async () => {
    const dir = writeTree({ 'a.md': '# A\n## REQ-1 First\n', 'plan.md': '| ID | Title |\n|---|---|\n| REQ-1 | Listed |\n' });
    const board = await indexTree(dir);
    assert.deepEqual(diagnosticsOf(board, dir, 'plan.md'), []);
    assert.deepEqual(board.index.definitions('REQ-1').map((d) => d.path), [pathIn(dir, 'a.md')]);
    assert.deepEqual(board.index.references('REQ-1').map((r) => [r.path.slice(dir.length + 1), r.line]), [['plan.md', 2]]);
  });

  it('reports a duplicate within one file on both definitions', async () => {
    const dir = writeTree({ 'a.md': '## REQ-1 One\n\n## REQ-1 Again\n' });
    const board = await indexTree(dir);
    const diags = diagnosticsOf(board, dir, 'a.md', 'duplicate-id');
    assert.deepEqual(diags.map((d) => d.range.start.line), [0, 2]);
    assert.match(diags[0].message, /also at a\.md:3/);
  });

  it('reports an unknown ID with a known prefix as an error in a document, with the likeliest IDs as suggestions', async () => {
    const dir = writeTree({ 'prd.md': '## REQ-CHK-001 a\n## REQ-CHK-002 b\n## REQ-CHK-010 c\n## REQ-PAY-001 d\n', 'design.md': designDoc('Implements REQ-CHK-009.') });
    const board = await indexTree(dir);
    const [d] = diagnosticsOf(board, dir, 'design.md', 'unknown-id');
    assert.equal(d.severity, 'error');
    assert.equal(textAt(dir, 'design.md', d), 'REQ-CHK-009');
    // One digit off first (009 for 002 or 001), then the nearest number.
    assert.deepEqual(d.data?.suggestions, ['REQ-CHK-002', 'REQ-CHK-001', 'REQ-CHK-010']);
    assert.match(d.message, /Did you mean REQ-CHK-002, REQ-CHK-001, REQ-CHK-010\?/);
  });

  it('reads a link destination and a URL as addresses, not citations', async () => {
    const dir = writeTree({ 'prd.md': '## REQ-1 a\n', 'design.md': designDoc('See [REQ-9](REQ-9-overview.md), [the spec](specs/REQ-7.md) and https://tracker.example.com/browse/REQ-8 (REQ-1).') });
    const board = await indexTree(dir);
    assert.deepEqual(diagnosticsOf(board, dir, 'design.md', 'unknown-id').map((d) => textAt(dir, 'design.md', d)), ['REQ-9']);
    assert.equal(board.index.references('REQ-1').length, 1, 'the citation after the URL still counts');
  });

  it('suggests IDs of the closest stem when the stem of an unknown ID has no definitions', async () => {
    const dir = writeTree({ 'prd.md': '## REQ-CHK-001 a\n## REQ-PAY-001 b\n', 'x.md': 'See REQ-CHX-001.\n' });
    const board = await indexTree(dir);
    assert.deepEqual(diagnosticsOf(board, dir, 'x.md')[0].data?.suggestions, ['REQ-CHK-001']);
  });

  it('reports an unknown ID in source code only as a warning', async () => {
    const dir = writeTree({ 'prd.md': '## REQ-1 a\n', 'src/app.ts': 'export const x = 1; // REQ-2\n' });
    const board = await indexTree(dir);
    const diags = diagnosticsOf(board, dir, 'src/app.ts');
    assert.deepEqual(diags.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character]), [['unknown-id', 'warning', 0, 23]]);
  });

  it('finds references in TypeScript, Python, Go, Java, SQL and Gherkin files', async () => {
    const files = ['src/a.ts', 'src/b.py', 'src/c.go', 'src/D.java', 'db/e.sql', 'features/f.feature', 'src/g.rs', 'web/h.vue'];
    const dir = writeTree({ 'prd.md': '## REQ-7 Export\n', ...Object.fromEntries(files.map((f) => [f, `// covers REQ-7\n`])) });
    const board = await indexTree(dir);
    const refs = board.trace()[0].references;
    assert.deepEqual(refs.map((r) => r.path.slice(dir.length + 1)).sort(), [...files].sort());
    assert.ok(refs.every((r) => r.kind === 'code' && r.line === 0));
  });

  it('counts Markdown mentions as doc references and ignores files that are neither docs nor sources', async () => {
    const dir = writeTree({ 'prd.md': '## REQ-7 Export\n', 'notes.markdown': 'REQ-7\n', 'data.csv': 'REQ-7\n', 'readme.txt': 'REQ-7\n' });
    const board = await indexTree(dir);
    assert.deepEqual(board.trace()[0].references.map((r) => [r.path.slice(dir.length + 1), r.kind]), [['notes.markdown', 'doc']]);
  });

  it('never reads node_modules, .git, dist, build or other output folders', async () => {
    const dirs = ['node_modules/pkg', '.git', 'dist', 'build', 'out', 'target', 'coverage', 'src/node_modules/x', '.venv', '__pycache__'];
    const dir = writeTree({ 'prd.md': '## REQ-1 a\n', ...Object.fromEntries(dirs.flatMap((d) => [[`${d}/x.md`, 'REQ-404\n'], [`${d}/x.ts`, '// REQ-405\n']])) });
    const board = await indexTree(dir);
    assert.equal(board.stats().files, 1);
    assert.deepEqual(board.allDiagnostics(), []);
  });

  it('skips the paths matched by config exclude, as folders and as files', async () => {
    const dir = writeTree({
      '.specboard/config.json': '{ "exclude": ["archive/**", "drafts", "**/*.generated.ts"] }',
      'prd.md': '## REQ-1 a\n', 'archive/old.md': 'REQ-404\n', 'docs/drafts/wip.md': 'REQ-405\n', 'src/api.generated.ts': '// REQ-406\n', 'src/ok.ts': '// REQ-1\n',
    });
    const board = await indexTree(dir);
    assert.deepEqual(board.allDiagnostics(), []);
    assert.deepEqual([...board.index.entries()].map((e) => e.path.slice(dir.length + 1)).sort(), ['prd.md', 'src/ok.ts']);
  });

  it('reads only the source files matched by config sources', async () => {
    const dir = writeTree({
      '.specboard/config.json': '{ "prefixes": ["REQ"], "sources": ["app/**/*.py"] }',
      'app/a.py': '# REQ-7\n', 'app/sub/b.py': '# REQ-8\n', 'lib/c.py': '# REQ-9\n', 'app/d.ts': '// REQ-10\n',
    });
    const board = await indexTree(dir);
    const flagged = board.allDiagnostics().map((d) => d.path.slice(dir.length + 1)).sort();
    assert.deepEqual(flagged, ['app/a.py', 'app/sub/b.py']);
  });

  it('reads only the documents matched by config include', async () => {
    const dir = writeTree({ '.specboard/config.json': '{ "include": ["docs/**/*.md"] }', 'docs/prd.md': '## REQ-1 a\n', 'README.md': '## REQ-2 b\n' });
    const board = await indexTree(dir);
    assert.deepEqual(board.trace().map((r) => r.id), ['REQ-1']);
  });

  it('resolves references inside fenced code blocks of documents', async () => {
    const dir = writeTree({ 'prd.md': '## REQ-1 a\n', 'doc.md': '```ts\n// REQ-1\n```\n' });
    const board = await indexTree(dir);
    assert.equal(board.trace()[0].references[0].line, lineOf(dir, 'doc.md', '// REQ-1'));
  });

  it('does not count a definition as a reference to itself', async () => {
    const dir = writeTree({ 'prd.md': '## REQ-1 a\n| ID | Title |\n|---|---|\n| REQ-2 | b |\n' });
    const board = await indexTree(dir);
    assert.deepEqual(board.trace().map((r) => r.references.length), [0, 0]);
    assert.equal(board.stats().references, 0);
  });
});
