import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, fixture, positionOf } from './helpers';

const hoverText = (hovers: vscode.Hover[]) => hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
const fileOf = (u: vscode.Uri) => u.path.slice(u.path.lastIndexOf('/') + 1);

describe('hover, definition and references', () => {
  before(api);
  afterEach(closeAll);

  it('hovers an ID in TypeScript with title, status, document, text, traces and reference count', async () => {
    const doc = await vscode.workspace.openTextDocument(fixture('editor/deeplink.ts'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'REQ-LNK-001', 3));
    const text = hoverText(hovers);
    assert.match(text, /REQ\\-LNK\\-001/);
    assert.match(text, /Deep links/);
    assert.match(text, /Status: approved/);
    assert.match(text, /Priority: P1/);
    assert.match(text, /PRD\\-LINKS/);
    assert.match(text, /Links open the right screen/);
    assert.match(text, /Traces to: `BR-LNK-1`/);
    assert.match(text, /References: 1 \(1 in code, 0 in docs\)/);
    assert.match(text, /command:specboard\.showReferences/);
  });

  it('hovers an upstream requirement with its downstream links', async () => {
    const doc = await vscode.workspace.openTextDocument(fixture('editor/links.brd.md'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'BR-LNK-1', 2));
    assert.match(hoverText(hovers), /Traced by: `REQ-LNK-001` Deep links/);
  });

  it('goes to the heading definition from Python code and to a table row from TypeScript', async () => {
    const py = await vscode.workspace.openTextDocument(fixture('editor/share.py'));
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', py.uri, positionOf(py, 'REQ-LNK-002', 1));
    assert.equal(defs.length, 1);
    const link = defs[0] as vscode.LocationLink;
    assert.equal(fileOf(link.targetUri), 'links.prd.md');
    const prd = await vscode.workspace.openTextDocument(link.targetUri);
    assert.equal(link.targetSelectionRange?.start.line, positionOf(prd, '| REQ-LNK-002').line, 'lands on the table row');
    const ts = await vscode.workspace.openTextDocument(fixture('editor/deeplink.ts'));
    const defs2 = await vscode.commands.executeCommand<vscode.LocationLink[]>('vscode.executeDefinitionProvider', ts.uri, positionOf(ts, 'REQ-LNK-001', 2));
    assert.equal(defs2[0].targetSelectionRange?.start.line, positionOf(prd, '### REQ-LNK-001').line, 'lands on the heading');
  });

  it('finds every reference in docs and code, from the definition', async () => {
    const prd = await vscode.workspace.openTextDocument(fixture('editor/links.prd.md'));
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', prd.uri, positionOf(prd, '| REQ-LNK-002', 4));
    const files = refs.map((r) => fileOf(r.uri)).sort();
    assert.deepEqual(files, ['deeplink.ts', 'links.prd.md', 'share.py'], 'code references plus the declaration');
  });

  it('lists the trace reference of an upstream requirement among its references', async () => {
    const brd = await vscode.workspace.openTextDocument(fixture('editor/links.brd.md'));
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', brd.uri, positionOf(brd, 'BR-LNK-1', 1));
    assert.ok(refs.some((r) => fileOf(r.uri) === 'links.prd.md'));
  });

  it('makes IDs in code clickable links to their definition line', async () => {
    const ts = await vscode.workspace.openTextDocument(fixture('editor/deeplink.ts'));
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', ts.uri);
    const targets = links.map((l) => l.target?.toString() ?? '');
    assert.ok(targets.some((t) => t.includes('links.prd.md') && t.includes('L23')), targets.join(', '));
  });
});
