import * as assert from 'node:assert/strict';
import { RULES } from '../../src/core';
import { prd } from './helpers/docs';
import { removeTrees, runCliIn, writeTree } from './helpers/tree';

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string };
  helpUri: string;
  defaultConfiguration: { level: string };
}

async function sarifRun(args: string[] = []) {
  const dir = writeTree({ 'prd.md': prd('See REQ-9.\n\n### REQ-1 A\n- Priority: P0\n- Status: done\n') });
  const run = await runCliIn(dir, ['check', '--format', 'sarif', ...args]);
  return JSON.parse(run.stdout).runs[0] as { language: string; tool: { driver: { rules: SarifRule[] } }; results: { ruleId: string; ruleIndex: number }[] };
}

describe('SARIF rules', () => {
  after(removeTrees);

  it('lists every rule with a short and a full description, a help text, a help link and a default level', async () => {
    const run = await sarifRun();
    const rules = run.tool.driver.rules;
    assert.deepEqual(rules.map((r) => r.id), RULES.map((r) => r.code));
    for (const r of rules) {
      assert.ok(r.shortDescription.text.length > 5, r.id);
      assert.ok(r.fullDescription.text.length > r.shortDescription.text.length, r.id);
      assert.ok(r.help.text.length > 20, r.id);
      assert.match(r.helpUri, new RegExp(`#rule-${r.id}$`));
      assert.ok(['error', 'warning', 'note'].includes(r.defaultConfiguration.level), r.id);
    }
    assert.equal(run.language, 'en-US');
    const unknown = run.results.find((r) => r.ruleId === 'unknown-id')!;
    assert.equal(rules[unknown.ruleIndex].id, 'unknown-id');
    assert.match(rules[unknown.ruleIndex].help.text, /specboard-disable-next-line unknown-id/);
  });

  it('writes the rules in Simplified Chinese with --lang zh-cn', async () => {
    const run = await sarifRun(['--lang', 'zh-cn']);
    assert.equal(run.language, 'zh-CN');
    for (const r of run.tool.driver.rules) {
      assert.match(r.shortDescription.text + r.fullDescription.text + r.help.text, /\p{Script=Han}/u, r.id);
    }
    assert.equal(run.tool.driver.rules.find((r) => r.id === 'unknown-id')!.shortDescription.text, '引用的需求编号未定义');
  });

  it('has English and Chinese text for every rule in the catalog, and a distinct text per language', () => {
    for (const r of RULES) {
      for (const part of ['short', 'full', 'help'] as const) {
        assert.ok(r.text.en[part] && r.text['zh-cn'][part], `${r.code} ${part}`);
        assert.notEqual(r.text.en[part], r.text['zh-cn'][part], `${r.code} ${part}`);
      }
    }
  });
});
