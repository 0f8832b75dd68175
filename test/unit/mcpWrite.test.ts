import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixtureCopy, startMcp, type McpSession } from './helpers/mcpClient';
import { removeTrees } from './helpers/tree';

const PRD = 'editor/links.prd.md';

describe('specboard mcp: set_requirement_attribute', function () {
  this.timeout(60_000);
  const sessions: McpSession[] = [];
  const start = async (flags: string[] = []) => {
    const root = fixtureCopy();
    const mcp = await startMcp(root, flags);
    sessions.push(mcp);
    return { mcp, root, read: () => fs.readFileSync(path.join(root, PRD), 'utf8') };
  };
  after(async () => {
    for (const s of sessions) await s.close();
    removeTrees();
  });

  it('is refused with the reason without --allow-write, and the file is left as it was', async () => {
    const { mcp, read } = await start();
    const before = read();
    const result = await mcp.call('set_requirement_attribute', { id: 'REQ-LNK-001', key: 'status', value: 'in-progress' });
    assert.equal(result.isError, true);
    assert.equal(result.structured.reason, 'readOnly');
    assert.match(result.text, /--allow-write/);
    assert.equal(read(), before);
  });

  it('with --allow-write is listed and changes exactly the value, in a list and in a table row', async () => {
    const { mcp, read } = await start(['--allow-write']);
    assert.ok((await mcp.client.listTools()).tools.some((t) => t.name === 'set_requirement_attribute' && t.annotations?.readOnlyHint === false));
    const before = read();
    const result = await mcp.call('set_requirement_attribute', { id: 'REQ-LNK-001', key: 'status', value: 'in-progress', expected: 'approved' });
    assert.equal(result.isError, false, result.text);
    assert.deepEqual(result.structured, { applied: true, id: 'REQ-LNK-001', key: 'status', from: 'approved', to: 'in-progress', file: PRD, line: 23 });
    assert.equal(read(), before.replace('- Status: approved', '- Status: in-progress'));
    const row = await mcp.call('set_requirement_attribute', { id: 'REQ-LNK-002', key: 'priority', value: 'P1' });
    assert.equal(row.isError, false, row.text);
    assert.equal(read(), before.replace('- Status: approved', '- Status: in-progress').replace('| REQ-LNK-002 | 分享链接 | P2 |', '| REQ-LNK-002 | 分享链接 | P1 |'));
    // The index took the new text: a read right after sees it.
    assert.equal(((await mcp.call('get_requirement', { id: 'REQ-LNK-001' })).structured.attributes as Record<string, string>).status, 'in-progress');
  });

  it('refuses what the board refuses: a stale expectation, a transition rule, an unknown status; and changes nothing', async () => {
    const { mcp, read } = await start(['--allow-write']);
    const before = read();
    const stale = await mcp.call('set_requirement_attribute', { id: 'REQ-LNK-001', key: 'status', value: 'done', expected: 'proposed' });
    assert.equal(stale.structured.reason, 'stale');
    // .specboard/config.json: done only from in-progress.
    const rule = await mcp.call('set_requirement_attribute', { id: 'REQ-LNK-002', key: 'status', value: 'done' });
    assert.equal(rule.isError, true);
    assert.match(rule.text, /REQ-LNK-002 cannot move from proposed to done: a requirement can only become done from in-progress/);
    const unknown = await mcp.call('set_requirement_attribute', { id: 'REQ-LNK-002', key: 'status', value: 'banana' });
    assert.match(unknown.text, /not one of the configured statuses/);
    const badKey = await mcp.call('set_requirement_attribute', { id: 'REQ-LNK-002', key: 'title', value: 'x' });
    assert.equal(badKey.isError, true);
    assert.equal(read(), before);
  });

  it('refuses when the file changed on disk after the index read it, rather than editing a guess', async () => {
    const { mcp, root, read } = await start(['--allow-write']);
    // Another line inserted above the requirement: its line moved, so the index's view is stale
    // until the watcher catches up. Either way the tool must not write at the old position.
    const moved = read().replace('## Features\n', '## Features\n\nInserted by a teammate.\n');
    fs.writeFileSync(path.join(root, PRD), moved);
    const result = await mcp.call('set_requirement_attribute', { id: 'REQ-LNK-001', key: 'status', value: 'in-progress' });
    if (result.isError) {
      assert.equal(result.structured.reason, 'stale');
      assert.equal(read(), moved);
    } else {
      assert.equal(read(), moved.replace('- Status: approved', '- Status: in-progress'));
    }
  });

  it('answers in Chinese with --lang zh-cn', async () => {
    const root = fixtureCopy();
    const mcp = await startMcp(root, ['--lang', 'zh-cn']);
    sessions.push(mcp);
    assert.match((await mcp.call('set_requirement_attribute', { id: 'REQ-LNK-001', key: 'status', value: 'done' })).text, /未开启写入/);
    assert.match((await mcp.call('get_requirement', { id: 'NOPE-1' })).text, /NOPE-1 未在任何文档中定义/);
    assert.match((await mcp.client.listTools()).tools[0].description ?? '', /查找需求/);
    assert.match(mcp.stderr(), /specboard mcp：正在通过 stdio 提供/);
  });
});
