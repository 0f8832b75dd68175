import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixtureCopy, startMcp, type McpSession } from './helpers/mcpClient';
import { removeTrees, runCliIn } from './helpers/tree';

type Row = Record<string, unknown>;

describe('specboard mcp: the read tools through the MCP SDK client', function () {
  this.timeout(60_000);
  let mcp: McpSession;
  let root: string;

  before(async () => {
    root = fixtureCopy();
    mcp = await startMcp(root);
  });
  after(async () => {
    await mcp?.close();
    removeTrees();
  });

  it('lists the five read tools with JSON-schema inputs, and no write tool without --allow-write', async () => {
    const { tools } = await mcp.client.listTools();
    assert.deepEqual(tools.map((t) => t.name), ['find_requirements', 'get_requirement', 'check', 'trace', 'next_free_id']);
    for (const t of tools) {
      assert.equal(t.inputSchema.type, 'object');
      assert.ok(t.description && t.description.length > 20, t.name);
      assert.equal(t.annotations?.readOnlyHint, true);
    }
  });

  it('find_requirements matches Chinese titles, pinyin, status, ID prefix and document, and pages', async () => {
    const ids = async (args: Row) => ((await mcp.call('find_requirements', args)).structured.requirements as Row[]).map((r) => r.id);
    assert.deepEqual(await ids({ query: '分享' }), ['REQ-LNK-002']);
    assert.deepEqual(await ids({ query: 'fenxiang' }), ['REQ-LNK-002']);
    assert.deepEqual(await ids({ query: 'fallback app', document: 'PRD-LINKS' }), ['REQ-LNK-001'], 'body text, every word');
    assert.deepEqual(await ids({ idPrefix: 'req-lnk', status: 'proposed' }), ['REQ-LNK-002']);
    assert.deepEqual(await ids({ document: 'editor/links.prd.md' }), ['REQ-LNK-001', 'REQ-LNK-002']);
    const first = await mcp.call('find_requirements', { idPrefix: 'REQ-LNK', limit: 1 });
    assert.equal(first.structured.total, 2);
    assert.equal(first.structured.nextOffset, 1);
    assert.match(first.text, /offset 1/);
    const second = await mcp.call('find_requirements', { idPrefix: 'REQ-LNK', limit: 1, offset: 1 });
    assert.deepEqual((second.structured.requirements as Row[]).map((r) => [r.id, r.file, r.line, r.document, r.priority]), [['REQ-LNK-002', 'editor/links.prd.md', 33, 'PRD-LINKS', 'P2']]);
    assert.equal(second.structured.nextOffset, undefined);
  });

  it('find_requirements with uncovered lists only requirements no code covers', async () => {
    const all = (await mcp.call('find_requirements', { limit: 200 })).structured.requirements as Row[];
    const uncovered = (await mcp.call('find_requirements', { uncovered: true, limit: 200 })).structured.requirements as Row[];
    assert.ok(uncovered.length > 0 && uncovered.length < all.length);
    assert.ok(uncovered.every((r) => r.coverage === 'none'));
    assert.ok(!uncovered.some((r) => r.id === 'REQ-LNK-001'));
  });

  it('get_requirement gives the text section, attributes, document, traces and every reference with its line', async () => {
    const { structured: r, text, isError } = await mcp.call('get_requirement', { id: 'REQ-LNK-001' });
    assert.equal(isError, false);
    assert.equal(r.title, 'Deep links');
    assert.deepEqual(r.document, { id: 'PRD-LINKS', type: 'prd', title: 'Links', file: 'editor/links.prd.md' });
    assert.equal((r.attributes as Row).status, 'approved');
    assert.deepEqual(r.upstream, ['BR-LNK-1']);
    assert.match(String(r.section), /^### REQ-LNK-001: Deep links\n[\s\S]*The web page is the fallback when the app is missing\.$/);
    assert.ok(!String(r.section).includes('REQ-LNK-002'), 'the section stops before the next requirement\'s table');
    assert.deepEqual(r.references, [{ file: 'editor/deeplink.ts', line: 1, kind: 'code', text: '// Handles REQ-LNK-001: open the product screen from a shared link.' }]);
    assert.equal(r.coverage, 'code');
    assert.match(text, /^# REQ-LNK-001 Deep links/);
    const br = (await mcp.call('get_requirement', { id: 'BR-LNK-1' })).structured;
    assert.deepEqual(br.downstream, ['REQ-LNK-001']);
  });

  it('check reports the same diagnostics and codes as `specboard check --format json`', async () => {
    const cli = JSON.parse((await runCliIn(root, ['check', '--format', 'json'])).stdout) as { diagnostics: Row[]; summary: Row };
    const tool = await mcp.call('check');
    const key = (d: Row) => `${String(d.file)}:${String(d.line)}:${String(d.column)} ${String(d.code)}`;
    assert.deepEqual((tool.structured.diagnostics as Row[]).map(key).sort(), cli.diagnostics.map(key).sort());
    assert.equal((tool.structured.summary as Row).errors, cli.summary.errors);
    const one = await mcp.call('check', { paths: ['editor/links.prd.md'] });
    assert.equal(one.isError, false);
    assert.ok((one.structured.diagnostics as Row[]).every((d) => d.file === 'editor/links.prd.md' || String(d.file).startsWith('.specboard/')));
  });

  it('trace tells which requirements of a document code covers and which it does not', async () => {
    const { structured: t, text } = await mcp.call('trace', { document: 'PRD-LINKS' });
    const reqs = t.requirements as Row[];
    assert.deepEqual(reqs.map((r) => [r.id, r.state]), [['REQ-LNK-001', 'code'], ['REQ-LNK-002', 'code']]);
    assert.deepEqual(reqs[1].code, [{ file: 'editor/deeplink.ts', line: 3 }, { file: 'editor/share.py', line: 1 }]);
    assert.equal(t.covered, 2);
    assert.match(text, /2 of 2 requirements in PRD-LINKS are covered by code/);
    const brd = (await mcp.call('trace', { document: 'BRD-LINKS' })).structured;
    assert.deepEqual((brd.requirements as Row[]).map((r) => [r.id, r.state, r.coveredVia]), [['BR-LNK-1', 'downstream', ['REQ-LNK-001']]]);
    const all = (await mcp.call('trace')).structured;
    assert.equal(Number(all.covered) + Number(all.uncovered), all.total);
  });

  it('next_free_id gives the next ID of a stem, with or without the trailing dash', async () => {
    assert.equal((await mcp.call('next_free_id', { stem: 'REQ-LNK-' })).structured.id, 'REQ-LNK-003');
    assert.equal((await mcp.call('next_free_id', { stem: 'REQ-LNK' })).structured.id, 'REQ-LNK-003');
  });

  it('bad input gets a tool error with a clear message, and the server keeps serving', async () => {
    const unknown = await mcp.call('drop_tables', {});
    assert.equal(unknown.isError, true);
    assert.match(unknown.text, /Unknown tool 'drop_tables'/);
    const types = await mcp.call('find_requirements', { limit: 'ten', colour: 'red' });
    assert.equal(types.isError, true);
    assert.match(types.text, /limit must be integer/);
    assert.match(types.text, /'colour' is not a parameter/);
    assert.equal((await mcp.call('get_requirement', {})).isError, true);
    const outside = await mcp.call('check', { paths: ['../../etc'] });
    assert.equal(outside.isError, true);
    assert.match(outside.text, /outside the workspace/);
    assert.equal((await mcp.call('get_requirement', { id: 'REQ-LNK-001', file: '/etc/passwd' })).isError, true);
    const missing = await mcp.call('get_requirement', { id: 'REQ-LNK-009' });
    assert.equal(missing.isError, true);
    assert.match(missing.text, /REQ-LNK-009 is not defined in any document\. Did you mean REQ-LNK-00/);
    assert.equal((await mcp.call('next_free_id', { stem: 'a b' })).isError, true);
    assert.equal((await mcp.call('get_requirement', { id: 'REQ-LNK-001' })).isError, false);
    assert.deepEqual(mcp.transportErrors, [], 'stdout carried nothing but protocol');
  });

  it('lists documents as specboard://doc/ resources and reads documents and requirements', async () => {
    const { resources } = await mcp.client.listResources();
    assert.ok(resources.some((r) => r.uri === 'specboard://doc/PRD-LINKS' && r.mimeType === 'text/markdown'));
    const doc = await mcp.client.readResource({ uri: 'specboard://doc/PRD-LINKS' });
    assert.equal((doc.contents[0] as { text: string }).text, fs.readFileSync(path.join(root, 'editor/links.prd.md'), 'utf8'));
    const req = await mcp.client.readResource({ uri: 'specboard://req/REQ-LNK-002' });
    assert.match((req.contents[0] as { text: string }).text, /^# REQ-LNK-002 分享链接/);
    const { resourceTemplates } = await mcp.client.listResourceTemplates();
    assert.deepEqual(resourceTemplates.map((t) => t.uriTemplate), ['specboard://req/{id}']);
    await assert.rejects(mcp.client.readResource({ uri: 'specboard://req/NOPE-1' }), /NOPE-1 is not defined/);
  });

  it('follows files changed on disk: a later call sees a new requirement and a deleted one', async () => {
    fs.writeFileSync(path.join(root, 'editor', 'more.md'), '# More\n\n## Requirements\n\n### REQ-LNK-003: Copy link\n- Priority: P2\n');
    const seen = await poll(async () => !(await mcp.call('get_requirement', { id: 'REQ-LNK-003' })).isError);
    assert.ok(seen, 'REQ-LNK-003 indexed after the file was written');
    assert.equal((await mcp.call('next_free_id', { stem: 'REQ-LNK' })).structured.id, 'REQ-LNK-004');
    fs.rmSync(path.join(root, 'editor', 'more.md'));
    assert.ok(await poll(async () => (await mcp.call('get_requirement', { id: 'REQ-LNK-003' })).isError), 'gone after the file was deleted');
  });
});

/** Asks until `check` holds (fs.watch events arrive a few milliseconds after the write). */
async function poll(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<boolean> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}
