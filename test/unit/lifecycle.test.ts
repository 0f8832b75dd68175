import * as assert from 'node:assert/strict';
import { buildLifecycle, deliverableTypes, LIFECYCLE_STAGES, locateDocument, nextStage, type LifecycleModel, type ProductLifecycle } from '../../src/core';
import { brd, designDoc, prd } from './helpers/docs';
import { indexTree, pathIn, removeTrees, writeTree } from './helpers/tree';

function product(model: LifecycleModel, name: string | undefined): ProductLifecycle {
  const found = model.products.find((p) => p.product === name);
  assert.ok(found, `no product ${name} in ${model.products.map((p) => p.product).join(', ')}`);
  return found;
}

function stage(p: ProductLifecycle, name: string) {
  return p.stages.find((s) => s.stage === name)!;
}

describe('lifecycle model', () => {
  after(removeTrees);

  it('lists every product with the six stages in lifecycle order', async () => {
    const dir = writeTree({
      'docs/shop/brd.md': brd('', { product: 'Shop', id: 'BRD-SHOP' }),
      'docs/pay/brd.md': brd('', { product: '支付中心', id: 'BRD-PAY' }),
    });
    const model = buildLifecycle(await indexTree(dir));
    assert.deepEqual(model.products.map((p) => p.product), ['Shop', '支付中心']);
    for (const p of model.products) assert.deepEqual(p.stages.map((s) => s.stage), [...LIFECYCLE_STAGES]);
  });

  it('puts a document under the stage its front matter names, not the stage of its type', async () => {
    const dir = writeTree({ 'docs/prd.md': prd('', { product: 'Shop', stage: 'concept' }) });
    const p = product(buildLifecycle(await indexTree(dir)), 'Shop');
    assert.deepEqual(stage(p, 'concept').documents.map((d) => d.type), ['prd']);
    assert.deepEqual(stage(p, 'productization').documents, []);
  });

  it("falls back to the type's schema stage when the stage field is missing or invalid", async () => {
    const dir = writeTree({ 'docs/design.md': designDoc('', { product: 'Shop', stage: 'someday' }) });
    const p = product(buildLifecycle(await indexTree(dir)), 'Shop');
    assert.deepEqual(stage(p, 'productization').documents.map((d) => d.path), [pathIn(dir, 'docs/design.md')]);
  });

  it('treats documents without a product as part of the only named product', async () => {
    const dir = writeTree({
      'docs/brd.md': brd('', { product: 'Shop' }),
      'docs/prd.md': prd(''),
    });
    const model = buildLifecycle(await indexTree(dir));
    assert.equal(model.products.length, 1);
    assert.equal(model.products[0].product, 'Shop');
    assert.equal(model.products[0].documentCount, 2);
  });

  it('groups documents without a product separately when there are several products', async () => {
    const dir = writeTree({
      'docs/a.md': brd('', { product: 'A', id: 'BRD-A' }),
      'docs/b.md': brd('', { product: 'B', id: 'BRD-B' }),
      'docs/prd.md': prd(''),
    });
    const model = buildLifecycle(await indexTree(dir));
    assert.deepEqual(model.products.map((p) => p.product), ['A', 'B', undefined]);
    assert.equal(product(model, undefined).documentCount, 1);
  });

  it('lists the deliverables a stage expects from the schemas and marks the absent ones missing', async () => {
    const dir = writeTree({ 'docs/shop/brd.md': brd('', { product: 'Shop', status: 'approved' }) });
    const concept = stage(product(buildLifecycle(await indexTree(dir)), 'Shop'), 'concept');
    assert.deepEqual(concept.deliverables.map((d) => d.type), ['market-feedback', 'requirements-analysis', 'brd', 'mrd']);
    assert.deepEqual(concept.missing.map((m) => m.type), ['market-feedback', 'requirements-analysis', 'mrd']);
    assert.deepEqual([concept.present, concept.expected, concept.approved, concept.complete], [1, 4, 1, false]);
  });

  it('takes the deliverables from .specboard/config.json when the team configured them', async () => {
    const dir = writeTree({
      '.specboard/config.json': JSON.stringify({ deliverables: { concept: ['brd'], productization: ['prd', 'design'] } }),
      'docs/brd.md': brd('', { product: 'Shop', status: 'approved' }),
      'docs/prd.md': prd('', { product: 'Shop', status: 'review' }),
    });
    const p = product(buildLifecycle(await indexTree(dir)), 'Shop');
    assert.deepEqual(stage(p, 'concept').deliverables.map((d) => d.type), ['brd']);
    assert.equal(stage(p, 'concept').complete, true);
    const productization = stage(p, 'productization');
    assert.deepEqual([productization.present, productization.expected, productization.approved], [1, 2, 0]);
    assert.deepEqual(productization.missing.map((m) => m.type), ['design']);
    assert.deepEqual(stage(p, 'development').deliverables, [], 'a stage the config leaves out expects nothing');
  });

  it('counts a deliverable as present even after its document moved on to a later stage', async () => {
    const dir = writeTree({ 'docs/brd.md': brd('', { product: 'Shop', stage: 'productization' }) });
    const p = product(buildLifecycle(await indexTree(dir)), 'Shop');
    assert.ok(!stage(p, 'concept').missing.some((m) => m.type === 'brd'));
    assert.equal(stage(p, 'concept').documents.length, 0);
    assert.equal(p.currentStage, 'productization');
  });

  it('suggests a free path next to the product documents and an ID in the product naming', async () => {
    const dir = writeTree({
      '.specboard/config.json': JSON.stringify({ deliverables: { concept: ['brd', 'mrd'] } }),
      'docs/shop/brd.md': brd('', { product: 'Shop', id: 'BRD-SHOP' }),
      'docs/shop/mrd.md': '# not a product doc, but the file name is taken\n',
    });
    const [missing] = stage(product(buildLifecycle(await indexTree(dir)), 'Shop'), 'concept').missing;
    assert.equal(missing.type, 'mrd');
    assert.equal(missing.suggestedPath, pathIn(dir, 'docs/shop/mrd-2.md'));
    assert.equal(missing.suggestedId, 'MRD-SHOP');
    assert.equal(missing.root, dir);
  });

  it('derives the ID suffix of a product with a Chinese name from its existing document IDs', async () => {
    const dir = writeTree({
      '.specboard/config.json': JSON.stringify({ deliverables: { concept: ['brd', 'mrd'] } }),
      'docs/pay/brd.md': brd('', { product: '支付中心', id: 'BRD-PAY' }),
    });
    const [missing] = stage(product(buildLifecycle(await indexTree(dir)), '支付中心'), 'concept').missing;
    assert.equal(missing.suggestedId, 'MRD-PAY');
    assert.equal(missing.suggestedPath, pathIn(dir, 'docs/pay/mrd.md'));
  });

  it('reports the validation state of each document', async () => {
    const dir = writeTree({ 'docs/prd.md': prd('', { product: 'Shop', owner: undefined, status: 'doing' }) });
    const [doc] = stage(product(buildLifecycle(await indexTree(dir)), 'Shop'), 'productization').documents;
    assert.equal(doc.errors, 2, 'missing owner and invalid status');
    assert.equal(doc.typeName?.en, 'Product requirements document');
  });

  it('finds the product and stage of a document and the stage that follows', async () => {
    const dir = writeTree({ 'docs/brd.md': brd('', { product: 'Shop' }) });
    const found = locateDocument(buildLifecycle(await indexTree(dir)), pathIn(dir, 'docs/brd.md'));
    assert.equal(found?.stage.stage, 'concept');
    assert.equal(found?.product.product, 'Shop');
    assert.equal(nextStage('concept'), 'productization');
    assert.equal(nextStage('retired'), undefined);
  });

  it('expects no deliverables in a stage no schema belongs to', () => {
    assert.deepEqual(deliverableTypes('retired', undefined, []), []);
  });
});
