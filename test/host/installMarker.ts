import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A small file written into an install folder once the install is complete and verified. Its
 * content names what was installed, so a version bump (or an interrupted install, which never
 * writes it) makes the next run install again instead of trusting a half-built folder.
 */
const MARKER = '.specboard-installed';

export function readMarker(folder: string): string | undefined {
  const file = join(folder, MARKER);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}

export function writeMarker(folder: string, content: string): void {
  writeFileSync(join(folder, MARKER), content + '\n');
}
