import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CleanupStack } from './cleanupStack';
import { runCommand } from './runCommand';
import type { ToolPaths } from './toolPaths';

/**
 * The same flags as `npm run package`. The project has no public repository URL yet, so vsce may
 * neither ask for one nor rewrite README's relative links against it (it refuses to package
 * otherwise); once package.json has a "repository", both flags can go.
 */
const VSCE_FLAGS = ['--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links'];

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
  const vsce = join(dirname(require.resolve('@vscode/vsce/package.json', { paths: [paths.root] })), 'vsce');
  const args = [vsce, 'package', ...VSCE_FLAGS, '--out', vsix];
  const code = await runCommand(process.execPath, args, { cwd: paths.root, logFile: join(folder, 'vsce.log') });
  if (code !== 0) throw new Error(`vsce package failed (exit ${code})`);
  return vsix;
}
