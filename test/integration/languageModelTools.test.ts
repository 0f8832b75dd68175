import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ToolResult } from '../../src/core/agentTools';
import { api, fixture, waitFor } from './helpers';

/** The parts of vscode.lm this test uses (@types/vscode is pinned to the engine, 1.90, which predates them). */
interface LmForTests {
  readonly tools: readonly { name: string; inputSchema?: object }[];
  invokeTool(name: string, options: { input: object; toolInvocationToken: undefined }, token?: vscode.CancellationToken): Promise<{ content: unknown[] }>;
}

const lm = (vscode as unknown as { lm: Partial<LmForTests> }).lm;

async function invoke(name: string, input: object): Promise<string> {
  const result = await lm.invokeTool!(name, { input, toolInvocationToken: undefined });
  return result.content.map((p) => (p as { value?: unknown }).value).filter((v): v is string => typeof v === 'string').join('\n');
}

const AGENT_DOC = 'agent-tools/agent.prd.md';
const AGENT_TEXT = '---\ntype: prd\nid: PRD-AGENT\ntitle: Agent\n---\n# Agent\n\n## Requirements\n\n### REQ-AGT-001: Answer agents\n- Priority: P1\n- Status: proposed\n';

/*
 * What this covers: the five read tools through vscode.lm.invokeTool, as chat calls them, on the
 * live index (unsaved editor text included); a refusal surfacing as a rejected invocation. What it
 * does not: the write tool through invokeTool. Outside a chat session VS Code asks for its
 * confirmation in a modal dialog, which a test cannot answer, so the edit is checked through
 * `_specboard.agentTool`, which runs the same tool function with the same WorkspaceEdit writer.
 */
describe('chat tools (vscode.lm)', function () {
  this.timeout(60_000);
  before(async () => {
    await api();
    await vscode.workspace.fs.writeFile(fixture(AGENT_DOC), new TextEncoder().encode(AGENT_TEXT));
    await waitFor('REQ-AGT-001 indexed', async () => (await api()).getRequirement('REQ-AGT-001'));
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(fixture('agent-tools'), { recursive: true }).then(undefined, () => undefined);
  });

  it('registers the six tools with VS Code, with their input schemas', function () {
    if (!lm.invokeTool || !lm.tools) this.skip(); // A VS Code without the tool API (before 1.95).
    const names = lm.tools.map((t) => t.name);
    for (const name of ['find_requirements', 'get_requirement', 'check', 'trace', 'next_free_id', 'set_requirement_attribute']) assert.ok(names.includes(name), name);
    assert.equal((lm.tools.find((t) => t.name === 'check')?.inputSchema as { type?: string }).type, 'object');
  });

  it('answers the read tools through vscode.lm.invokeTool', async function () {
    if (!lm.invokeTool) this.skip();
    assert.match(await invoke('find_requirements', { query: '分享' }), /REQ-LNK-002 分享链接/);
    const req = await invoke('get_requirement', { id: 'REQ-LNK-001' });
    assert.match(req, /^# REQ-LNK-001 Deep links/);
    assert.match(req, /editor\/deeplink\.ts:1 \(code\) \/\/ Handles REQ-LNK-001/);
    assert.match(await invoke('check', { paths: ['editor/links.prd.md'] }), /editor\/links\.prd\.md/);
    assert.match(await invoke('trace', { document: 'PRD-LINKS' }), /2 of 2 requirements in PRD-LINKS are covered by code/);
    assert.match(await invoke('next_free_id', { stem: 'REQ-LNK' }), /REQ-LNK-003/);
  });

  it('reads unsaved editor text: a requirement typed but not saved is found', async function () {
    if (!lm.invokeTool) this.skip();
    const doc = await vscode.workspace.openTextDocument(fixture(AGENT_DOC));
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((b) => b.insert(new vscode.Position(doc.lineCount, 0), '\n### REQ-AGT-002: Typed, not saved\n- Priority: P2\n'));
    assert.ok(doc.isDirty);
    assert.match(await invoke('get_requirement', { id: 'REQ-AGT-002' }), /Typed, not saved/);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('rejects bad input and unknown IDs with the reason, as VS Code expects of a tool', async function () {
    if (!lm.invokeTool) this.skip();
    await assert.rejects(invoke('get_requirement', { id: 'REQ-LNK-009' }), /REQ-LNK-009 is not defined in any document/);
    await assert.rejects(invoke('check', { paths: ['../../..'] }), /outside the workspace/);
  });

  it('set_requirement_attribute changes exactly the value through a WorkspaceEdit, and refuses a stale one', async () => {
    const result = await vscode.commands.executeCommand<ToolResult>('_specboard.agentTool', 'set_requirement_attribute', { id: 'REQ-AGT-001', key: 'status', value: 'approved', expected: 'proposed' });
    assert.equal(result.isError, undefined, result.text);
    assert.equal(result.structured.applied, true);
    const doc = await vscode.workspace.openTextDocument(fixture(AGENT_DOC));
    assert.equal(doc.getText(), AGENT_TEXT.replace('- Status: proposed', '- Status: approved'));
    assert.equal(doc.isDirty, false, 'a file without unsaved changes is saved, as a board move saves it');
    const stale = await vscode.commands.executeCommand<ToolResult>('_specboard.agentTool', 'set_requirement_attribute', { id: 'REQ-AGT-001', key: 'status', value: 'done', expected: 'proposed' });
    assert.equal(stale.isError, true);
    assert.equal(stale.structured.reason, 'stale');
  });
});
