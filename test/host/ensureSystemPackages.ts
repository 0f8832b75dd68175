import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { PrerequisiteError } from './prerequisiteError';
import { runCommand } from './runCommand';

/** A Debian package and what proves it is there: an absolute file path or a command name. */
export interface SystemPackage {
  readonly name: string;
  readonly provides: string;
}

function isInstalled(pkg: SystemPackage): boolean {
  if (pkg.provides.startsWith('/')) return existsSync(pkg.provides);
  return spawnSync('sh', ['-c', 'command -v "$1"', 'sh', pkg.provides], { stdio: 'ignore' }).status === 0;
}

/**
 * Installs missing Debian packages with apt-get when running as root (CI runs on a fresh machine
 * as root); otherwise stops with the exact command for the developer to run.
 */
export async function ensureSystemPackages(packages: readonly SystemPackage[]): Promise<void> {
  const missing = packages.filter((pkg) => !isInstalled(pkg)).map((pkg) => pkg.name);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new PrerequisiteError(
      `missing system packages: ${missing.join(' ')}\n` +
        `  install them with:  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}\n` +
        '  (or run this command as root and it installs them itself)',
    );
  }
  console.log(`installing system packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if ((await runCommand('apt-get', ['-q', 'update'], { env })) !== 0) {
    throw new Error('apt-get update failed');
  }
  if ((await runCommand('apt-get', ['-q', 'install', '-y', ...missing], { env, label: 'apt-get install' })) !== 0) {
    throw new Error(`apt-get install -y ${missing.join(' ')} failed`);
  }
}
