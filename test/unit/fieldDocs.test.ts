import * as assert from 'node:assert/strict';
import commonSchema from '../../schemas/common.schema.json';
import { fieldDocAt } from '../../src/core';
import { prd } from './helpers/docs';
import { indexTree, pathIn, removeTrees, writeTree } from './helpers/tree';

/** The field doc at the first occurrence of `needle` (plus `offset`) in a PRD. */
async function docAt(text: string, needle: string, offset = 0, locale: 'en' | 'zh-cn' = 'en', files: Record<string, string> = {}) {
  const dir = writeTree({ 'prd.md': text, ...files });
  const board = await indexTree(dir, locale);
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  const parsed = board.file(pathIn(dir, 'prd.md'))!;
  return fieldDocAt(parsed, board.projectFor(pathIn(dir, 'prd.md'))!.schemas, { line, character: lines[line].indexOf(needle) + offset }, locale);
}

describe('front-matter field documentation (hover)', () => {
  after(removeTrees);

  it('describes a key: description, types, required, allowed values with their meaning, default', async () => {
    const doc = await docAt(prd(), 'stage:', 2);
    assert.equal(doc?.on, 'key');
    assert.equal(doc?.key, 'stage');
    assert.equal(doc?.required, true);
    assert.deepEqual(doc?.types, ['string']);
    assert.match(doc!.description!, /lifecycle stage/);
    assert.equal(doc?.default, 'productization', 'the PRD schema\'s own default over the common one');
    assert.deepEqual(doc?.allowed?.map((a) => a.value), ['concept', 'productization', 'development', 'commercialization', 'market', 'retired']);
    assert.match(doc!.allowed![1].description!, /^Productization: the product is defined/);
  });

  it('describes a value with its meaning', async () => {
    const doc = await docAt(prd('', { status: 'review' }), 'status: review', 9);
    assert.equal(doc?.on, 'value');
    assert.deepEqual(doc?.value, { text: 'review', description: 'Review: out for review.' });
    assert.deepEqual(doc?.range, { start: { line: 5, character: 8 }, end: { line: 5, character: 14 } });
  });

  it('names the document type on a type value, and lists every type on the type key', async () => {
    const value = await docAt(prd(), 'type: prd', 7);
    assert.equal(value?.value?.description, 'PRD — Product requirements document');
    const key = await docAt(prd(), 'type: prd', 1);
    assert.ok(key!.allowed!.length > 10);
    assert.ok(key!.allowed!.some((a) => a.value === 'brd' && /BRD/.test(a.description!)));
  });

  it('speaks Chinese for a Chinese UI', async () => {
    const doc = await docAt(prd(), 'owner:', 1, 'zh-cn');
    assert.equal(doc?.description, '对文档负责的人。');
    assert.equal(doc?.default, 'TBD');
    const stage = await docAt(prd(), 'stage: productization', 10, 'zh-cn');
    assert.match(stage!.value!.description!, /^产品化/);
  });

  it('describes optional fields, and says nothing outside the front matter or on an unknown key', async () => {
    const withTags = prd('', { tags: '[a, b]', extra: 'x' });
    const tags = await docAt(withTags, 'tags:', 0);
    assert.equal(tags?.required, false);
    assert.deepEqual(tags?.types, ['array']);
    assert.equal(await docAt(withTags, 'extra:', 0), undefined);
    assert.equal(await docAt(withTags, '# Test PRD', 2), undefined);
    assert.equal(await docAt(withTags, '---', 1), undefined);
  });

  it('reads a custom schema\'s own descriptions', async () => {
    const schema = JSON.stringify({
      type: 'object', required: ['type', 'risk'],
      properties: { type: { const: 'rfc' }, risk: { type: 'string', enum: ['low', 'high'], description: 'How risky the change is.' } },
      'x-specboard': { type: 'rfc', name: { en: 'Request for comments', 'zh-cn': '征求意见稿' } },
    });
    const doc = await docAt('---\ntype: rfc\nrisk: low\n---\n# RFC\n', 'risk:', 0, 'en', { '.specboard/schemas/rfc.schema.json': schema });
    assert.equal(doc?.description, 'How risky the change is.');
    assert.equal(doc?.required, true);
    assert.deepEqual(doc?.allowed?.map((a) => a.value), ['low', 'high']);
  });

  it('has an English and a Chinese description for every property of the built-in common schema', () => {
    const common = commonSchema as unknown as { properties: Record<string, { 'x-specboard'?: { description?: Record<string, string> } }>; definitions: { requirement: { properties: Record<string, { 'x-specboard'?: { description?: Record<string, string> } }> } } };
    for (const [key, p] of [...Object.entries(common.properties), ...Object.entries(common.definitions.requirement.properties)]) {
      assert.ok(p['x-specboard']?.description?.en, key);
      assert.match(p['x-specboard']!.description!['zh-cn'], /\p{Script=Han}/u, key);
    }
  });
});
