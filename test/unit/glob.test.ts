import * as assert from 'node:assert/strict';
import { globMatcher, globToRegExp } from '../../src/core/glob';
import { indexTree, removeTrees, writeTree } from './helpers/tree';

const matches = (glob: string, path: string) => globToRegExp(glob).test(path);

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

  it('applies include globs with braces when indexing', async () => {
    const dir = writeTree({ '.specboard/config.json': '{ "include": ["{specs,docs}/**/*.md"] }', 'specs/a.md': '## REQ-1 a\n', 'docs/b.md': '## REQ-2 b\n', 'other/c.md': '## REQ-3 c\n' });
    const board = await indexTree(dir);
    assert.deepEqual(board.trace().map((r) => r.id), ['REQ-1', 'REQ-2']);
  });
});
