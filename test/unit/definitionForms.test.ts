import * as assert from 'node:assert/strict';
import { parseMarkdown } from '../../src/core/parseMarkdown';
import { diagnosticsOf, indexTree, pathIn, removeTrees, writeTree } from './helpers/tree';

const parse = (text: string, relPath = 'docs/requirements.md') => parseMarkdown(`/ws/${relPath}`, text, 'en', { relPath });
const defs = (text: string, relPath?: string) => parse(text, relPath).requirements.map((d) => [d.form, d.id, d.title]);

describe('definition forms of real documents', () => {
  after(removeTrees);

  it('reads list items that start with an ID, bold, bracketed, plain or numbered', () => {
    assert.deepEqual(defs('## Functional Requirements\n\n- **FR-001**: System MUST log in\n- FR-002: System MUST log out\n- [FR-003] Remember me\n1. **NFR-3** Fast pages\n'), [
      ['list', 'FR-001', 'System MUST log in'], ['list', 'FR-002', 'System MUST log out'], ['list', 'FR-003', 'Remember me'], ['list', 'NFR-3', 'Fast pages'],
    ]);
  });

  it('reads bold paragraphs that start with an ID, the title inside or after the bold', () => {
    assert.deepEqual(defs('## Requirements\n\n**FR-12: Export**\n\nText.\n\n**FR-13** Import the file.\n'), [
      ['paragraph', 'FR-12', 'Export'], ['paragraph', 'FR-13', 'Import the file.'],
    ]);
  });

  it('reads a paragraph led by several joined IDs as the first one, titled by the text after the others', () => {
    assert.deepEqual(defs('## 需求\n\n**REQ-PAY-002 / REQ-PAY-003 渠道接入。** 微信支付使用 APIv3。\n\n**REQ-PAY-004 原路退款。** 支持部分退款。\n'), [
      ['paragraph', 'REQ-PAY-002', '渠道接入'], ['paragraph', 'REQ-PAY-004', '原路退款'],
    ]);
    assert.deepEqual(defs('## Requirements\n\n- FR-1、FR-2、FR-3：登录与注册\n- **FR-4 and FR-5** Export\n- FR-6: and FR-7 stay apart\n').map((d) => d[2]), [
      '登录与注册', 'Export', 'and FR-7 stay apart',
    ]);
  });

  it('takes a priority written after the title of a heading', () => {
    const [a, b] = parse('### FR-01 用户登录（P0）\n\n### FR-02 Reset password (Priority: High)\n').requirements;
    assert.deepEqual([a.title, a.attributes.priority], ['用户登录', 'P0']);
    assert.deepEqual([b.title, b.attributes.priority], ['Reset password', 'P1']);
  });

  it('accepts wide ID shapes in definition positions', () => {
    const text = '## Requirements\n\n- **FR-A01**: a\n- **NFR-P01**: b\n- **US-D01**: c\n- **FR-002a**: d\n- **FR-010A**: e\n- **FR-AP-001.1**: f\n- **FR-01-AC-2**: g\n- **SC-AUTH**: h\n';
    assert.deepEqual(parse(text).requirements.map((d) => d.id), ['FR-A01', 'NFR-P01', 'US-D01', 'FR-002a', 'FR-010A', 'FR-AP-001.1', 'FR-01-AC-2', 'SC-AUTH']);
  });

  it('accepts IDs without a dash where the position is unambiguous, and not where they are names', () => {
    assert.deepEqual(parse('### FR1: Login\n\n| ID | Title |\n|---|---|\n| R1 | Reset |\n').requirements.map((d) => d.id), ['FR1', 'R1']);
    assert.deepEqual(parse('## Product functions\n\n- **F1:** borrow\n- **F2:** return\n').requirements.map((d) => d.id), ['F1', 'F2']);
    assert.deepEqual(parse('## Requirements\n\n- **S3:** object storage\n- **EC2 Auto Scaling:** servers\n- **HTML5** drag and drop\n').requirements, []);
    assert.deepEqual(parse('## Plan\n\n### 10.1 V0 Prototype\n').requirements, []);
  });

  it('reads an ID written after the title of a heading, but not a range of IDs', () => {
    assert.deepEqual(defs('## 功能需求\n\n#### 4.1.3 个人信息管理 YHGL003\n\n### 5.3 调试模式（FR-005 ~ FR-007）\n'), [['heading', 'YHGL003', '个人信息管理']]);
  });

  it('reads one definition per line of a paragraph written without blank lines', () => {
    assert.deepEqual(defs('Requirements from the site visit\nFR3: The barrier opens after payment.\nFR4: A receipt is printed.\n', 'requirements.md').map((d) => d[1]), ['FR3', 'FR4']);
  });

  it('reads a key/value use-case table as one requirement with its attributes', () => {
    const [def] = parse('## 用例\n\n| 项目 | 内容 |\n|---|---|\n| 用例编号 | UC-01 |\n| 用例名称 | 结算时使用积分 |\n| 优先级 | 高 |\n').requirements;
    assert.deepEqual([def.id, def.title, def.attributes.priority], ['UC-01', '结算时使用积分', 'P1']);
  });

  it('defines nothing in sections of risks, decisions, glossary or history, nor in a traceability matrix', () => {
    const text = [
      '## Risks', '| ID | Risk | Mitigation |', '|---|---|---|', '| R-01 | Fraud | Limits |', '',
      '## Decisions', '- **D-1**: keep CommonJS', '',
      '## Requirements traceability matrix', '| Requirement ID | Test case |', '|---|---|', '| FR-01 | TC-01 |', '',
      '## Revision history', '| Version | Date | Author |', '|---|---|---|', '| 1.0 | 2026-01-01 | Li |',
    ].join('\n');
    assert.deepEqual(parse(text).requirements, []);
    // A spec's log of what was done, in the same file as its requirements.
    const log = '## 功能需求\n\n- **FR-001**: 系统必须先判断再解密\n\n## 执行记录\n\n### D001 - 文档记录\n\n- 已创建文档\n\n### D002 - 实现记录\n\n## Execution log\n\n### D003 - Review\n';
    assert.deepEqual(parse(log, 'specs/089-fix/spec.md').requirements.map((d) => d.id), ['FR-001']);
  });

  it('reads a bold name without digits being explained as a term, and a qualifier in the bold as part of the title', () => {
    assert.deepEqual(defs('## 依赖\n\n- **PP-TSM inference 模型**: 由脚本转换得到\n- **SC-AUTH**: 单点登录\n', 'specs/002-x/spec.md'), [['list', 'SC-AUTH', '单点登录']]);
    assert.deepEqual(defs('## Functional requirements\n\n**FR-3.1 (GUI):** The system shall merge PDF files.\n\n**FR-3.2 (必选)：** 系统必须拆分文件。\n').map((d) => d[2]), [
      '(GUI) The system shall merge PDF files.', '(必选) 系统必须拆分文件',
    ]);
  });

  it('reads a checked requirement (a task item led by a bold ID and a colon), not a task', () => {
    const text = '## v1.9 Requirements\n\n- [x] **AUTH-01**: User can log in with email\n- [ ] **AUTH-02**: User can log out\n- [ ] T001 [P] [US1] Create the login form\n- [ ] **T002** Wire the API\n';
    assert.deepEqual(defs(text, '.planning/REQUIREMENTS.md'), [['list', 'AUTH-01', 'User can log in with email'], ['list', 'AUTH-02', 'User can log out']]);
    const [def] = parse(text, '.planning/REQUIREMENTS.md').requirements;
    assert.deepEqual(def.idRange, { start: { line: 2, character: 8 }, end: { line: 2, character: 15 } }, 'the ID range after the checkbox and the bold marks');
  });

  it('reads a story heading wrapped in bold, and a bold ID titled in brackets before its colon', () => {
    assert.deepEqual(defs('## Epic 0\n\n#### **Story 0.1: Monorepo 项目结构创建**\n\nAs a developer, I want one repository so that builds share code.\n', 'docs/prd/epic-overview.md'), [
      ['heading', '0.1', 'Monorepo 项目结构创建'],
    ]);
    assert.deepEqual(defs('## 3.1 易用性\n\n* **NFR1.1 (上手门槛):** 系统应足够直观\n* **NFR1.2:** 界面简洁\n', 'docs/prd/non-functional-requirements.md'), [
      ['list', 'NFR1.1', '(上手门槛) 系统应足够直观'], ['list', 'NFR1.2', '界面简洁'],
    ]);
  });

  it('reads an ID without a dash or a requirement prefix, written under every story, as a label', () => {
    const story = (n: number) => `### Story 1.${n}: Part ${n}\n\nAs a user, I want part ${n} so that it works.\n\n**Integration Verification:**\nIV1: Works on web\nIV2: Works on mobile\n`;
    assert.deepEqual(defs(`## Requirements\n\n${story(1)}\n${story(2)}`, 'docs/prd.md').map((d) => d[1]), ['1.1', '1.2']);
    // Once, it is a definition like any other; with a requirement prefix, a repeat is a duplicate.
    assert.deepEqual(defs('## Requirements\n\n- **IV1**: Works on web\n- **IV2**: Works on mobile\n', 'docs/prd.md').map((d) => d[1]), ['IV1', 'IV2']);
    assert.deepEqual(defs('## Requirements\n\n- **FR1**: Log in\n\n## More\n\n- **FR1**: Log in again\n', 'docs/prd.md').map((d) => d[1]), ['FR1', 'FR1']);
  });

  it('reads a table of IDs without requirement text outside any requirement context as a list of something else', () => {
    const backlog = '# Deferred backlog\n\n## B. Follow-ups\n\n| ID | Item | Notes |\n|---|---|---|\n| B-1 | Seam constant | open |\n';
    assert.deepEqual(parse(backlog, 'docs/deferred-backlog.md').requirements, []);
    assert.deepEqual(defs(backlog, 'docs/prd.md').map((d) => d[1]), ['B-1'], 'in a PRD it is a requirements table');
    assert.deepEqual(defs(backlog.replace('| ID | Item | Notes |', '| ID | Item | Priority |').replace('| open |', '| P1 |'), 'docs/deferred-backlog.md').map((d) => d[1]), ['B-1']);
    assert.deepEqual(parse('## 9.2 反模式清单\n\n| 编号 | 反模式 | 正确做法 |\n|---|---|---|\n| A-01 | 明文存储密码 | 哈希 |\n', 'docs/prd.md').requirements, []);
  });

  it('takes the title of a table row from its story column before a scenario column', () => {
    assert.deepEqual(defs('## 用户故事\n\n| 编号 | 故事 | 优先级 | 场景 |\n|---|---|---|---|\n| US-01 | 作为设计者，我能保存 ER 图 | P0 | S01 |\n', 'docs/prd.md'), [['table', 'US-01', '作为设计者，我能保存 ER 图']]);
  });

  it('shows a title written with strong emphasis inside it as plain text', () => {
    assert.deepEqual(defs('## 功能需求\n\n- **FR-037**: 预测器必须取**第二个输出**，而**不是** logits\n- **FR-038**: keep a ** b\n').map((d) => d[2]), [
      '预测器必须取第二个输出，而不是 logits', 'keep a ** b',
    ]);
  });

  it('reads the ID column after grouping columns, under the headers teams use', () => {
    for (const header of ['需求编号', '需求 ID', 'Requirement ID', 'Req #', '编号', 'Identifier']) {
      assert.deepEqual(parse(`| 模块 | ${header} | 需求描述 |\n|---|---|---|\n| 计费 | GL-01 | 分段计费 |\n`).requirements.map((d) => d.id), ['GL-01'], header);
    }
  });

  it('reads a summary table and the detailed headings below it as one requirement each', () => {
    const parsed = parse('| 需求编号 | 需求名称 | 优先级 | 状态 |\n|---|---|---|---|\n| PTS-1 | 下单得积分 | 高 | 已完成 |\n\n### PTS-1 下单得积分\n\n按金额发放积分。\n');
    assert.equal(parsed.requirements.length, 1);
    const [def] = parsed.requirements;
    assert.deepEqual([def.form, def.line, def.attributes.priority, def.attributes.status], ['heading', 4, 'P1', 'done']);
    assert.deepEqual(def.otherIdRanges?.map((r) => r.start.line), [2]);
  });

  it('defines nothing in ordinary Markdown: changelog entries, FAQ questions, feature names, steps', async () => {
    const dir = writeTree({
      'CHANGELOG.md': '# Changelog\n\n## [2.1.0]\n\n### Fixed\n\n- GH-412: keyboard navigation\n- GH-412: again\n',
      'README.md': '# lib\n\n## Features\n\n- **ES2015** modules\n- **S3:** adapter\n\n## FAQ\n\n**Q1: Does it work?** Yes.\n\n### Step 1 - Install\n',
    });
    const board = await indexTree(dir);
    assert.deepEqual(board.trace(), []);
    assert.deepEqual(board.allDiagnostics(), []);
  });

  it('lights up nothing new in source files: wide IDs are references in docs only', async () => {
    const dir = writeTree({ 'docs/requirements.md': '## Requirements\n\n- **FR1**: Login\n- **FR-002a**: Reset\n\nSee FR1.\n', 'src/a.ts': '// FR1 FR-002a\n' });
    const board = await indexTree(dir);
    const refs = (id: string) => board.index.references(id).map((r) => r.path.slice(dir.length + 1));
    assert.deepEqual(refs('FR1'), ['docs/requirements.md']);
    assert.deepEqual(refs('FR-002a'), []);
    assert.deepEqual(diagnosticsOf(board, dir, 'src/a.ts'), []);
  });

  it('never turns a definition into an unknown ID when its prefix is declared in the config', async () => {
    const dir = writeTree({
      '.specboard/config.json': '{ "prefixes": ["FR", "NFR"] }',
      'notes.md': '# Notes\n\n- **FR-001**: System MUST log in\n- FR-002: System MUST log out\n\nFR-003: a paragraph requirement\n',
      'other.md': 'See FR-001, FR-002 and FR-003.\n',
    });
    const board = await indexTree(dir);
    assert.deepEqual(board.trace().map((r) => r.id), ['FR-001', 'FR-002', 'FR-003']);
    assert.deepEqual(board.allDiagnostics(), []);
    assert.ok(board.definition('FR-001')?.path.endsWith('notes.md'));
    assert.equal(board.index.references('FR-001')[0]?.path, pathIn(dir, 'other.md'));
  });
});
