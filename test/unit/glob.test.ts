import * as assert from 'node:assert/strict';
import { compileGlob, globMatcher } from '../../src/core/glob';
import { indexTree, removeTrees, writeTree } from './helpers/tree';

function matches(glob: string, path: string): boolean {
  const compiled = compileGlob(glob);
  assert.ok(compiled.ok, `'${glob}' should compile`);
  return compiled.match(path);
}

describe('glob patterns', () => {
  after(removeTrees);

  it('matches ** across any number of folders, including none', () => {
    assert.ok(matches('docs/**/*.md', 'docs/a.md'));
    assert.ok(matches('docs/**/*.md', 'docs/x/y/a.md'));
    assert.ok(!matches('docs/**/*.md', 'other/docs/a.md'));
  });

  it('keeps * and ? inside one path segment', () => {
    assert.ok(matches('docs/*.md', 'docs/a.md'));
    assert.ok(!matches('docs/*.md', 'docs/x/a.md'));
    assert.ok(matches('src/?.ts', 'src/a.ts'));
    assert.ok(!matches('src/?.ts', 'src/ab.ts'));
  });

  it('matches a pattern without a slash at any depth, like .gitignore', () => {
    assert.ok(matches('*.md', 'a.md'));
    assert.ok(matches('*.md', 'deep/er/a.md'));
    assert.ok(matches('drafts', 'docs/drafts/x.md'));
  });

  it('expands {a,b} alternatives and [abc] classes, including [!abc]', () => {
    assert.ok(matches('**/*.{ts,py}', 'src/a.py'));
    assert.ok(!matches('**/*.{ts,py}', 'src/a.go'));
    assert.ok(matches('v[12].md', 'v1.md'));
    assert.ok(!matches('v[12].md', 'v3.md'));
    assert.ok(matches('v[!12].md', 'v3.md'));
  });

  it('treats regex characters in patterns literally', () => {
    assert.ok(matches('docs/a+b (1).md', 'docs/a+b (1).md'));
    assert.ok(!matches('docs/a.md', 'docs/aXmd'));
    assert.ok(matches('docs/$x^.md', 'docs/$x^.md'));
  });

  it('covers everything inside a folder named by the pattern, with or without a trailing slash', () => {
    assert.ok(matches('archive', 'archive/2020/a.md'));
    assert.ok(matches('docs/old/', 'docs/old/a.md'));
    assert.ok(matches('archive/**', 'archive/a.md'));
    assert.ok(!matches('archive', 'archives/a.md'));
  });

  it('ignores a leading ./ and surrounding spaces', () => {
    assert.ok(matches(' ./docs/*.md ', 'docs/a.md'));
  });

  it('combines a list of globs into one predicate', () => {
    const m = globMatcher(['docs/**/*.md', '*.markdown']);
    assert.ok(m('docs/a.md'));
    assert.ok(m('x/y.markdown'));
    assert.ok(!m('src/a.ts'));
    assert.ok(!globMatcher([])('anything'));
  });

  it('anchors a pattern with a leading / at the folder root, as .gitignore does', () => {
    assert.ok(matches('/drafts', 'drafts/a.md'));
    assert.ok(!matches('/drafts', 'docs/drafts/a.md'));
    assert.ok(matches('/docs/*.md', 'docs/a.md'));
  });

  it('reaches files in dot folders such as .kiro/specs', () => {
    assert.ok(matches('**/*.md', '.kiro/specs/login/requirements.md'));
    assert.ok(matches('*.md', '.github/a.md'));
  });

  it('keeps + | and a leading ! literal, as the earlier matcher did', () => {
    assert.ok(matches('docs/c++/*.md', 'docs/c++/a.md'));
    assert.ok(matches('[ab]+.md', 'a+.md'));
    assert.ok(!matches('[ab]+.md', 'aa.md'), "'+' after a class is no regex quantifier");
    assert.ok(matches('docs/a|b.md', 'docs/a|b.md'));
    assert.ok(!matches('docs/a|*', 'readme.md'), "a '|' must not split the whole pattern in two");
    assert.ok(matches('!x.md', 'docs/!x.md'));
    assert.ok(!matches('!x.md', 'docs/y.md'), 'a leading ! does not negate');
  });

  it('offers picomatch alternatives in parentheses, still split by |', () => {
    assert.ok(matches('docs/@(a|b).md', 'docs/b.md'));
    assert.ok(!matches('docs/@(a|b).md', 'docs/c.md'));
  });

  it('escapes the text after a long run of stars (40 stars then a.md)', () => {
    const glob = `${'*'.repeat(40)}a.md`;
    assert.ok(matches(glob, 'x/ba.md'));
    assert.ok(matches(glob, 'a.md'));
    assert.ok(!matches(glob, 'x/aXmd'), "the '.' stays a dot (picomatch 4.0.7 loses the escape after three stars)");
    assert.ok(matches('docs/***/a.md', 'docs/x/y/a.md'));
  });

  it('says why a pattern cannot be used instead of throwing', () => {
    const problem = (glob: unknown) => {
      const compiled = compileGlob(glob);
      return compiled.ok ? undefined : compiled.problem;
    };
    assert.deepEqual(problem(42), { kind: 'notString' });
    assert.deepEqual(problem(null), { kind: 'notString' });
    assert.deepEqual(problem(''), { kind: 'empty' });
    assert.deepEqual(problem('  ./ '), { kind: 'empty' });
    assert.deepEqual(problem('/'), { kind: 'empty' });
    assert.deepEqual(problem('docs/{a,b'), { kind: 'unclosed', char: '{' });
    assert.deepEqual(problem('docs/[ab'), { kind: 'unclosed', char: '[' });
    assert.deepEqual(problem('docs/@(a|b'), { kind: 'unclosed', char: '(' });
    assert.deepEqual(problem('docs/a)'), { kind: 'unopened', char: ')' });
    assert.equal(problem('a'.repeat(70_000))?.kind, 'invalid');
    assert.equal(problem('docs/{a,b}'), undefined);
  });

  it('leaves unusable patterns out of a list and still applies the rest', () => {
    const m = globMatcher(['docs/{a,b', '', 'docs/*.md']);
    assert.ok(m('docs/a.md'));
    assert.ok(!m('docs/{a,b'));
    assert.ok(!globMatcher(['docs/{a,b'])('docs/a'));
  });

  it('applies include globs with braces when indexing', async () => {
    const dir = writeTree({ '.specboard/config.json': '{ "include": ["{specs,docs}/**/*.md"] }', 'specs/a.md': '## REQ-1 a\n', 'docs/b.md': '## REQ-2 b\n', 'other/c.md': '## REQ-3 c\n' });
    const board = await indexTree(dir);
    assert.deepEqual(board.trace().map((r) => r.id), ['REQ-1', 'REQ-2']);
  });
});
