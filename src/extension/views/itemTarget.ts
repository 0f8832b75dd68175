import type { Services } from '../services';
import type { TreeNode } from './incrementalTree';

/** The file (and ID, if any) a tree item stands for: what Copy ID, Open Preview and Reveal act on. */
export interface ItemTarget {
  readonly path: string;
  readonly line: number;
  readonly id?: string;
}

/**
 * Reads the target from any of the trees' nodes by their shared field names, so one set of context
 * menu commands serves all three trees.
 */
export function itemTarget(services: Services, node: TreeNode): ItemTarget | undefined {
  const n = node as TreeNode & { kind?: string; path?: string; reqId?: string; refPath?: string; line?: number; target?: string };
  const core = services.specs.core;
  switch (n.kind) {
    case 'document': {
      if (!n.path) return undefined;
      const id = core.file(n.path)?.frontMatter?.data?.id;
      return { path: n.path, line: 0, id: typeof id === 'string' ? id : undefined };
    }
    case 'requirement': {
      const def = n.reqId ? core.definition(n.reqId) : undefined;
      return def ? { path: def.path, line: def.line, id: def.id } : undefined;
    }
    case 'link': {
      const def = n.target ? core.definition(n.target) : undefined;
      return def ? { path: def.path, line: def.line, id: def.id } : n.path && n.target ? { path: n.path, line: 0, id: n.target } : undefined;
    }
    case 'reference': {
      const path = n.refPath ?? n.path;
      return path ? { path, line: n.line ?? 0, id: n.reqId } : undefined;
    }
    default:
      return undefined;
  }
}
