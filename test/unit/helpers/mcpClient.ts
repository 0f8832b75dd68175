/**
 * Starts the built `specboard mcp` (dist/cli.js, as an agent would) on a temp copy of a fixture
 * workspace and connects the MCP SDK's own client to it over stdio.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { writeTree } from './tree';

export interface McpSession {
  readonly client: Client;
  readonly root: string;
  /** Errors the transport saw (a line on stdout that is not protocol would land here). */
  readonly transportErrors: Error[];
  /** What the server wrote to stderr. */
  stderr(): string;
  /** Calls a tool and returns its text, structured content and error flag. */
  call(name: string, args?: Record<string, unknown>): Promise<{ text: string; structured: Record<string, unknown>; isError: boolean }>;
  close(): Promise<void>;
}

/** A fresh temp copy of test/fixtures/workspace (the tools may write to it). */
export function fixtureCopy(): string {
  const dir = writeTree({});
  fs.cpSync(path.join(process.cwd(), 'test', 'fixtures', 'workspace'), dir, { recursive: true });
  return dir;
}

/** `cli`: the bundle to run, the repository build unless a test installed the package elsewhere. */
export async function startMcp(root: string, flags: readonly string[] = [], cli = path.join(process.cwd(), 'dist', 'cli.js')): Promise<McpSession> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [cli, 'mcp', '--root', root, ...flags],
    cwd: root,
    env: { PATH: process.env.PATH ?? '', LANG: 'en_US.UTF-8' },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (d: Buffer) => { stderr += d.toString('utf8'); });
  const transportErrors: Error[] = [];
  transport.onerror = (e) => transportErrors.push(e);
  const client = new Client({ name: 'specboard-unit', version: '1.0.0' });
  await client.connect(transport);
  // connect() replaced onerror with its own; keep ours too.
  const clientOnError = transport.onerror;
  transport.onerror = (e) => {
    transportErrors.push(e);
    clientOnError?.(e);
  };
  return {
    client, root, transportErrors,
    stderr: () => stderr,
    async call(name, args = {}) {
      const result = await client.callTool({ name, arguments: args });
      const content = result.content as { type: string; text: string }[];
      return { text: content.map((c) => c.text).join('\n'), structured: (result.structuredContent ?? {}) as Record<string, unknown>, isError: result.isError === true };
    },
    close: () => client.close(),
  };
}
