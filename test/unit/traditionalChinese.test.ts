import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as OpenCC from 'opencc-js';
import { parseMarkdown } from '../../src/core/parseMarkdown';
import { toSimplified } from '../../src/core/toSimplified';
import { diagnosticsOf, indexTree, removeTrees, writeTree } from './helpers/tree';

/**
 * PRDs written in Traditional Chinese (Taiwan, Hong Kong) are read as those in Simplified are:
 * section names, table headers, attribute keys, statuses and Kiro's headings are matched through
 * toSimplified, whose table scripts/traditionalChars.mjs makes with opencc-js.
 */
const ROOT = path.resolve(__dirname, '../../..');
const toTaiwan = OpenCC.Converter({ from: 'cn', to: 'tw' });
const toHongKong = OpenCC.Converter({ from: 'cn', to: 'hk' });

const SIMPLIFIED_PRD = [
  '---', 'type: prd', 'id: PRD-KQ', 'title: 考勤', '---', '# 考勤产品需求文档', '',
  '## 功能需求', '',
  '| 需求编号 | 需求名称 | 优先级 | 状态 | 负责人 |', '| --- | --- | --- | --- | --- |',
  '| REQ-KQ-001 | 员工打卡 | 高 | 进行中 | 王磊 |', '| REQ-KQ-002 | 补卡申请 | 中 | 已完成 | 李娜 |', '',
  '### REQ-KQ-003：加班审批', '', '- 优先级：紧急', '- 状态：草稿', '- 负责人：张伟', '',
  '## 风险', '', '| 编号 | 风险描述 | 应对措施 |', '| --- | --- | --- |', '| R-01 | 设备故障 | 备用设备 |', '',
  '## 修订记录', '', '- **V-1**：初稿', '',
].join('\n');

const SIMPLIFIED_KIRO = [
  '# 需求文档', '', '## 需求', '',
  '### 需求 1：用户注册', '', '**用户故事：** 作为访客，我想注册账号。', '',
  '#### 验收条件', '', '1. 当访客提交表单时，系统应当创建账号', '2. 当邮箱已存在时，系统应当提示错误', '',
  '### 需求 2：用户登录', '', '#### 验收标准', '', '1. 当用户输入正确密码时，系统应当登录', '',
].join('\n');

function summary(text: string, relPath: string) {
  const parsed = parseMarkdown(`/ws/${relPath}`, text, 'zh-cn', { relPath });
  return parsed.requirements.map((d) => ({ id: d.id, form: d.form, priority: d.attributes.priority, status: d.attributes.status }));
}

describe('documents in Traditional Chinese', () => {
  after(removeTrees);

  it('keeps the table of Traditional characters current with the words the core matches', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'traditionalChars.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });

  it('reads the words the fixtures rely on back as Simplified, in Taiwan and Hong Kong forms', () => {
    const words = ['功能需求', '需求编号', '需求名称', '优先级', '状态', '负责人', '进行中', '已完成', '紧急', '草稿', '风险', '风险描述', '应对措施', '修订记录', '验收条件', '验收标准', '用户故事', '需求文档', '编号'];
    for (const convert of [toTaiwan, toHongKong]) {
      assert.ok(words.some((w) => convert(w) !== w), 'the converter changes something');
      for (const w of words) assert.equal(toSimplified(convert(w)), w, `${convert(w)} → ${w}`);
    }
  });

  it('finds the same requirements, priorities and statuses in a Traditional PRD as in the Simplified one', () => {
    const expected = summary(SIMPLIFIED_PRD, 'docs/prd-kq.md');
    assert.deepEqual(expected.map((d) => [d.id, d.priority, d.status]), [
      ['REQ-KQ-001', 'P1', 'in-progress'], ['REQ-KQ-002', 'P2', 'done'], ['REQ-KQ-003', 'P0', 'proposed'],
    ]);
    for (const convert of [toTaiwan, toHongKong]) assert.deepEqual(summary(convert(SIMPLIFIED_PRD), 'docs/prd-kq.md'), expected);
  });

  it("finds Kiro's numbered requirements and criteria under 驗收條件 and 驗收標準", () => {
    const expected = summary(SIMPLIFIED_KIRO, '.kiro/specs/signup/requirements.md');
    assert.deepEqual(expected.map((d) => d.id), ['1', '1.1', '1.2', '2', '2.1']);
    for (const convert of [toTaiwan, toHongKong]) assert.deepEqual(summary(convert(SIMPLIFIED_KIRO), '.kiro/specs/signup/requirements.md'), expected);
  });

  it('keeps titles and values as written, and checks required sections by their Traditional titles', async () => {
    const traditional = toTaiwan(SIMPLIFIED_PRD);
    const [first] = parseMarkdown('/ws/docs/prd-kq.md', traditional, 'zh-cn', { relPath: 'docs/prd-kq.md' }).requirements;
    assert.equal(first.title, '員工打卡');
    const dir = writeTree({ 'docs/prd-kq.md': traditional, 'docs/prd-simplified.md': SIMPLIFIED_PRD.replace(/KQ/g, 'KS') });
    const board = await indexTree(dir, 'zh-cn');
    const codes = (rel: string) => diagnosticsOf(board, dir, rel).map((d) => d.code).sort();
    assert.deepEqual(codes('docs/prd-kq.md'), codes('docs/prd-simplified.md'));
  });

  it('leaves text without Chinese, and Chinese it has no pair for, as it is (the same string)', () => {
    const ascii = 'REQ-1: Guest checkout';
    assert.equal(toSimplified(ascii), ascii);
    assert.equal(toSimplified('员工打卡 😀 𠀋'), '员工打卡 😀 𠀋');
  });
});
