import * as assert from 'node:assert/strict';
import { matchesPinyin, newDocumentPlan, type DocSummary } from '../../src/core';
import { indexTree, removeTrees, writeTree } from './helpers/tree';

const doc = (id: string, product?: string): DocSummary => ({ path: `file:///w/docs/${id}.md`, id, product } as DocSummary);

describe('a new document\'s file name, ID and language', () => {
  const base = { type: 'prd', abbreviation: 'PRD', productDocs: [], takenIds: new Set<string>(), language: 'auto' as const, fallback: 'en' as const };

  it('keeps a Chinese title in the file name and spells the ID by pinyin initials, leaving the type word out', () => {
    assert.deepEqual(newDocumentPlan({ ...base, title: '会员积分 PRD' }), { fileName: 'prd-会员积分.md', id: 'PRD-HYJF', locale: 'zh-cn' });
    assert.deepEqual(newDocumentPlan({ ...base, title: '退款流程优化' }), { fileName: 'prd-退款流程优化.md', id: 'PRD-TKLCYH', locale: 'zh-cn' });
  });

  it('names the product as its documents do, and takes the next free ID', () => {
    const productDocs = [doc('BRD-PAY', '支付'), doc('MRD-PAY', '支付')];
    const plan = newDocumentPlan({ ...base, title: '支付 PRD', product: '支付', productDocs, takenIds: new Set(['PRD-PAY']) });
    assert.deepEqual(plan, { fileName: 'prd-支付.md', id: 'PRD-PAY-2', locale: 'zh-cn' });
    assert.equal(newDocumentPlan({ ...base, title: 'Checkout', product: 'Shop' }).id, 'PRD-SHOP');
    const stray = [doc('PRD-HOSTILE'), doc('BRD-HOSTILE')];
    assert.equal(newDocumentPlan({ ...base, title: 'Wish list', productDocs: stray }).id, 'PRD-WISH-LIST', 'documents of no product share no ID part');
  });

  it('writes English headings for an English title and follows the setting when it names a language', () => {
    assert.deepEqual(newDocumentPlan({ ...base, title: 'Loyalty points PRD' }), { fileName: 'prd-loyalty-points.md', id: 'PRD-LOYALTY-POINTS', locale: 'en' });
    assert.equal(newDocumentPlan({ ...base, title: '会员积分', language: 'en' }).locale, 'en');
    assert.deepEqual(newDocumentPlan({ ...base, title: 'PRD' }), { fileName: 'prd.md', id: 'PRD-1', locale: 'en' });
  });
});

describe('pinyin search', () => {
  after(removeTrees);

  it('matches Chinese by initials or full syllables, from any character', () => {
    assert.ok(matchesPinyin('支付宝退款', 'zf'));
    assert.ok(matchesPinyin('支付宝退款', 'zhifu'));
    assert.ok(matchesPinyin('支付宝退款', 'tk'));
    assert.ok(!matchesPinyin('支付宝退款', 'zt'));
    assert.ok(!matchesPinyin('Refunds', 'rf'), 'only Chinese text matches by pinyin');
  });

  it('finds requirements by the pinyin of their titles in the ID catalog (completion, symbols)', async () => {
    const board = await indexTree(writeTree({ 'a.md': '# 支付\n\n| 需求编号 | 需求名称 |\n|---|---|\n| REQ-1 | 支付宝退款 |\n| REQ-2 | 分享链接 |\n| REQ-3 | Refund flow |\n' }));
    assert.deepEqual(board.catalog.search('zfb', 10).map((d) => d.id), ['REQ-1']);
    assert.deepEqual(board.catalog.search('fenxiang', 10).map((d) => d.id), ['REQ-2']);
    assert.deepEqual(board.catalog.search('refund', 10).map((d) => d.id), ['REQ-3']);
    assert.deepEqual(board.catalog.search('tk', 10, 'REQ-').map((d) => d.id), ['REQ-1']);
  });
});
