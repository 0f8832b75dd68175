import * as assert from 'node:assert/strict';
import { buildLifecycle, normalizeTitle } from '../../src/core';
import { brd, commonFields, frontMatter, prd, PRD_SECTIONS } from './helpers/docs';
import { diagnosticsOf, indexTree, lineOf, removeTrees, textAt, writeTree } from './helpers/tree';

const PRD_FM = frontMatter(commonFields('prd'));

async function sectionsMissing(text: string) {
  const dir = writeTree({ 'doc.md': text });
  const board = await indexTree(dir);
  const diags = diagnosticsOf(board, dir, 'doc.md', 'missing-section');
  return { dir, diags, ids: diags.map((d) => `${d.data?.section}:${d.severity}`) };
}

const REQUIRED_PRD = ['vision', 'target-market', 'competitive-analysis', 'features', 'use-cases', 'system-requirements', 'performance-requirements'];

describe('required sections', () => {
  after(removeTrees);

  it('accepts a PRD that has every section', async () => {
    const { diags } = await sectionsMissing(prd());
    assert.deepEqual(diags, []);
  });

  it('reports each of the seven required PRD sections as an error when absent, at the H1 title', async () => {
    const { dir, diags, ids } = await sectionsMissing(`${PRD_FM}\n# Checkout PRD\n\nNo sections yet.\n`);
    assert.deepEqual(ids, [...REQUIRED_PRD.map((s) => `${s}:error`), 'sales-support:warning']);
    for (const d of diags) assert.equal(textAt(dir, 'doc.md', d), '# Checkout PRD');
    assert.equal(diags[0].range.start.line, lineOf(dir, 'doc.md', '# Checkout PRD'));
  });

  it('names the missing section in English and Chinese', async () => {
    const { diags } = await sectionsMissing(prd().replace('## Competitive analysis', '## Notes'));
    assert.equal(diags.length, 1);
    assert.match(diags[0].message, /Competitive analysis/);
    assert.match(diags[0].message, /竞品分析/);
  });

  it('only warns when Sales and support requirements is missing', async () => {
    const { ids } = await sectionsMissing(prd().replace('## Sales and support requirements', '## Appendix'));
    assert.deepEqual(ids, ['sales-support:warning']);
  });

  it('accepts the Chinese section titles and aliases', async () => {
    const zh = ['## 产品愿景', '## 目标用户', '## 竞争分析', '## 功能需求', '## 用例', '## 系统需求', '## 性能需求', '## 销售及支持需求'].join('\n');
    const { diags } = await sectionsMissing(`${PRD_FM}# 支付 PRD\n${zh}\n`);
    assert.deepEqual(diags, []);
  });

  it('accepts 目标市场, 竞品分析 and 产品功能 as well', async () => {
    const zh = ['## 产品愿景', '## 目标市场', '## 竞品分析', '## 产品功能', '## 产品用例', '## 系统需求', '## 性能需求', '## 销售及支持需求'].join('\n');
    const { diags } = await sectionsMissing(`${PRD_FM}# 支付 PRD\n${zh}\n`);
    assert.deepEqual(diags, []);
  });

  it('ignores numbering, case and trailing punctuation in section titles', async () => {
    const titles = ['## 1. VISION', '## 2.3 target market:', '### 一、竞品分析', '## （二）功能需求：', '## 第五章 用例', '## 6) System Requirements.', '#### 7 Performance requirements!', '## 8、销售及支持需求'];
    const { diags } = await sectionsMissing(`${PRD_FM}# P\n${titles.join('\n')}\n`);
    assert.deepEqual(diags, []);
  });

  it('normalizes titles by dropping numbering, emphasis, punctuation and case', () => {
    assert.equal(normalizeTitle('2.3 **Features**:'), 'features');
    assert.equal(normalizeTitle('（一）目标用户。'), '目标用户');
    assert.equal(normalizeTitle('一、产品愿景'), '产品愿景');
    assert.equal(normalizeTitle('IV. Use   Cases'), 'use cases');
  });

  it('does not count a requirement heading or a heading in a code block as a section', async () => {
    const text = prd().replace('## Vision', '## REQ-1 Vision\n- Priority: P0\n- Status: done').replace('## Use cases', '```\n## Use cases\n```');
    const { ids } = await sectionsMissing(text);
    assert.deepEqual(ids, ['vision:error', 'use-cases:error']);
  });

  it('points at the title field when the document has no H1', async () => {
    const { dir, diags } = await sectionsMissing(`${PRD_FM}${PRD_SECTIONS.replace('## Vision', '## Intro')}\n`);
    assert.equal(diags.length, 1);
    assert.equal(textAt(dir, 'doc.md', diags[0]), 'Test document');
  });

  it('checks the BRD sections: five required, three recommended', async () => {
    const { ids } = await sectionsMissing(`${frontMatter(commonFields('brd', { stage: 'concept' }))}# BRD\n`);
    assert.deepEqual(ids, [
      'business-opportunity:error', 'market-analysis:error', 'user-needs:error', 'competition:error', 'product-strategy:error',
      'business-requirements:warning', 'success-metrics:warning', 'risks:warning',
    ]);
  });

  it('accepts a BRD with Chinese section titles', async () => {
    const zh = ['## 商业机会', '## 市场分析', '## 用户需求', '## 竞争分析', '## 产品战略', '## 业务需求', '## 成功指标', '## 风险'].join('\n');
    const { diags } = await sectionsMissing(`${frontMatter(commonFields('brd', { stage: 'concept' }))}# 商业需求文档\n${zh}\n`);
    assert.deepEqual(diags, []);
    assert.deepEqual((await sectionsMissing(brd())).diags, []);
  });

  it('checks the MRD sections: five required, two recommended', async () => {
    const { ids } = await sectionsMissing(`${frontMatter(commonFields('mrd', { stage: 'concept' }))}# MRD\n## Market overview\n## 目标用户\n`);
    assert.deepEqual(ids, ['user-needs:error', 'competition:error', 'market-requirements:error', 'positioning:warning', 'pricing:warning']);
  });

  for (const type of ['design', 'dev-plan', 'project-charter', 'whitepaper', 'manual', 'sales-kit', 'launch', 'sales-feedback', 'release-notes', 'market-feedback', 'requirements-analysis']) {
    it(`requires nothing but front matter of a '${type}' document (missing sections are only warnings)`, async () => {
      const dir = writeTree({ 'doc.md': `${frontMatter(commonFields(type))}# Just a title\n` });
      const board = await indexTree(dir);
      assert.deepEqual(diagnosticsOf(board, dir, 'doc.md').filter((d) => d.severity === 'error'), []);
    });
  }
});

describe('sections under the names real documents use', () => {
  after(removeTrees);

  const ALIASED_PRD = [
    '## 1. Introduction', '## User classes and characteristics', '## Competitive landscape', '## 功能需求规格 (Functional Requirements)',
    '## User Scenarios & Testing *(mandatory)*', '## Technical requirements', '## 非功能性需求（NFR）— 扩展', '## Support requirements',
  ].join('\n\n');

  it('matches sections by alias, by prefix and through a second language or a qualifier', async () => {
    const { diags } = await sectionsMissing(`${PRD_FM}\n# PRD\n\n${ALIASED_PRD}\n`);
    assert.deepEqual(diags, []);
  });

  it('does not take a longer word for a section name (Featureset is not Features)', async () => {
    const { ids } = await sectionsMissing(prd().replace('## Features', '## Featureset'));
    assert.deepEqual(ids, ['features:error']);
  });

  it('names in missing-section the other headings that count, in the message language first', async () => {
    const { diags } = await sectionsMissing(prd().replace('## Use cases', '## Notes'));
    assert.match(diags[0].message, /a heading such as 'User stories', 'User scenarios', 'User scenarios & testing' or 'User journeys' counts too$/);
    const dir = writeTree({ 'doc.md': prd().replace('## Use cases', '## Notes') });
    const [zh] = (await indexTree(dir, 'zh-cn')).allDiagnostics();
    assert.match(zh.message, /标题写作 '用例'、'用户故事'、'使用场景' 或 '用户场景' 等也可以$/);
  });

  it('checks a spec typed by the config for its Requirements section only, with no front matter needed', async () => {
    const dir = writeTree({
      '.specboard/config.json': '{ "types": { "specs/*/spec.md": "spec" } }',
      'specs/001-a/spec.md': '# Spec\n\n## Overview\n\nText.\n\n## Functional Requirements\n\n- **FR-001**: System MUST work\n',
      'specs/002-b/spec.md': '# Spec\n\n## Overview\n\nNo requirements yet.\n',
    });
    const board = await indexTree(dir);
    assert.deepEqual(diagnosticsOf(board, dir, 'specs/001-a/spec.md'), []);
    assert.deepEqual(diagnosticsOf(board, dir, 'specs/002-b/spec.md').map((d) => d.data?.section), ['requirements']);
    assert.deepEqual(board.documents().map((d) => d.type), ['spec', 'spec']);
  });

  it('reports a types entry naming no document type as a config-error', async () => {
    const board = await indexTree(writeTree({ '.specboard/config.json': '{ "types": { "docs/*.md": "memo" } }' }));
    const [d] = board.allDiagnostics();
    assert.equal(d.code, 'config-error');
    assert.match(d.message, /'memo'/);
  });

  it('never lists a spec as a deliverable the lifecycle misses', async () => {
    const board = await indexTree(writeTree({ 'docs/prd.md': prd('', { product: 'Shop' }) }));
    const [product] = buildLifecycle(board).products;
    const missing = product.stages.flatMap((s) => s.missing.map((m) => m.type));
    assert.ok(missing.includes('design') && !missing.includes('spec'), missing.join(', '));
  });
});
