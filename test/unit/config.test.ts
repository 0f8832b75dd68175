import * as assert from 'node:assert/strict';
import { prd } from './helpers/docs';
import { diagnosticsOf, indexTree, removeTrees, runCliIn, writeFile, writeTree } from './helpers/tree';

const CONFIG = '.specboard/config.json';

async function configDiagnostics(config: string, extra: Record<string, string> = {}) {
  const dir = writeTree({ [CONFIG]: config, ...extra });
  const board = await indexTree(dir);
  return { dir, board, diags: diagnosticsOf(board, dir, CONFIG) };
}

describe('.specboard/config.json', () => {
  after(removeTrees);

  it('turns invalid JSON into exactly one config-error naming the file, and keeps validating documents', async () => {
    const { dir, board, diags } = await configDiagnostics('{ "prefixes": ["REQ"],\n  oops }', { 'prd.md': prd('### REQ-1 A\n- Priority: P9\n- Status: done\n') });
    assert.equal(diags.length, 1);
    assert.equal(diags[0].code, 'config-error');
    assert.equal(diags[0].severity, 'error');
    assert.match(diags[0].message, /^\.specboard\/config\.json: not valid JSON/);
    assert.equal(diags[0].range.start.line, 1);
    assert.deepEqual(diagnosticsOf(board, dir, 'prd.md').map((d) => d.code), ['invalid-value']);
  });

  it('makes the CLI exit with 2 on a config error, still printing the problem', async () => {
    const dir = writeTree({ [CONFIG]: '{ nope', 'a.md': '# fine\n' });
    const run = await runCliIn(dir, ['check']);
    assert.equal(run.code, 2);
    assert.match(run.stdout, /^\.specboard\/config\.json:1:\d+: error config-error /m);
  });

  it('reports an option of the wrong type on its line and falls back to the default for it', async () => {
    const { board, diags, dir } = await configDiagnostics('{\n  "include": ["**/*.md"],\n  "prefixes": "REQ"\n}', { 'a.md': 'REQ-1\n' });
    assert.deepEqual(diags.map((d) => [d.code, d.range.start.line]), [['config-error', 2]]);
    assert.match(diags[0].message, /'prefixes' must be a list of strings/);
    assert.deepEqual(diagnosticsOf(board, dir, 'a.md'), [], 'REQ is not a known prefix after the broken option');
  });

  it('reports an unknown option by name but accepts $schema', async () => {
    const { diags } = await configDiagnostics('{\n  "$schema": "../schemas/specboard-config.schema.json",\n  "prefix": ["REQ"]\n}');
    assert.deepEqual(diags.map((d) => [d.code, d.range.start.line]), [['config-error', 2]]);
    assert.match(diags[0].message, /unknown option 'prefix'/);
  });

  it('checks maxFileSize and language values', async () => {
    const { diags } = await configDiagnostics('{ "maxFileSize": -1, "language": "fr", "transitions": { "done": "review" } }');
    assert.equal(diags.length, 3);
    assert.match(diags.map((d) => d.message).join('\n'), /'maxFileSize' must be a positive number[\s\S]*'language' must be 'en' or 'zh-cn'|'language'[\s\S]*'maxFileSize'/);
    assert.ok(diags.some((d) => /'transitions' must map names to lists of strings/.test(d.message)));
  });

  it('says what is wrong with an option in Chinese too, with no English left inside', async () => {
    const config = '{ "prefixes": "REQ", "maxFileSize": -1, "language": "fr", "scope": "x", "transitions": 1, "types": [], "rules": 3, "aliases": { "size": {} } }';
    const dir = writeTree({ [CONFIG]: config });
    const diags = diagnosticsOf(await indexTree(dir, 'zh-cn'), dir, CONFIG);
    assert.equal(diags.length, 8);
    for (const d of diags) {
      assert.match(d.message, /^\.specboard\/config\.json：'[a-zA-Z]+' (必须|只能)/);
      assert.doesNotMatch(d.message.slice(CONFIG.length).replace(/'[^']*'/g, ''), /[a-z]{3,}/, d.message);
    }
  });

  it('rejects a config that is not a JSON object', async () => {
    const { diags } = await configDiagnostics('["REQ"]');
    assert.equal(diags.length, 1);
    assert.match(diags[0].message, /must be a JSON object/);
  });

  it('does not show an empty option name when the whole config is not an object', async () => {
    const { diags } = await configDiagnostics('["REQ"]');
    assert.doesNotMatch(diags[0].message, /''/);
  });

  it('upper-cases configured prefixes', async () => {
    const { board, dir } = await configDiagnostics('{ "prefixes": ["req"] }', { 'a.md': 'See REQ-3.\n' });
    assert.deepEqual(diagnosticsOf(board, dir, 'a.md').map((d) => d.code), ['unknown-id']);
  });

  it('accepts a config with a byte order mark', async () => {
    const { diags, board, dir } = await configDiagnostics('\uFEFF{ "prefixes": ["NFR"] }', { 'a.md': 'NFR-1\n' });
    assert.deepEqual(diags, []);
    assert.deepEqual(diagnosticsOf(board, dir, 'a.md').map((d) => d.code), ['unknown-id']);
  });

  it('works without any config file, using the defaults', async () => {
    const dir = writeTree({ 'docs/prd.md': prd(), 'src/a.ts': '// nothing\n' });
    const board = await indexTree(dir);
    assert.deepEqual(board.allDiagnostics(), []);
    assert.equal(board.stats().files, 2);
  });

  it('lists the config file among the settings files the editor must watch', async () => {
    const { board, dir } = await configDiagnostics('{}');
    assert.ok(board.isSettingsFile(`${dir}/${CONFIG}`));
    assert.ok(board.isSettingsFile(`${dir}/.specboard/schemas/prd.schema.json`));
    assert.ok(!board.isSettingsFile(`${dir}/docs/prd.md`));
  });

  it('picks up a fixed config when the project is reloaded', async () => {
    const { board, dir } = await configDiagnostics('{ "prefixes": [', { 'a.md': 'NFR-1\n' });
    assert.equal(board.allDiagnostics().length, 1);
    writeFile(dir, CONFIG, '{ "prefixes": ["NFR"] }');
    const result = await board.reloadProject(dir);
    assert.ok(result.affected.has(`${dir}/a.md`));
    assert.deepEqual(board.allDiagnostics().map((d) => d.code), ['unknown-id']);
  });
});
