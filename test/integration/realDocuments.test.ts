import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, codeOf, fixture, positionOf, specDiagnostics, waitFor } from './helpers';

const hoverText = (hovers: vscode.Hover[]) => hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
const rel = (u: vscode.Uri) => u.path.slice(u.path.indexOf('/workspace/') + '/workspace/'.length);

/**
 * spec-kit features and a Kiro spec as teams keep them (test/fixtures/workspace/specs and
 * .kiro/specs), driven through VS Code's own provider commands.
 */
describe('spec-kit and Kiro documents in the editor', () => {
  before(api);
  afterEach(closeAll);

  it('goes from a task\'s [US1] to the story of its own feature, not the other feature\'s', async () => {
    const tasks = await vscode.workspace.openTextDocument(fixture('specs/002-share/tasks.md'));
    const defs = await vscode.commands.executeCommand<vscode.LocationLink[]>('vscode.executeDefinitionProvider', tasks.uri, positionOf(tasks, 'US1', 1));
    assert.deepEqual(defs.map((d) => rel(d.targetUri)), ['specs/002-share/spec.md']);
    const spec = await vscode.workspace.openTextDocument(defs[0].targetUri);
    assert.equal(defs[0].targetSelectionRange?.start.line, positionOf(spec, '### User Story 1').line);
  });

  it('hovers FR-001 in a feature\'s tasks with that feature\'s requirement', async () => {
    const tasks = await vscode.workspace.openTextDocument(fixture('specs/001-upload/tasks.md'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', tasks.uri, positionOf(tasks, 'FR-001', 2));
    const text = hoverText(hovers);
    assert.match(text, /upload every image file/);
    assert.doesNotMatch(text, /view\\-only link/);
  });

  it('finds the references of one feature\'s FR-001 without the other feature\'s', async () => {
    const spec = await vscode.workspace.openTextDocument(fixture('specs/001-upload/spec.md'));
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', spec.uri, positionOf(spec, 'FR-001', 1));
    assert.deepEqual(refs.map((r) => rel(r.uri)).sort(), ['specs/001-upload/spec.md', 'specs/001-upload/tasks.md']);
  });

  it('reports no duplicate for the same FR-001 in two features', async () => {
    for (const file of ['specs/001-upload/spec.md', 'specs/002-share/spec.md']) {
      const doc = await vscode.workspace.openTextDocument(fixture(file));
      await waitFor(`${file} indexed`, async () => (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri))?.length);
      assert.deepEqual(specDiagnostics(doc.uri).map(codeOf), [], file);
    }
  });

  it('goes from _Requirements: 1.2_ in Kiro tasks to the second acceptance criterion of requirement 1', async () => {
    const tasks = await vscode.workspace.openTextDocument(fixture('.kiro/specs/sync/tasks.md'));
    const defs = await vscode.commands.executeCommand<vscode.LocationLink[]>('vscode.executeDefinitionProvider', tasks.uri, positionOf(tasks, '1.2', 1));
    assert.equal(defs.length, 1);
    const req = await vscode.workspace.openTextDocument(defs[0].targetUri);
    assert.equal(defs[0].targetSelectionRange?.start.line, positionOf(req, '2. IF the phone is offline').line);
  });

  it('lists list-item requirements and Kiro criteria in the outline', async () => {
    const spec = await vscode.workspace.openTextDocument(fixture('specs/001-upload/spec.md'));
    const names = (symbols: vscode.DocumentSymbol[]): string[] => symbols.flatMap((s) => [s.name, ...names(s.children)]);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', spec.uri);
    assert.ok(['US1', 'FR-001', 'FR-002'].every((id) => names(symbols).includes(id)), names(symbols).join(', '));
    const kiro = await vscode.workspace.openTextDocument(fixture('.kiro/specs/sync/requirements.md'));
    const kiroSymbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', kiro.uri);
    assert.ok(['1', '1.1', '1.2'].every((id) => names(kiroSymbols).includes(id)), names(kiroSymbols).join(', '));
  });
});
