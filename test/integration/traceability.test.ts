import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CoverageModel, ReleaseGroup } from '../../src/core';
import { api, closeAll, fixture, waitFor } from './helpers';

const PRD = 'lifecycle/docs/prd.md';
const BRD = 'lifecycle/docs/brd.md';

function requirement(model: CoverageModel, id: string) {
  const found = model.documents.flatMap((d) => d.requirements).find((r) => r.id === id);
  assert.ok(found, `${id} not in the coverage model`);
  return found;
}

function orbitRelease(groups: readonly ReleaseGroup[], release: string | undefined): ReleaseGroup {
  const found = groups.find((g) => g.product === 'Orbit' && g.release === release);
  assert.ok(found, `no Orbit release ${release}`);
  return found;
}

describe('coverage and releases models in the extension host', () => {
  afterEach(closeAll);

  it('groups requirements by document with counts of covered, uncovered, traced and broken', async () => {
    const model = (await api()).coverage();
    const prd = model.documents.find((d) => d.path === fixture(PRD).toString());
    assert.ok(prd);
    assert.deepEqual(prd.requirements.map((r) => [r.id, r.state]), [['REQ-ORB-1', 'code'], ['REQ-ORB-2', 'none'], ['REQ-ORB-3', 'none']]);
    assert.deepEqual({ total: prd.total, covered: prd.covered, uncovered: prd.uncovered, traced: prd.traced, broken: prd.broken },
      { total: 3, covered: 1, uncovered: 2, traced: 1, broken: 1 });
  });

  it('lists the code references of a covered requirement and the broken links of another', async () => {
    const model = (await api()).coverage();
    const covered = requirement(model, 'REQ-ORB-1');
    assert.deepEqual(covered.codeReferences.map((r) => [r.path, r.line]), [[fixture('lifecycle/src/orbit.ts').toString(), 0], [fixture('lifecycle/src/orbit.ts').toString(), 2]]);
    assert.deepEqual(covered.upstream, ['BR-ORB-1']);
    assert.deepEqual(requirement(model, 'REQ-ORB-2').brokenTraces, ['BR-ORB-9']);
  });

  it('covers a BRD requirement through the PRD requirement that code implements', async () => {
    const model = (await api()).coverage();
    const br1 = requirement(model, 'BR-ORB-1');
    assert.equal(br1.state, 'downstream');
    assert.deepEqual(br1.coveredVia, ['REQ-ORB-1']);
    assert.equal(requirement(model, 'BR-ORB-2').state, 'none');
    const brd = model.documents.find((d) => d.path === fixture(BRD).toString());
    assert.deepEqual([brd?.covered, brd?.uncovered], [1, 1]);
  });

  it('updates coverage when a code file is added, edited unsaved, and deleted', async () => {
    const specboard = await api();
    const file = fixture('lifecycle/src/export.ts');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('// Implements REQ-ORB-3.\nexport const ical = true;\n'));
    try {
      await waitFor('REQ-ORB-3 covered by the new file', () => requirement(specboard.coverage(), 'REQ-ORB-3').state === 'code');
      const doc = await vscode.workspace.openTextDocument(file);
      const editor = await vscode.window.showTextDocument(doc);
      await editor.edit((e) => e.replace(new vscode.Range(0, 0, 0, doc.lineAt(0).text.length), '// Exports the calendar.'));
      await specboard.whenReady();
      await waitFor('REQ-ORB-3 uncovered after the unsaved edit', () => requirement(specboard.coverage(), 'REQ-ORB-3').state === 'none');
      await closeAll();
      await waitFor('REQ-ORB-3 covered again once the edit is reverted', () => requirement(specboard.coverage(), 'REQ-ORB-3').state === 'code');
    } finally {
      await vscode.workspace.fs.delete(file);
    }
    await waitFor('REQ-ORB-3 uncovered once the file is gone', () => requirement(specboard.coverage(), 'REQ-ORB-3').state === 'none');
  });

  it('groups requirements by release, the requirement attribute winning over the document field', async () => {
    const groups = (await api()).releases();
    assert.deepEqual(orbitRelease(groups, '1.0').requirements.map((r) => r.id), ['REQ-ORB-1', 'REQ-ORB-3']);
    assert.deepEqual(orbitRelease(groups, '1.1').requirements.map((r) => r.id), ['REQ-ORB-2']);
    assert.equal(orbitRelease(groups, '1.0').done, 1);
    assert.deepEqual(orbitRelease(groups, undefined).requirements.map((r) => r.id), ['BR-ORB-1', 'BR-ORB-2']);
  });

  it('writes the release notes of a release as a new document listing its requirements', async () => {
    const specboard = await api();
    const group = orbitRelease(specboard.releases(), '1.0');
    const uri = await vscode.commands.executeCommand<vscode.Uri>('specboard.writeReleaseNotes', { key: group.key });
    try {
      assert.equal(uri?.toString(), fixture('lifecycle/docs/release-notes-1-0.md').toString());
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      assert.match(text, /^type: release-notes$/m);
      assert.match(text, /^release: "1\.0"$/m);
      assert.match(text, /^- \*\*Window calendar\*\* \(REQ-ORB-1\)$/m);
      assert.match(text, /^- \*\*Export to iCal\*\* \(REQ-ORB-3\) — status: proposed$/m);
      await specboard.whenReady();
      await waitFor('the notes indexed without problems', () => specboard.documents().some((d) => d.uri === uri.toString()));
      const problems = specboard.diagnostics(uri.toString()).filter((d) => d.severity !== 'info');
      assert.deepEqual(problems, []);
      const market = (await api()).lifecycle().products.find((p) => p.product === 'Orbit')?.stages.find((s) => s.stage === 'market');
      assert.ok(market?.documents.some((d) => d.path === uri.toString()), 'the notes appear in the market stage');
    } finally {
      await closeAll();
      if (uri) await vscode.workspace.fs.delete(uri);
    }
  });

  it('registers the commands its views and menus use', async () => {
    await api();
    const commands = new Set(await vscode.commands.getCommands(true));
    for (const id of ['specboard.lifecycle.focus', 'specboard.traceability.focus', 'specboard.releases.focus', 'specboard.advanceStage', 'specboard.setStatus',
      'specboard.createDeliverable', 'specboard.writeReleaseNotes', 'specboard.copyId', 'specboard.openPreview', 'specboard.revealInExplorer',
      'specboard.traceability.showUncoveredOnly', 'specboard.traceability.showAll']) {
      assert.ok(commands.has(id), `${id} is not registered`);
    }
  });
});
