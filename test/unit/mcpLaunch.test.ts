import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { hostExecPath, mcpLaunch } from '../../src/extension/mcpLaunch';
import { fixtureCopy } from './helpers/mcpClient';
import { removeTrees } from './helpers/tree';

describe('the MCP server the extension registers', function () {
  this.timeout(60_000);
  after(removeTrees);

  it('runs under the host runtime, so it starts with no node on PATH', async () => {
    const root = fixtureCopy();
    const launch = mcpLaunch(hostExecPath(), path.join(process.cwd(), 'dist', 'cli.js'), root);
    assert.equal(launch.command, process.execPath);
    // What VS Code does with a stdio definition: the command, its args, the definition's env.
    const transport = new StdioClientTransport({ command: launch.command, args: [...launch.args], env: { ...launch.env, PATH: '/nonexistent' }, stderr: 'pipe' });
    const client = new Client({ name: 'specboard-unit', version: '1.0.0' });
    await client.connect(transport);
    try {
      const { tools } = await client.listTools();
      assert.ok(tools.some((t) => t.name === 'find_requirements'));
      assert.ok(!tools.some((t) => t.name === 'set_requirement_attribute'), 'read-only: writes from chat go through the confirmed chat tool');
    } finally {
      await client.close();
    }
  });

  it('falls back to node where the host has no process (the web worker)', () => {
    assert.equal(mcpLaunch(undefined, '/x/cli.js', '/w').command, 'node');
  });
});
