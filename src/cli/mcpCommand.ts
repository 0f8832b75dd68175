import { statSync } from 'node:fs';
import * as path from 'node:path';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createSpecboard, type Locale } from '../core';
import type { CliArgs } from './args';
import type { CliIo } from './cliIo';
import { cliLogger } from './cliLogger';
import { cliMessage } from './cliMessages';
import { diskToolContext } from './diskToolContext';
import { ChangeFollower } from './followChanges';
import { createMcpServer, serveUntilClosed } from './mcpServer';
import { NodeWorkspace, toPosix } from './nodeWorkspace';
import { MissingPathError } from './openWorkspace';
import { VERSION } from '../shared/version';

/**
 * `specboard mcp [--root DIR] [--allow-write]`: indexes the folder once, follows its changes, and
 * answers MCP requests on stdin/stdout until the client closes the session. Standard output
 * carries the protocol alone; the one note and the --verbose log go to standard error.
 */
export async function runMcp(args: CliArgs, io: CliIo, locale: Locale): Promise<number> {
  const root = toPosix(path.resolve(io.cwd, args.options.root ?? '.'));
  if (!isFolder(root)) throw new MissingPathError(args.options.root ?? '.');
  const allowWrite = args.flags.has('--allow-write');
  const logger = cliLogger(args, io);
  const board = createSpecboard({ workspace: new NodeWorkspace([root]), locale, logger });
  const stats = await board.indexAll();
  const follower = new ChangeFollower(board, root, logger);
  follower.start();
  const context = diskToolContext(board, root, locale, allowWrite);
  const server = createMcpServer(context, { version: VERSION, allowWrite, settle: () => follower.settle(), logger });
  io.error(`${cliMessage(locale, allowWrite ? 'mcpReadyWrite' : 'mcpReady', { root, requirements: stats.requirements, documents: stats.documents })}\n`);
  // The SDK's stdio transport does not notice the end of its input; a client that closes stdin is gone.
  process.stdin.once('end', () => void server.close());
  try {
    await serveUntilClosed(server, new StdioServerTransport());
  } finally {
    follower.close();
  }
  return 0;
}

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
