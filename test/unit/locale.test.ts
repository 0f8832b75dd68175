import * as assert from 'node:assert/strict';
import { message, normalizeLocale } from '../../src/core';
import { designDoc, prd } from './helpers/docs';
import { indexTree, removeTrees, runCliIn, writeTree } from './helpers/tree';

const HAS_CJK = /[\u4e00-\u9fff]/;

describe('locale', () => {
  after(removeTrees);

  it("gives Chinese diagnostics with locale 'zh-cn'", async () => {
    const dir = writeTree({
      'prd.md': prd('### REQ-1 A\n- Priority: P0\n').replace('## Vision', '## Intro'),
      'design.md': designDoc('See REQ-2.', { status: 'doing' }),
    });
    const board = await indexTree(dir, 'zh-cn');
    const messages = board.allDiagnostics().map((d) => d.message);
    assert.ok(messages.some((m) => m.includes('缺少章节') && m.includes('产品愿景')), messages.join('\n'));
    assert.ok(messages.some((m) => m.startsWith('需求 REQ-1 缺少') && m.includes('状态')));
    assert.ok(messages.some((m) => m.includes('REQ-2 没有在任何文档中定义')));
    assert.ok(messages.some((m) => m.includes("'doing' 不在可选值")));
  });

  it('gives English diagnostics by default', async () => {
    const dir = writeTree({ 'prd.md': prd().replace('## Vision', '## Intro') });
    const [d] = (await indexTree(dir)).allDiagnostics();
    assert.equal(d.message, "PRD is missing the section 'Vision' (产品愿景); a heading such as 'Product vision', 'Overview', 'Introduction' or 'Purpose' counts too");
  });

  it('translates file-skipped and config-error messages too', async () => {
    const dir = writeTree({ '.specboard/config.json': '{ "bogus": true }', 'bin.md': Buffer.from([0, 1]) });
    const board = await indexTree(dir, 'zh-cn');
    const messages = board.allDiagnostics().map((d) => d.message).sort();
    assert.deepEqual(messages, ['.specboard/config.json：未知选项 \'bogus\'', '已跳过：该文件看起来是二进制文件（包含 NUL 字节）']);
  });

  it('has a Chinese text for every message key', () => {
    for (const key of ['fm.notClosed', 'fm.empty', 'section.missing', 'id.unknown', 'skip.encoding', 'config.json'] as const) {
      assert.match(message('zh-cn', key, {}), HAS_CJK, key);
    }
  });

  it('maps locale tags to the two catalogs', () => {
    for (const tag of ['zh-CN', 'zh_CN.UTF-8', 'zh-Hans', 'zh', 'ZH-TW']) assert.equal(normalizeLocale(tag), 'zh-cn', tag);
    for (const tag of ['en-US', 'C', 'fr_FR.UTF-8', '', undefined]) assert.equal(normalizeLocale(tag), 'en', String(tag));
  });

  it('prints Chinese CLI output with --lang zh-cn', async () => {
    const dir = writeTree({ 'prd.md': prd().replace('## Vision', '## Intro') });
    const run = await runCliIn(dir, ['check', '--lang', 'zh-cn']);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^prd\.md:9:1: error missing-section PRD缺少章节 '产品愿景'（Vision）；标题写作 '愿景'、'产品概述'、'概述' 或 '背景' 等也可以$/m);
    assert.match(run.stdout, /✖ 1 个文件中有 1 个错误、0 个警告/);
  });

  it('accepts --lang=zh-cn and rejects an unsupported language with exit code 2', async () => {
    const dir = writeTree({ 'a.md': '# a\n' });
    assert.match((await runCliIn(dir, ['check', '--lang=zh-cn'])).stdout, /没有问题/);
    const bad = await runCliIn(dir, ['check', '--lang', 'fr']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /'--lang' must be one of en, zh-cn, not 'fr'/);
  });

  it("takes the CLI language from the config's language, then from LANG", async () => {
    const fromConfig = writeTree({ '.specboard/config.json': '{ "language": "zh-cn" }', 'a.md': '# a\n' });
    assert.match((await runCliIn(fromConfig, ['check'])).stdout, /没有问题/);
    const fromEnv = writeTree({ 'a.md': '# a\n' });
    assert.match((await runCliIn(fromEnv, ['check'], { LANG: 'zh_CN.UTF-8' })).stdout, /没有问题/);
    assert.match((await runCliIn(fromEnv, ['check', '--lang', 'en'], { LANG: 'zh_CN.UTF-8' })).stdout, /No problems/);
  });

  it('prints Chinese usage errors with --lang zh-cn', async () => {
    const dir = writeTree({});
    const run = await runCliIn(dir, ['frobnicate', '--lang', 'zh-cn']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /未知命令 'frobnicate'/);
  });
});
