import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { applyEdits, type Locale, type Specboard } from '../core';
import type { ToolContext } from '../core/agentTools';
import { readRegularFile, toPosix } from './nodeWorkspace';

/**
 * The agent tools' context over one folder on disk (the MCP server's). Paths are taken relative to
 * the root (or absolute) and refused outside it; `write` exists only when writing was allowed, and
 * writes only if the file still holds the text the edit was computed on.
 */
export function diskToolContext(board: Specboard, root: string, locale: Locale, allowWrite: boolean): ToolContext {
  const readText = async (p: string) => {
    try {
      return readRegularFile(p).toString('utf8');
    } catch {
      return undefined;
    }
  };
  return {
    specs: board,
    locale,
    rootsLabel: root,
    resolvePath(input) {
      const abs = toPosix(path.resolve(root, input));
      return abs === root || abs.startsWith(`${root}/`) ? abs : undefined;
    },
    displayPath: (p) => (p.startsWith(`${root}/`) ? p.slice(root.length + 1) : p),
    readText,
    write: allowWrite ? async (p, before, edit) => {
      if ((await readText(p)) !== before) return 'stale';
      try {
        writeFileSync(p, applyEdits(before, [edit]));
      } catch {
        return 'failed';
      }
      // The index takes the new text now rather than when the watcher's event arrives.
      await board.refreshFromDisk(p);
      return 'ok';
    } : undefined,
  };
}
