import * as assert from 'node:assert/strict';
import { commonFields, designDoc, frontMatter } from './helpers/docs';
import { diagnosticsOf, indexTree, removeTrees, startOf, textAt, writeTree } from './helpers/tree';

/** Indexes one file `doc.md` and returns its diagnostics. */
async function check(text: string, code?: string) {
  const dir = writeTree({ 'doc.md': text });
  const board = await indexTree(dir);
  return { dir, board, diags: diagnosticsOf(board, dir, 'doc.md', code) };
}

describe('front matter', () => {
  after(removeTrees);

  for (const field of ['id', 'title', 'stage', 'status', 'owner']) {
    it(`reports a missing '${field}' as missing-field on line 1 (the opening ---)`, async () => {
      const { diags } = await check(designDoc('', { [field]: undefined }), 'missing-field');
      assert.equal(diags.length, 1);
      assert.equal(startOf(diags[0]), '1:1');
      assert.equal(diags[0].range.end.character, 3);
      assert.equal(diags[0].severity, 'error');
      assert.equal(diags[0].data?.field, field);
      assert.match(diags[0].message, new RegExp(`'${field}'`));
    });
  }

  it('reports every missing common field when only the type is given', async () => {
    const { diags } = await check('---\ntype: design\n---\n# Doc\n', 'missing-field');
    assert.deepEqual(diags.map((d) => d.data?.field).sort(), ['id', 'owner', 'stage', 'status', 'title']);
  });

  it('treats front matter without a type as ordinary Markdown (e.g. a site page), not as a broken document', async () => {
    const { diags } = await check('---\ntitle: About us\nlayout: page\n---\n# About\n');
    assert.deepEqual(diags, []);
  });

  it('reports an invalid status as invalid-value pointing at the value and listing allowed values', async () => {
    const { dir, diags } = await check(designDoc('', { status: 'doing' }), 'invalid-value');
    assert.equal(diags.length, 1);
    assert.equal(startOf(diags[0]), '6:9');
    assert.equal(textAt(dir, 'doc.md', diags[0]), 'doing');
    assert.deepEqual(diags[0].data?.allowed, ['draft', 'review', 'approved', 'obsolete']);
  });

  it('reports an unknown type at the type value, naming the known types', async () => {
    const { dir, diags } = await check(designDoc('', { type: 'memo' }));
    assert.deepEqual(diags.map((d) => d.code), ['unknown-type']);
    assert.equal(textAt(dir, 'doc.md', diags[0]), 'memo');
    assert.match(diags[0].message, /'memo'.*prd.*brd|'memo'.*brd.*prd/);
  });

  it('reports malformed YAML as frontmatter-syntax on the offending line', async () => {
    const { diags } = await check('---\ntype: design\ntitle: a: b\nowner: x\n---\n# Doc\n');
    assert.deepEqual(diags.map((d) => d.code), ['frontmatter-syntax']);
    assert.equal(diags[0].range.start.line + 1, 3);
    assert.match(diags[0].message, /not valid YAML/);
  });

  it('explains tab indentation in YAML instead of a raw parser message', async () => {
    const { diags } = await check('---\ntype: design\ntags:\n\t- a\n---\n');
    assert.deepEqual(diags.map((d) => d.code), ['frontmatter-syntax']);
    assert.equal(diags[0].range.start.line + 1, 4);
    assert.match(diags[0].message, /tab/);
  });

  it('reports front matter that is never closed on line 1', async () => {
    const { diags } = await check('---\ntype: design\n# Doc\n');
    assert.deepEqual(diags.map((d) => [d.code, startOf(d)]), [['frontmatter-syntax', '1:1']]);
    assert.match(diags[0].message, /never closed/);
  });

  it('warns (not errors) about empty front matter', async () => {
    const { diags } = await check('---\n---\n# Doc\n');
    assert.deepEqual(diags.map((d) => [d.code, d.severity, startOf(d)]), [['frontmatter-syntax', 'warning', '1:1']]);
  });

  it('rejects a front matter that is a list rather than key: value fields', async () => {
    const { diags } = await check('---\n- a\n- b\n---\n');
    assert.deepEqual(diags.map((d) => [d.code, startOf(d)]), [['frontmatter-syntax', '2:1']]);
    assert.match(diags[0].message, /not a list/);
  });

  it('rejects a front matter that is plain text', async () => {
    const { diags } = await check('---\njust some words\n---\n');
    assert.deepEqual(diags.map((d) => d.code), ['frontmatter-syntax']);
    assert.match(diags[0].message, /not text/);
  });

  it('reports a duplicate key on the line of its second occurrence', async () => {
    const { diags } = await check('---\ntype: design\nid: D-1\ntitle: a\ntitle: b\n---\n');
    assert.deepEqual(diags.map((d) => [d.code, d.range.start.line + 1]), [['frontmatter-syntax', 5]]);
    assert.match(diags[0].message, /more than once/);
  });

  it('names the whole duplicated key in the message', async () => {
    const { diags } = await check('---\ntype: design\nid: D-1\ntitle: a\ntitle: b\n---\n');
    assert.match(diags[0].message, /'title'/);
  });

  it('reports an empty type as missing rather than as the unknown type null', async () => {
    const { diags } = await check('---\ntype:\nid: D-1\n---\n');
    assert.equal(diags.length, 1);
    assert.equal(diags[0].code, 'missing-field');
    assert.doesNotMatch(diags[0].message, /null/);
  });

  it("reports an 'updated' value that is not a YYYY-MM-DD date at the value", async () => {
    const { dir, diags } = await check(designDoc('', { updated: 'yesterday' }), 'invalid-value');
    assert.equal(diags.length, 1);
    assert.equal(textAt(dir, 'doc.md', diags[0]), 'yesterday');
    assert.match(diags[0].message, /YYYY-MM-DD/);
  });

  it("accepts an unquoted YYYY-MM-DD 'updated' date", async () => {
    const { diags } = await check(designDoc('', { updated: '2024-01-05' }), 'invalid-value');
    assert.deepEqual(diags, []);
  });

  it("reports 'tags' written as text instead of a list", async () => {
    const { dir, diags } = await check(designDoc('', { tags: 'checkout' }), 'invalid-value');
    assert.equal(diags.length, 1);
    assert.equal(diags[0].data?.field, 'tags');
    assert.equal(textAt(dir, 'doc.md', diags[0]), 'checkout');
    assert.match(diags[0].message, /should be a list/);
  });

  it('accepts a closing fence written as ...', async () => {
    const { diags } = await check(designDoc().replace(/\n---\n#/, '\n...\n#'));
    assert.deepEqual(diags.filter((d) => d.severity === 'error'), []);
  });

  it('exposes the front matter fields in the document list', async () => {
    const { board } = await check(frontMatter(commonFields('prd', { product: 'Shop', release: '"2.0"' })));
    const [doc] = board.documents();
    assert.equal(doc.type, 'prd');
    assert.equal(doc.product, 'Shop');
    assert.equal(doc.release, '2.0');
    assert.equal(doc.owner, 'Alice');
  });

  it('still reads references from Markdown without front matter, without format errors', async () => {
    const dir = writeTree({ 'notes.md': '# Notes\nSee REQ-1 and REQ-2.\n', 'spec.md': '## REQ-1 Defined\n' });
    const board = await indexTree(dir);
    const diags = diagnosticsOf(board, dir, 'notes.md');
    assert.deepEqual(diags.map((d) => [d.code, textAt(dir, 'notes.md', d)]), [['unknown-id', 'REQ-2']]);
    assert.deepEqual(board.trace().find((r) => r.id === 'REQ-1')?.references.map((r) => r.line), [1]);
  });

  it('reports an unresolved YAML alias as a front-matter problem instead of crashing', async () => {
    const { diags } = await check('---\ntype: design\nid: D-1\nowner: *nobody\n---\n# D\n');
    assert.deepEqual(diags.map((d) => d.code), ['frontmatter-syntax']);
  });
});
