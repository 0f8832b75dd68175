import * as assert from 'node:assert/strict';
import { diagnosticsOf, indexTree, removeTrees, runCliIn, textAt, writeTree } from './helpers/tree';

const CONFIG = '.specboard/config.json';
const DOCS = { 'docs/a.md': '## REQ-1 A\n', 'notes/b.md': '## REQ-2 B\n', 'other/c.md': '## REQ-3 C\n' };

/** Indexes a tree whose config lists `include`, returning the config's diagnostics and what got indexed. */
async function withInclude(include: string, locale: 'en' | 'zh-cn' = 'en') {
  const dir = writeTree({ [CONFIG]: `{\n  "include": ${include}\n}\n`, ...DOCS });
  const board = await indexTree(dir, locale);
  return { dir, board, diags: diagnosticsOf(board, dir, CONFIG), ids: board.trace().map((r) => r.id) };
}

describe('glob patterns in .specboard/config.json', () => {
  after(removeTrees);

  const shapes: [string, string, RegExp][] = [
    ['an unclosed brace', '"docs/{a,b"', /'include' pattern 'docs\/\{a,b' opens '\{' and never closes it/],
    ['an unclosed bracket', '"docs/[ab"', /'include' pattern 'docs\/\[ab' opens '\['/],
    ['a stray closing parenthesis', '"docs/a)"', /'include' pattern 'docs\/a\)' has a '\)' that closes nothing/],
    ['an empty string', '""', /'include' lists an empty pattern/],
    ['a blank string', '"  "', /'include' lists an empty pattern/],
    ['a number', '42', /'include' lists 42, which is not a pattern/],
    ['an object', '{ "glob": "docs" }', /'include' lists \{"glob":"docs"\}, which is not a pattern/],
    ['null', 'null', /'include' lists null/],
    ['a pattern picomatch refuses as too long', `"${'a'.repeat(70_000)}"`, /is not a valid glob \(Input length/],
    ['five stars in one name, which backtrack for minutes', '"docs/*a*a*a*a*.md"', /'include' pattern 'docs\/\*a\*a\*a\*a\*\.md' has more than 4 '\*' in one name/],
  ];
  for (const [name, bad, wording] of shapes) {
    it(`turns ${name} into one config-error at the entry and applies the other patterns`, async () => {
      const { dir, diags, ids } = await withInclude(`["notes/*.md", ${bad}, "docs/**/*.md"]`);
      assert.equal(diags.length, 1, diags.map((d) => d.message).join('\n'));
      assert.equal(diags[0].code, 'config-error');
      assert.equal(diags[0].severity, 'error');
      assert.match(diags[0].message, wording);
      assert.match(diags[0].message, /^\.specboard\/config\.json: .*the others still apply$/);
      assert.equal(diags[0].range.start.line, 1);
      if (!bad.startsWith('{') && bad.length < 100) assert.equal(textAt(dir, CONFIG, diags[0]), bad);
      assert.deepEqual(ids, ['REQ-1', 'REQ-2']);
    });
  }

  it('reads 40 stars in a row as one, in linear time', async () => {
    const { diags, ids } = await withInclude(`["${'*'.repeat(40)}a.md"]`);
    assert.deepEqual(diags, []);
    assert.deepEqual(ids, ['REQ-1']);
  });

  it('reports each of several bad patterns once, in the order written', async () => {
    const { dir, diags, ids } = await withInclude('["docs/{a", "", 7, "notes/**"]');
    assert.deepEqual(diags.map((d) => [d.code, textAt(dir, CONFIG, d)]), [['config-error', '"docs/{a"'], ['config-error', '""'], ['config-error', '7']]);
    assert.deepEqual(ids, ['REQ-2']);
  });

  it('indexes nothing rather than everything when every include pattern is bad', async () => {
    const { diags, ids } = await withInclude('["docs/{a,b"]');
    assert.equal(diags.length, 1);
    assert.deepEqual(ids, []);
  });

  it('keeps the good exclude patterns when one is bad', async () => {
    const dir = writeTree({ [CONFIG]: '{ "exclude": ["other", "[x"] }', ...DOCS });
    const board = await indexTree(dir);
    assert.deepEqual(diagnosticsOf(board, dir, CONFIG).map((d) => d.message), [
      ".specboard/config.json: 'exclude' pattern '[x' opens '[' and never closes it; this pattern is ignored, the others still apply",
    ]);
    assert.deepEqual(board.trace().map((r) => r.id), ['REQ-1', 'REQ-2']);
  });

  it('checks the globs of sources and of types, keeping their good entries', async () => {
    const dir = writeTree({
      [CONFIG]: '{\n  "sources": ["src/{a", "src/**/*.ts"],\n  "types": { "specs/{x": "spec", "specs/*/spec.md": "spec" }\n}',
      'src/a.ts': '// implements REQ-9\n',
      'specs/001/spec.md': '# Spec\n\n## Functional Requirements\n\n- **FR-001**: System MUST work\n',
    });
    const board = await indexTree(dir);
    const diags = diagnosticsOf(board, dir, CONFIG);
    assert.deepEqual(diags.map((d) => [d.range.start.line, textAt(dir, CONFIG, d)]), [[1, '"src/{a"'], [2, '"specs/{x"']]);
    assert.match(diags[1].message, /'types' pattern 'specs\/\{x'/);
    assert.deepEqual(board.documents().map((d) => d.type), ['spec']);
    assert.ok(board.file(`${dir}/src/a.ts`), 'the good sources pattern still applies');
  });

  it('still reports an option that is not a list at all as one shape error, keeping the default', async () => {
    const { diags, ids } = await withInclude('"docs/*.md"');
    assert.equal(diags.length, 1);
    assert.match(diags[0].message, /'include' must be a list of strings/);
    assert.deepEqual(ids, ['REQ-1', 'REQ-2', 'REQ-3']);
  });

  it('words the problems in Simplified Chinese', async () => {
    const { diags } = await withInclude('["docs/{a,b", "", 1, "x)"]', 'zh-cn');
    assert.deepEqual(diags.map((d) => d.message), [
      ".specboard/config.json：'include' 中的模式 'docs/{a,b' 打开了 '{' 却没有闭合；已忽略该模式，其余模式照常生效",
      ".specboard/config.json：'include' 中有一个空模式；已忽略，其余模式照常生效",
      ".specboard/config.json：'include' 中的 1 不是带引号的模式；已忽略，其余模式照常生效",
      ".specboard/config.json：'include' 中的模式 'x)' 有多余的 ')'；已忽略该模式，其余模式照常生效",
    ]);
  });

  it('makes specboard check print the config-error and exit 2, with no internal error', async () => {
    const dir = writeTree({ [CONFIG]: '{ "include": ["docs/{a,b"] }', 'docs/a.md': '## REQ-1 A\n' });
    const run = await runCliIn(dir, ['check', '.']);
    assert.equal(run.code, 2);
    assert.match(run.stdout, /^\.specboard\/config\.json:1:15: error config-error .*'docs\/\{a,b' opens '\{' and never closes it/m);
    assert.equal(run.stderr, '');
    assert.doesNotMatch(run.stdout, /internal error|\n\s+at /);
  });
});
