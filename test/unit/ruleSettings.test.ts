import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { RULES } from '../../src/core';
import { designDoc, prd } from './helpers/docs';
import { diagnosticsOf, indexTree, pathIn, removeTrees, runCliIn, writeTree } from './helpers/tree';

const config = (rules: unknown) => JSON.stringify({ rules }, null, 2);

/** A PRD with an unknown reference (error) and a missing required section (error). */
const DOC = prd('### REQ-1 Pay\n- Priority: P0\n- Status: done\n\nSee REQ-9.\n').replace('## Use cases', '## Misc');

describe('per-rule severity in .specboard/config.json', () => {
  after(removeTrees);

  it('changes a rule\'s severity and drops a rule set to off, in the core\'s file and workspace diagnostics alike', async () => {
    const dir = writeTree({ '.specboard/config.json': config({ 'unknown-id': 'warning', 'missing-section': 'off' }), 'prd.md': DOC });
    const board = await indexTree(dir);
    const own = diagnosticsOf(board, dir, 'prd.md').map((d) => `${d.code}:${d.severity}`);
    assert.deepEqual(own, ['unknown-id:warning']);
    assert.deepEqual(board.allDiagnostics().map((d) => `${d.code}:${d.severity}`), ['unknown-id:warning']);
  });

  it('applies to an editor\'s text read aside (DocumentView) as to the index', async () => {
    const dir = writeTree({ '.specboard/config.json': config({ 'unknown-id': 'info' }), 'prd.md': prd() });
    const board = await indexTree(dir);
    const view = board.view(pathIn(dir, 'prd.md'), prd('### REQ-1 A\n- Priority: P0\n- Status: done\n\nSee REQ-404.\n'));
    assert.deepEqual(view?.diagnostics().map((d) => `${d.code}:${d.severity}`), ['unknown-id:info']);
  });

  it('lets the CLI exit 0 once every error is turned into a warning, and prints the new severity', async () => {
    const dir = writeTree({ '.specboard/config.json': config({ 'unknown-id': 'warning', 'missing-section': 'warning' }), 'prd.md': DOC });
    const run = await runCliIn(dir, ['check']);
    assert.equal(run.code, 0, run.stdout);
    assert.match(run.stdout, /^prd\.md:\d+:\d+: warning unknown-id REQ-9/m);
    assert.match(run.stdout, /^prd\.md:\d+:\d+: warning missing-section /m);
  });

  it('reports an unknown rule and a bad setting as config-errors naming them, and still applies the other rules', async () => {
    const dir = writeTree({
      '.specboard/config.json': config({ 'unknown-ids': 'off', 'missing-section': 'loud', 'unknown-id': 'off' }),
      'prd.md': DOC,
    });
    const board = await indexTree(dir);
    const errors = board.allDiagnostics().filter((d) => d.code === 'config-error');
    assert.equal(errors.length, 2);
    assert.match(errors[0].message, /'rules' names 'unknown-ids', which is not a rule/);
    assert.equal(errors[0].range.start.line, 2, 'points at the rule\'s line');
    assert.match(errors[1].message, /'rules' sets 'missing-section' to "loud"; use 'error', 'warning', 'info' or 'off'/);
    assert.equal(errors[1].range.start.line, 3);
    const doc = diagnosticsOf(board, dir, 'prd.md').map((d) => d.code);
    assert.deepEqual(doc, ['missing-section'], 'unknown-id is off; missing-section keeps its default');
  });

  it('refuses to configure config-error: the setting is itself a config-error and config errors still show', async () => {
    const dir = writeTree({ '.specboard/config.json': '{ "rules": { "config-error": "off" }, "exclude": "x" }', 'a.md': designDoc() });
    const run = await runCliIn(dir, ['check']);
    assert.equal(run.code, 2);
    assert.match(run.stdout, /error config-error .*'config-error' cannot be configured/);
    assert.match(run.stdout, /error config-error .*'exclude' must be a list/);
  });

  it('rejects rules that are not an object', async () => {
    const board = await indexTree(writeTree({ '.specboard/config.json': '{ "rules": ["unknown-id"] }' }));
    assert.match(board.allDiagnostics()[0].message, /'rules' must map rule codes/);
  });

  it('reads the zh-cn messages for config errors of rules', async () => {
    const board = await indexTree(writeTree({ '.specboard/config.json': config({ nope: 'off' }) }), 'zh-cn');
    assert.match(board.allDiagnostics()[0].message, /'rules' 中的 'nope' 不是规则/);
  });

  it('keeps the JSON schema\'s rule list equal to the configurable rules of the catalog', () => {
    const schema = JSON.parse(readFileSync('schemas/specboard-config.schema.json', 'utf8'));
    const keys = Object.keys(schema.properties.rules.properties);
    assert.deepEqual(keys, RULES.filter((r) => r.configurable).map((r) => r.code));
    assert.equal(schema.properties.rules.additionalProperties, false);
    assert.deepEqual(schema.definitions.ruleSetting.enum, ['error', 'warning', 'info', 'off']);
  });
});
