import type { IdScope } from './config';

/**
 * Feature folders whose documents number their own requirements: spec-kit's `specs/001-name/`
 * and Kiro's `.kiro/specs/name/` (some teams keep Kiro specs in `.specs/name/`).
 */
const FEATURE_FOLDER = /^(?:.*\/)?(?:specs\/\d{3,}-[^/]+|\.kiro\/specs\/[^/]+|\.specs\/[^/]+)(?=\/)/;

export interface FileScopes {
  /** Scope of strict and wide IDs defined in the file; undefined is the whole workspace. */
  readonly scope?: string;
  /** Scope of Kiro-style numbered requirements, which are never workspace-wide. */
  readonly numericScope: string;
}

/** The scopes of the IDs a document at `root/rel` defines, under the config's `scope`. */
export function scopesOf(root: string, rel: string, mode: IdScope): FileScopes {
  const path = `${root}/${rel}`;
  const folder = path.slice(0, path.lastIndexOf('/'));
  const feature = FEATURE_FOLDER.exec(rel);
  const featureFolder = feature ? `${root}/${feature[0]}` : undefined;
  switch (mode) {
    case 'workspace':
      return { numericScope: featureFolder ?? path };
    case 'folder':
      return { scope: folder, numericScope: folder };
    case 'document':
      return { scope: path, numericScope: path };
    default:
      return { scope: featureFolder, numericScope: featureFolder ?? path };
  }
}

/** True when a citation in `from` lies inside `scope` (a folder or a document path). */
export function inScope(scope: string, from: string): boolean {
  return from === scope || from.startsWith(`${scope}/`);
}

/** The folder of a path. */
export function folderOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/'));
}
