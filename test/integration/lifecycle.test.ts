import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LifecycleModel, ProductLifecycle } from '../../src/core';
import type { AdvanceStageResult, SetStatusResult } from '../../src/extension/features/lifecycleCommands';
import { IncrementalTree } from '../../src/extension/views/incrementalTree';
import { api, closeAll, fixture, waitFor } from './helpers';

/** The fixture product of these tests; other fixtures belong to other products, so counts stay local. */
const PRODUCT = 'Orbit';
const BRD = 'lifecycle/docs/brd.md';
const PRD = 'lifecycle/docs/prd.md';

function orbit(model: LifecycleModel): ProductLifecycle {
  const product = model.products.find((p) => p.product === PRODUCT);
  assert.ok(product, `product ${PRODUCT} not in the lifecycle model`);
  return product;
}

function stageOf(model: LifecycleModel, stage: string) {
  return orbit(model).stages.find((s) => s.stage === stage)!;
}

async function read(rel: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(fixture(rel)));
}

describe('lifecycle model in the extension host', () => {
  afterEach(closeAll);

  it('shows the product in six stages with its documents and missing deliverables', async () => {
    const model = (await api()).lifecycle();
    assert.deepEqual(orbit(model).stages.map((s) => s.stage), ['concept', 'productization', 'development', 'commercialization', 'market', 'retired']);
    const concept = stageOf(model, 'concept');
    assert.deepEqual(concept.documents.map((d) => d.id), ['BRD-ORBIT']);
    assert.deepEqual(concept.missing.map((m) => m.type), ['market-feedback', 'requirements-analysis', 'mrd']);
    assert.deepEqual([concept.present, concept.expected, concept.approved], [1, 4, 1]);
    const productization = stageOf(model, 'productization');
    assert.deepEqual(productization.documents.map((d) => [d.id, d.status, d.requirementCount]), [['PRD-ORBIT', 'draft', 3]]);
    assert.equal(productization.approved, 0, 'the PRD is still a draft');
    assert.equal(orbit(model).currentStage, 'productization');
  });

  it('reports the validation state of each document', async () => {
    const prd = stageOf((await api()).lifecycle(), 'productization').documents[0];
    assert.equal(prd.errors, 1, 'the broken trace BR-ORB-9');
    assert.equal(prd.path, fixture(PRD).toString());
  });

  it('creates a missing deliverable from its template, then shows it missing again once the file is deleted', async () => {
    const specboard = await api();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('specboard.createDeliverable', { productKey: PRODUCT, stage: 'concept', type: 'mrd' });
    try {
      assert.equal(uri?.toString(), fixture('lifecycle/docs/mrd.md').toString());
      const text = await read('lifecycle/docs/mrd.md');
      assert.match(text, /^type: mrd$/m);
      assert.match(text, /^id: MRD-ORBIT$/m);
      assert.match(text, /^product: Orbit$/m);
      assert.match(text, /^owner: Dana$/m, 'the owner of the product\'s other documents');
      await waitFor('the new MRD in the concept stage', () => stageOf(specboard.lifecycle(), 'concept').documents.some((d) => d.id === 'MRD-ORBIT'));
      const concept = stageOf(specboard.lifecycle(), 'concept');
      assert.ok(!concept.missing.some((m) => m.type === 'mrd'));
      assert.equal(concept.present, 2);
    } finally {
      await closeAll();
      await vscode.workspace.fs.delete(fixture('lifecycle/docs/mrd.md'));
    }
    await waitFor('the MRD missing again', () => stageOf(specboard.lifecycle(), 'concept').missing.some((m) => m.type === 'mrd'));
    assert.equal(stageOf(specboard.lifecycle(), 'concept').present, 1);
  });

  it('creates a missing deliverable from the context menu, which passes the tree node', async () => {
    const node = { kind: 'missing', id: 'p:Orbit/concept/m:requirements-analysis', key: PRODUCT, stage: 'concept', type: 'requirements-analysis' };
    const uri = await vscode.commands.executeCommand<vscode.Uri>('specboard.createDeliverable', node);
    try {
      assert.equal(uri?.toString(), fixture('lifecycle/docs/requirements-analysis.md').toString());
      const text = await read('lifecycle/docs/requirements-analysis.md');
      assert.match(text, /^type: requirements-analysis$/m);
      assert.match(text, /^stage: concept$/m);
      assert.match(text, /^id: RAR-ORBIT$/m);
    } finally {
      await closeAll();
      if (uri) await vscode.workspace.fs.delete(uri);
    }
  });

  it('follows unsaved edits of a document (approving the PRD)', async () => {
    const specboard = await api();
    const doc = await vscode.workspace.openTextDocument(fixture(PRD));
    const editor = await vscode.window.showTextDocument(doc);
    const line = doc.getText().split('\n').findIndex((l) => l === 'status: draft');
    await editor.edit((e) => e.replace(new vscode.Range(line, 8, line, 13), 'approved'));
    await specboard.whenReady();
    await waitFor('the PRD approved', () => stageOf(specboard.lifecycle(), 'productization').approved === 1);
    assert.equal(stageOf(specboard.lifecycle(), 'productization').documents[0].status, 'approved');
  });

  it('advances a stage with an undoable edit of the front matter, after warning about unfinished deliverables', async () => {
    const specboard = await api();
    const original = await read(BRD);
    const doc = await vscode.workspace.openTextDocument(fixture(BRD));
    await vscode.window.showTextDocument(doc);
    const result = await vscode.commands.executeCommand<AdvanceStageResult>('specboard.advanceStage', { uri: fixture(BRD).toString(), confirm: false });
    try {
      assert.ok(result?.applied);
      assert.equal(result.from, 'concept');
      assert.equal(result.to, 'productization');
      assert.deepEqual(result.incomplete, ['Market feedback record', 'Requirements analysis report', 'Market requirements document'],
        'the concept deliverables that are missing; the BRD itself is approved');
      assert.equal(doc.getText(), original.replace('stage: concept', 'stage: productization'), 'only the stage value changed');
      await specboard.whenReady();
      await waitFor('the BRD in productization', () => stageOf(specboard.lifecycle(), 'productization').documents.some((d) => d.id === 'BRD-ORBIT'));
      assert.ok(!stageOf(specboard.lifecycle(), 'concept').documents.some((d) => d.id === 'BRD-ORBIT'));

      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('undo');
      assert.equal(doc.getText(), original, 'undo restores the document');
      await specboard.whenReady();
      await waitFor('the BRD back in concept', () => stageOf(specboard.lifecycle(), 'concept').documents.some((d) => d.id === 'BRD-ORBIT'));
    } finally {
      // The edit may have been saved (files.refactoring.autoSave): put the original back on disk.
      await vscode.workspace.fs.writeFile(fixture(BRD), new TextEncoder().encode(original));
    }
  });

  it('leaves files alone that are not product documents or already in the requested stage', async () => {
    const before = await read(PRD);
    const same = await vscode.commands.executeCommand<AdvanceStageResult>('specboard.advanceStage', { uri: fixture(PRD).toString(), to: 'productization', confirm: false });
    assert.equal(same?.applied, false);
    assert.equal(await read(PRD), before);
    const code = await vscode.commands.executeCommand<AdvanceStageResult>('specboard.advanceStage', { uri: fixture('lifecycle/src/orbit.ts').toString(), confirm: false });
    assert.equal(code, undefined);
  });

  it('sets the status of a requirement by editing only its value, undoably', async () => {
    const specboard = await api();
    const doc = await vscode.workspace.openTextDocument(fixture(PRD));
    await vscode.window.showTextDocument(doc);
    const original = doc.getText();
    const result = await vscode.commands.executeCommand<SetStatusResult>('specboard.setStatus', { id: 'REQ-ORB-3', status: 'approved' });
    try {
      assert.deepEqual(result, { id: 'REQ-ORB-3', from: 'proposed', to: 'approved', applied: true });
      const changed = original.split('\n').map((l, i, all) => (l === '- Status: proposed' && all[i - 2] === '### REQ-ORB-3: Export to iCal' ? '- Status: approved' : l)).join('\n');
      assert.equal(doc.getText(), changed);
      await specboard.whenReady();
      assert.equal(specboard.getRequirement('REQ-ORB-3')?.status, 'approved');
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('undo');
      assert.equal(doc.getText(), original);
    } finally {
      await vscode.workspace.fs.writeFile(fixture(PRD), new TextEncoder().encode(original));
    }
  });
});

describe('incremental tree refresh', () => {
  interface Node { readonly id: string; readonly parent?: string }

  /** A two-level tree over a plain map (parent id → child labels), with the real refresh logic. */
  class MapTree extends IncrementalTree<Node> {
    constructor(readonly data: Map<string, string[]>, readonly labels: Map<string, string>) {
      super();
    }
    protected childrenOf(node: Node | undefined): Node[] {
      return (this.data.get(node?.id ?? '') ?? []).map((id) => ({ id, parent: node?.id }));
    }
    protected render(node: Node): vscode.TreeItem | undefined {
      const label = this.labels.get(node.id);
      return label === undefined ? undefined : new vscode.TreeItem(label, this.data.has(node.id) ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    }
    protected invalidate(): void {}
  }

  function setup() {
    const data = new Map([['', ['a', 'b']], ['a', ['a1', 'a2']], ['b', ['b1']]]);
    const labels = new Map([['a', 'A'], ['b', 'B'], ['a1', 'A1'], ['a2', 'A2'], ['b1', 'B1']]);
    const tree = new MapTree(data, labels);
    const fired: (Node | Node[] | undefined)[] = [];
    tree.onDidChangeTreeData((e) => fired.push(e as Node | Node[] | undefined));
    // What VS Code does when it shows the tree with both parents expanded.
    const roots = tree.getChildren();
    const shown = [...roots, ...roots.flatMap((r) => tree.getChildren(r))];
    for (const n of shown) tree.getTreeItem(n);
    return { tree, data, labels, fired, shown };
  }

  it('fires nothing when nothing visible changed', () => {
    const { tree, fired } = setup();
    tree.refresh();
    assert.deepEqual(fired, []);
  });

  it('fires only the node whose item changed, as the same object VS Code was given', () => {
    const { tree, labels, fired, shown } = setup();
    labels.set('a2', 'A2 renamed');
    tree.refresh();
    assert.equal(fired.length, 1);
    const [node] = fired[0] as Node[];
    assert.equal(node, shown.find((n) => n.id === 'a2'), 'identity is kept, so VS Code can find the element');
    assert.equal(tree.getTreeItem(node).id, 'a2', 'items carry the node id, which keeps expansion state');
  });

  it('fires the parent, not its children, when a child is added or removed', () => {
    const { tree, data, labels, fired } = setup();
    data.set('b', ['b1', 'b2']);
    labels.set('b2', 'B2');
    labels.set('b1', 'B1 changed too');
    tree.refresh();
    assert.deepEqual((fired[0] as Node[]).map((n) => n.id), ['b']);
  });

  it('rebuilds from the root when the top level changes', () => {
    const { tree, data, labels, fired } = setup();
    data.set('', ['a', 'b', 'c']);
    labels.set('c', 'C');
    tree.refresh();
    assert.deepEqual(fired, [undefined]);
  });
});
