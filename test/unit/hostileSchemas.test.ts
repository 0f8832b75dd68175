import * as assert from 'node:assert/strict';
import { MAX_SCHEMA_BYTES } from '../../src/core/customSchemaFiles';
import { designDoc, prd } from './helpers/docs';
import { diagnosticsOf, indexTree, removeTrees, writeTree } from './helpers/tree';

const PRD_SCHEMA = '.specboard/schemas/prd.schema.json';

/** A workspace with one schema file, a PRD and a design doc whose status is wrong (its errors are what `design` lists). */
async function check(schemaPath: string, schema: string, prdText = prd(), locale: 'en' | 'zh-cn' = 'en') {
  const dir = writeTree({ [schemaPath]: schema, 'prd.md': prdText, 'design.md': designDoc('', { status: 'nope' }) });
  const board = await indexTree(dir, locale);
  return {
    dir,
    board,
    schema: diagnosticsOf(board, dir, schemaPath),
    prd: diagnosticsOf(board, dir, 'prd.md'),
    design: diagnosticsOf(board, dir, 'design.md').filter((d) => d.severity === 'error').map((d) => [d.code, d.data?.field]),
  };
}

describe('hostile custom schemas', () => {
  after(removeTrees);

  it('refuses a 20 MB schema file without reading it, naming its size and the limit', async () => {
    const r = await check(PRD_SCHEMA, JSON.stringify({ description: 'x'.repeat(20_000_000) }), prd('', { status: 'nope' }));
    assert.deepEqual(r.schema.map((d) => d.code), ['config-error']);
    assert.match(r.schema[0].message, new RegExp(`^\\.specboard/schemas/prd\\.schema\\.json: this file is 20000018 bytes, over the limit of ${MAX_SCHEMA_BYTES} bytes`));
    assert.deepEqual(r.prd.map((d) => d.code), ['invalid-value']);
  });

  it('turns a schema file that is not UTF-8 into a config-error instead of ignoring it', async () => {
    const dir = writeTree({ [PRD_SCHEMA]: Buffer.from('{"title": "Caf\xe9"}', 'latin1'), 'prd.md': prd() });
    const diags = diagnosticsOf(await indexTree(dir), dir, PRD_SCHEMA);
    assert.deepEqual(diags.map((d) => d.code), ['config-error']);
    assert.match(diags[0].message, /prd\.schema\.json: Skipped: this file is not valid UTF-8 text/);
  });
});
