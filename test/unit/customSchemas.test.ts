import * as assert from 'node:assert/strict';
import { commonFields, frontMatter, prd } from './helpers/docs';
import { diagnosticsOf, indexTree, removeTrees, runCliIn, writeTree } from './helpers/tree';

const PRD_SCHEMA = '.specboard/schemas/prd.schema.json';
const PRD_FM = frontMatter(commonFields('prd'));

/** A PRD schema of our own: common fields plus one required section, Goals (目标). */
const customPrd = JSON.stringify({
  $schema: 'http://json-schema.org/draft-07/schema#',
  allOf: [{ $ref: 'common.schema.json' }],
  'x-specboard': {
    type: 'prd', abbreviation: 'PRD', name: { en: 'Lean PRD', 'zh-cn': '精简产品需求文档' },
    sections: [{ id: 'goals', title: { en: 'Goals', 'zh-cn': '目标' }, level: 'required' }],
    requirement: { required: ['priority'] },
  },
});

async function check(files: Record<string, string>) {
  const dir = writeTree(files);
  const board = await indexTree(dir);
  return { dir, board, doc: diagnosticsOf(board, dir, 'prd.md'), schema: diagnosticsOf(board, dir, PRD_SCHEMA) };
}

describe('custom schemas in .specboard/schemas', () => {
  after(removeTrees);

  it('replaces the built-in PRD sections with the custom ones', async () => {
    const { doc, schema } = await check({ [PRD_SCHEMA]: customPrd, 'prd.md': `${PRD_FM}# Lean\n## 目标\n` });
    assert.deepEqual(schema, []);
    assert.deepEqual(doc, []);
  });

  it('reports the custom required section when it is missing', async () => {
    const { doc } = await check({ [PRD_SCHEMA]: customPrd, 'prd.md': prd() });
    assert.deepEqual(doc.map((d) => [d.code, d.data?.section]), [['missing-section', 'goals']]);
    assert.match(doc[0].message, /Goals/);
  });

  it('applies the custom requirement rules instead of the built-in ones', async () => {
    const { doc } = await check({ [PRD_SCHEMA]: customPrd, 'prd.md': `${PRD_FM}# Lean\n## Goals\n### REQ-1 A\n- Status: anything\n` });
    assert.deepEqual(doc.map((d) => [d.code, d.data?.field]), [['missing-field', 'priority']]);
  });

  it('keeps the common front matter rules through $ref to common.schema.json', async () => {
    const { doc } = await check({ [PRD_SCHEMA]: customPrd, 'prd.md': '---\ntype: prd\n---\n# Lean\n## Goals\n' });
    assert.deepEqual(doc.map((d) => d.data?.field).sort(), ['id', 'owner', 'stage', 'status', 'title']);
  });

  it('adds a new document type from a schema named <type>.schema.json', async () => {
    const rfc = JSON.stringify({ required: ['type', 'owner'], 'x-specboard': { sections: [{ id: 'motivation', title: { en: 'Motivation', 'zh-cn': '动机' }, level: 'required' }] } });
    const dir = writeTree({ '.specboard/schemas/rfc.schema.json': rfc, 'rfc.md': '---\ntype: rfc\n---\n# RFC\n' });
    const board = await indexTree(dir);
    assert.deepEqual(diagnosticsOf(board, dir, 'rfc.md').map((d) => [d.code, d.data?.field ?? d.data?.section]), [['missing-field', 'owner'], ['missing-section', 'motivation']]);
  });

  it('turns a schema file with invalid JSON into a config-error naming it, and keeps the built-in PRD rules', async () => {
    const { doc, schema } = await check({ [PRD_SCHEMA]: '{ "allOf": [', 'prd.md': `${PRD_FM}# P\n## Goals\n` });
    assert.deepEqual(schema.map((d) => d.code), ['config-error']);
    assert.match(schema[0].message, /^\.specboard\/schemas\/prd\.schema\.json: not valid JSON/);
    assert.equal(doc.filter((d) => d.code === 'missing-section' && d.severity === 'error').length, 7);
  });

  it('turns a file that is not a JSON Schema ({"type": 12}) into a config-error, and keeps the built-in', async () => {
    const { doc, schema } = await check({ [PRD_SCHEMA]: '{"type": 12}', 'prd.md': prd() });
    assert.deepEqual(schema.map((d) => d.code), ['config-error']);
    assert.match(schema[0].message, /prd\.schema\.json: not a valid JSON Schema/);
    assert.deepEqual(doc, []);
  });

  it('turns a schema with an unresolvable $ref into a config-error, and keeps the built-in', async () => {
    const { doc, schema } = await check({ [PRD_SCHEMA]: '{"allOf": [{"$ref": "missing.schema.json"}]}', 'prd.md': prd('### REQ-1 A\n') });
    assert.deepEqual(schema.map((d) => d.code), ['config-error']);
    assert.deepEqual(doc.map((d) => d.data?.field), ['priority', 'status']);
  });

  it('rejects malformed x-specboard sections', async () => {
    const bad = JSON.stringify({ 'x-specboard': { type: 'prd', sections: [{ id: 'x', title: 'Goals', level: 'must' }] } });
    const { schema } = await check({ [PRD_SCHEMA]: bad, 'prd.md': prd() });
    assert.deepEqual(schema.map((d) => d.code), ['config-error']);
    assert.match(schema[0].message, /x-specboard\.sections/);
  });

  it('rejects an x-specboard stage that is not a lifecycle stage, naming the stages', async () => {
    const bad = JSON.stringify({ 'x-specboard': { type: 'prd', stage: 'dev' } });
    const { doc, schema } = await check({ [PRD_SCHEMA]: bad, 'prd.md': prd() });
    assert.deepEqual(schema.map((d) => d.code), ['config-error']);
    assert.match(schema[0].message, /x-specboard\.stage is "dev", which is not a lifecycle stage \(concept, productization, development, commercialization, market, retired\)/);
    assert.deepEqual(doc, [], 'the built-in PRD schema applies');
  });

  it('asks for a type when the schema file name and x-specboard do not give one', async () => {
    const dir = writeTree({ '.specboard/schemas/extra.json': '{"type": "object"}' });
    const board = await indexTree(dir);
    const diags = diagnosticsOf(board, dir, '.specboard/schemas/extra.json');
    assert.deepEqual(diags.map((d) => d.code), ['config-error']);
    assert.match(diags[0].message, /cannot tell which document type/);
  });

  it('makes the CLI exit with 2 and print the broken schema file', async () => {
    const dir = writeTree({ [PRD_SCHEMA]: '{"type": 12}', 'prd.md': prd() });
    const run = await runCliIn(dir, ['check', 'prd.md']);
    assert.equal(run.code, 2);
    assert.match(run.stdout, /^\.specboard\/schemas\/prd\.schema\.json:1:1: error config-error /m);
  });
});
