import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { MAX_SCHEMA_BYTES } from '../../src/core/customSchemaFiles';
import { MAX_SCHEMA_DEPTH } from '../../src/core/parseCustomSchema';
import { SchemaSet } from '../../src/core/schemaSet';
import { commonFields, designDoc, frontMatter, prd } from './helpers/docs';
import { diagnosticsOf, indexTree, pathIn, removeTrees, runCliIn, writeTree } from './helpers/tree';

const PRD_SCHEMA = '.specboard/schemas/prd.schema.json';
const COMMON_SCHEMA = '.specboard/schemas/common.schema.json';
const builtinCommon = JSON.parse(fs.readFileSync('schemas/common.schema.json', 'utf8')) as Record<string, unknown>;

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

/** The PRD front matter with `title` replaced. */
const prdTitled = (title: string) => prd('', { title });
const nested = (levels: number) => '{"properties":{"a":'.repeat(levels) + '{}' + '}}'.repeat(levels);

describe('hostile custom schemas', () => {
  after(removeTrees);

  for (const [name, schema, pattern] of [
    ['{"$ref": "#"}', '{"$ref": "#"}', /prd\.schema\.json: \$ref '#' leads back to a schema that is already checking the same value/],
    ['mutually recursive $defs', JSON.stringify({ $ref: '#/$defs/a', $defs: { a: { $ref: '#/$defs/b' }, b: { allOf: [{ $ref: '#/$defs/a' }] } } }), /\$ref '#\/\$defs\/a' leads back/],
    ['a $ref to its own file name', '{"anyOf": [{"$ref": "prd.schema.json"}]}', /\$ref 'prd\.schema\.json' leads back/],
    ['an x-specboard.requirement of {"$ref": "#"}', '{"x-specboard": {"requirement": {"$ref": "#"}}}', /\$ref '#' leads back/],
    ['nesting 5,000 levels deep', nested(5000), new RegExp(`nests more than ${MAX_SCHEMA_DEPTH} levels`)],
  ] as const) {
    it(`turns ${name} into one config-error and checks the PRD with the built-in schema`, async () => {
      const r = await check(PRD_SCHEMA, schema, prd('', { status: 'nope' }));
      assert.deepEqual(r.schema.map((d) => d.code), ['config-error']);
      assert.match(r.schema[0].message, pattern);
      assert.deepEqual(r.prd.map((d) => [d.code, d.data?.field]), [['invalid-value', 'status']], 'the built-in status enum applies');
      assert.deepEqual(r.design, [['invalid-value', 'status']]);
    });
  }

  it('keeps a schema that recurses through properties, since each turn goes one level into the document', async () => {
    const r = await check(PRD_SCHEMA, JSON.stringify({ allOf: [{ $ref: 'common.schema.json' }], properties: { tree: { properties: { child: { $ref: '#/properties/tree' } } } } }));
    assert.deepEqual(r.schema, []);
    assert.deepEqual(r.prd, []);
  });

  for (const [name, text, pattern] of [
    ['[]', '[]', /common\.schema\.json: a schema must be a JSON object such as \{"type": "object"\}, not a list/],
    ['"x"', '"x"', /not text$/],
    ['{"type": "string"}', '{"type": "string"}', /must be an object schema \("type": "object"\), not "type": "string"/],
    ['an object schema without the parts the built-ins use', '{"type": "object"}', /use #\/definitions\/requirement, .*#\/properties\/version of common\.schema\.json/],
  ] as const) {
    it(`refuses ${name} as common.schema.json with one config-error and keeps the built-in common fields`, async () => {
      const r = await check(COMMON_SCHEMA, text, prd('### REQ-1 A\n- Priority: P9\n- Status: draft\n', { status: 'nope' }));
      assert.deepEqual(r.schema.map((d) => d.code), ['config-error']);
      assert.match(r.schema[0].message, pattern);
      assert.deepEqual(r.prd.map((d) => [d.code, d.data?.field]), [['invalid-value', 'status'], ['invalid-value', 'priority']]);
      assert.deepEqual(r.design, [['invalid-value', 'status']]);
    });
  }

  it('uses a common.schema.json that keeps the built-in parts and adds a required field', async () => {
    const common = { ...builtinCommon, required: [...(builtinCommon.required as string[]), 'product'] };
    const r = await check(COMMON_SCHEMA, JSON.stringify(common));
    assert.deepEqual(r.schema, []);
    assert.deepEqual(r.prd.map((d) => [d.code, d.data?.field]), [['missing-field', 'product']]);
  });

  for (const [name, requirement, pattern] of [
    ['{"type": 12}', { type: 12 }, /prd\.schema\.json: x-specboard\.requirement is not a valid JSON Schema: data\/type must be/],
    ['a list', [], /prd\.schema\.json: x-specboard\.requirement: a schema must be a JSON object .* not a list/],
  ] as const) {
    it(`turns an x-specboard.requirement of ${name} into one config-error, and requirements keep the built-in rules`, async () => {
      const schema = JSON.stringify({ allOf: [{ $ref: 'common.schema.json' }], 'x-specboard': { requirement } });
      const r = await check(PRD_SCHEMA, schema, prd('### REQ-1 A\n- Priority: P9\n- Status: draft\n'));
      assert.deepEqual(r.schema.map((d) => d.code), ['config-error']);
      assert.match(r.schema[0].message, pattern);
      assert.deepEqual(r.prd.map((d) => [d.code, d.data?.field]), [['invalid-value', 'priority']]);
    });
  }

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
    assert.match(diags[0].message, /prd\.schema\.json: it could not be read, so it is ignored: it is not valid UTF-8 text/);
  });

  /** A PRD schema whose title pattern is `pattern`, plus a required field to show the rest still applies. */
  const withTitlePattern = (pattern: string) => JSON.stringify({
    allOf: [{ $ref: 'common.schema.json' }], required: ['product'], properties: { title: { type: 'string', pattern } },
  });

  it('drops a catastrophically backtracking pattern with a config-error naming it, and applies the rest of the schema', async () => {
    const r = await check(PRD_SCHEMA, withTitlePattern('^(a+)+$'), prdTitled('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!'));
    assert.deepEqual(r.schema.map((d) => d.code), ['config-error']);
    assert.match(r.schema[0].message, /prd\.schema\.json: pattern '\^\(a\+\)\+\$' can take minutes on a short value/);
    assert.deepEqual(r.prd.map((d) => [d.code, d.data?.field]), [['missing-field', 'product']]);
    assert.deepEqual(r.design, [['invalid-value', 'status']]);
  });

  it('drops a catastrophically backtracking patternProperties key the same way', async () => {
    const schema = JSON.stringify({ allOf: [{ $ref: 'common.schema.json' }], patternProperties: { '^([a-z]+\\s?)*$': { type: 'number' } } });
    const r = await check(PRD_SCHEMA, schema, `${frontMatter({ ...commonFields('prd'), 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!': 'x' })}# P\n`);
    assert.deepEqual(r.schema.map((d) => d.code), ['config-error']);
    assert.match(r.schema[0].message, /pattern '\^\(\[a-z\]\+\\s\?\)\*\$' can take minutes/);
  });

  it('drops a catastrophically backtracking pattern in x-specboard.requirement, where requirement attributes are checked', async () => {
    const schema = JSON.stringify({ allOf: [{ $ref: 'common.schema.json' }], 'x-specboard': { requirement: { required: ['owner'], properties: { status: { pattern: '^(\\w|\\d)+$' } } } } });
    const r = await check(PRD_SCHEMA, schema, prd('### REQ-1 A\n- Status: 1111111111111111111111111111111111!\n'));
    assert.deepEqual(r.schema.map((d) => d.code), ['config-error']);
    assert.match(r.schema[0].message, /pattern '\^\(\\w\|\\d\)\+\$' can take minutes/);
    assert.deepEqual(r.prd.map((d) => [d.code, d.data?.field]), [['missing-field', 'owner']]);
  });

  for (const [pattern, detail] of [['(', /Unterminated group/], ['\\p{Foo}', /Invalid property name/], ['^[\\w-\\:]+$', /Invalid/]] as const) {
    it(`drops the invalid pattern ${pattern} with a config-error naming it, and applies the rest of the schema`, async () => {
      const r = await check(PRD_SCHEMA, withTitlePattern(pattern));
      assert.deepEqual(r.schema.map((d) => d.code), ['config-error']);
      assert.ok(r.schema[0].message.includes(`pattern '${pattern}' is not a valid regular expression`), r.schema[0].message);
      assert.match(r.schema[0].message, detail);
      assert.deepEqual(r.prd.map((d) => [d.code, d.data?.field]), [['missing-field', 'product']]);
    });
  }

  it('keeps patterns shaped like the built-in ones, Chinese script classes included', async () => {
    const schema = withTitlePattern('^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$|^[\\p{Script=Han}\\s]+(\\.\\d+)?$');
    const r = await check(PRD_SCHEMA, schema, prd('', { title: '支付 中心', product: 'Pay' }));
    assert.deepEqual(r.schema, []);
    assert.deepEqual(r.prd, []);
  });

  it('says what is wrong in Simplified Chinese', async () => {
    const r = await check(PRD_SCHEMA, '{"$ref": "#"}', prd(), 'zh-cn');
    assert.match(r.schema[0].message, /^\.specboard\/schemas\/prd\.schema\.json：\$ref '#' 又指回了正在校验同一个值的 Schema/);
  });

  it('makes the CLI exit with 2 and print the config-error, with no stack trace', async () => {
    const dir = writeTree({ [PRD_SCHEMA]: '{"$ref": "#"}', 'prd.md': prd() });
    const run = await runCliIn(dir, ['check']);
    assert.equal(run.code, 2);
    assert.match(run.stdout, /^\.specboard\/schemas\/prd\.schema\.json:1:1: error config-error .*leads back/m);
    assert.doesNotMatch(run.stdout + run.stderr, /\n\s+at |RangeError|internal error/);
  });

  it('turns a validator that throws into one config-error on its schema and falls back to the built-in', () => {
    const path = pathIn('/ws', PRD_SCHEMA);
    const schemas = new SchemaSet([{ path, displayName: PRD_SCHEMA, text: '{"properties": {"title": {"type": "string"}}}' }], 'en');
    const hostile = { type: 'prd', get title(): string { throw new RangeError('Maximum call stack size exceeded'); } };
    assert.deepEqual(schemas.validateFrontMatter('prd', hostile), []);
    assert.deepEqual(schemas.validateFrontMatter('prd', hostile), []);
    assert.deepEqual(schemas.diagnostics.map((d) => [d.path, d.code]), [[path, 'config-error']]);
    assert.match(schemas.diagnostics[0].message, /prd\.schema\.json: validating a document with this schema failed \(Maximum call stack size exceeded\)/);
    assert.equal(schemas.get('prd')?.source, 'builtin');
  });
});
