import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CleanupStack } from './cleanupStack';
import { runCommand } from './runCommand';
import type { ToolPaths } from './toolPaths';

/**
 * Packages the built extension (dist/ must be current) into a .vsix with vsce, exactly as
 * `npm run package` does, so `npm start` and the screenshots run what users install and a file
 * missing from .vscodeignore shows up here rather than in the marketplace. Each run packages into
 * its own temp folder, so two runs at once never install each other's half-written file.
 */
export async function packageExtension(paths: ToolPaths, cleanup: CleanupStack): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'specboard-vsix-'));
  cleanup.add(() => rmSync(folder, { recursive: true, force: true }));
  const vsix = join(folder, 'specboard.vsix');
  // scripts/vsce.mjs holds the flags `npm run package` uses, and fails on any vsce warning.
  const args = [join(paths.root, 'scripts', 'vsce.mjs'), 'package', '--out', vsix];
  const code = await runCommand(process.execPath, args, { cwd: paths.root, logFile: join(folder, 'vsce.log') });
  if (code !== 0) throw new Error(`vsce package failed (exit ${code})`);
  return vsix;
}
