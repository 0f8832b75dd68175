import * as assert from 'node:assert/strict';
import { buildReleases, renderReleaseNotes, type ReleaseGroup } from '../../src/core';
import { prd } from './helpers/docs';
import { diagnosticsOf, indexTree, removeTrees, writeTree } from './helpers/tree';

/** Errors and warnings of `text` written as a document into a fresh workspace. */
async function validateDocText(text: string): Promise<string[]> {
  const dir = writeTree({ 'docs/generated.md': text });
  const board = await indexTree(dir);
  return diagnosticsOf(board, dir, 'docs/generated.md').filter((d) => d.severity !== 'info').map((d) => `${d.code}: ${d.message}`);
}

const CHECKOUT = prd([
  '### REQ-CHK-1: Guest checkout', '- Priority: P0', '- Status: done', '', // release from the doc: 2.0
  '### REQ-CHK-2: Saved cards', '- Priority: P1', '- Status: in-progress', '- Release: 2.10', '',
  '### REQ-CHK-3: Wallets *(beta)*', '- Priority: P1', '- Status: verified', '- Release: 2.9', '',
  '### REQ-CHK-4: Gift cards', '- Priority: P2', '- Status: proposed', '',
].join('\n'), { product: 'Shop', id: 'PRD-CHECKOUT', release: '"2.0"' });
const LOYALTY = prd(['### REQ-LOY-1: Points', '- Priority: P1', '- Status: proposed', ''].join('\n'), { product: 'Shop', id: 'PRD-LOYALTY' });

function group(groups: readonly ReleaseGroup[], release: string | undefined): ReleaseGroup {
  const found = groups.find((g) => g.release === release);
  assert.ok(found, `no release ${release}`);
  return found;
}

describe('releases', () => {
  after(removeTrees);

  it("groups requirements by their release attribute, else their document's release", async () => {
    const board = await indexTree(writeTree({ 'docs/checkout.md': CHECKOUT, 'docs/loyalty.md': LOYALTY }));
    const groups = buildReleases(board);
    assert.deepEqual(group(groups, '2.0').requirements.map((r) => r.id), ['REQ-CHK-1', 'REQ-CHK-4']);
    assert.deepEqual(group(groups, '2.10').requirements.map((r) => r.id), ['REQ-CHK-2']);
    assert.deepEqual(group(groups, undefined).requirements.map((r) => r.id), ['REQ-LOY-1'], 'no release anywhere: unscheduled');
  });

  it('sorts releases by version number with unscheduled requirements last, and counts what is done', async () => {
    const board = await indexTree(writeTree({ 'docs/checkout.md': CHECKOUT, 'docs/loyalty.md': LOYALTY }));
    const groups = buildReleases(board);
    assert.deepEqual(groups.map((g) => g.release), ['2.0', '2.9', '2.10', undefined]);
    assert.deepEqual(groups.map((g) => g.done), [1, 1, 0, 0]);
    assert.ok(groups.every((g) => g.product === 'Shop'));
  });

  it('keeps the releases of different products apart', async () => {
    const board = await indexTree(writeTree({
      'docs/checkout.md': CHECKOUT,
      'docs/pay.md': prd('### REQ-PAY-1: Refunds\n- Priority: P0\n- Status: done\n', { product: '支付中心', id: 'PRD-PAY', release: '"2.0"' }),
    }));
    const twoOh = buildReleases(board).filter((g) => g.release === '2.0');
    assert.deepEqual(twoOh.map((g) => [g.product, g.requirements.length]), [['Shop', 2], ['支付中心', 1]]);
  });

  it('writes release notes that pass the release-notes schema and list the release by ID', async () => {
    const dir = writeTree({ 'docs/checkout.md': CHECKOUT });
    const board = await indexTree(dir);
    const info = board.projectFor(`${dir}/docs/checkout.md`)!.schemas.get('release-notes')!;
    const notes = renderReleaseNotes(group(buildReleases(board), '2.0'), { info, locale: 'en', owner: 'Emma', documents: board.documents(), date: '2025-06-01' });
    assert.equal(notes.id, 'RN-SHOP-V2-0');
    assert.equal(notes.title, 'Shop 2.0 — Release notes');
    assert.match(notes.text, /^## New features\n\n- \*\*Guest checkout\*\* \(REQ-CHK-1\)\n- \*\*Gift cards\*\* \(REQ-CHK-4\) — status: proposed$/m);
    assert.match(notes.text, /^release: "2\.0"$/m);
    assert.deepEqual(await validateDocText(notes.text), []);
  });

  it('writes Chinese release notes with the Chinese section titles', async () => {
    const dir = writeTree({ 'docs/checkout.md': CHECKOUT });
    const board = await indexTree(dir);
    const info = board.projectFor(`${dir}/docs/checkout.md`)!.schemas.get('release-notes')!;
    const notes = renderReleaseNotes(group(buildReleases(board), '2.9'), { info, locale: 'zh-cn', owner: '王磊', documents: board.documents() });
    assert.equal(notes.title, 'Shop 2.9 版本功能列表');
    assert.match(notes.text, /^## 新功能\n\n- \*\*Wallets \\\*\(beta\)\\\*\*\* \(REQ-CHK-3\)$/m, 'emphasis in titles is escaped');
    assert.deepEqual(await validateDocText(notes.text), []);
  });

  it('picks a document ID nobody uses yet', async () => {
    const dir = writeTree({
      'docs/checkout.md': CHECKOUT,
      'docs/rn.md': '---\ntype: release-notes\nid: RN-SHOP-V2-0\ntitle: Old\nstage: market\nstatus: draft\nowner: A\nproduct: Shop\n---\n# Old\n',
    });
    const board = await indexTree(dir);
    const info = board.projectFor(`${dir}/docs/checkout.md`)!.schemas.get('release-notes')!;
    const notes = renderReleaseNotes(group(buildReleases(board), '2.0'), { info, locale: 'en', owner: 'Emma', documents: board.documents() });
    assert.equal(notes.id, 'RN-SHOP-V2-0-2');
  });
});
