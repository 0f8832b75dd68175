import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runTests, TestRunFailedError } from '@vscode/test-electron';
import { findRepoRoot } from '../host/toolPaths';
import { userPath } from '../host/userPath';

const USAGE = `usage: npm run test:electron -- [--vscode-version stable|insiders|min|<x.y.z>] [--workspace <folder>]
  Downloads VS Code (needs internet) and runs the same suite as test:host in the desktop build.
  On Linux without a display, run it under xvfb-run.`;

function minimumVsCode(root: string): string {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { vscode: string } };
  return manifest.engines.vscode.replace(/^[\^~>=\s]+/, '');
}

/**
 * `npm run test:electron`: the integration suite in desktop VS Code via @vscode/test-electron,
 * for contributors with internet. CI cannot reach Microsoft's servers, so it uses test:host;
 * both load the same out/test/integration/index.js, so a test written once runs in either.
 */
async function main(): Promise<number> {
  const root = findRepoRoot();
  const { values } = parseArgs({
    options: {
      'vscode-version': { type: 'string', default: 'stable' },
      workspace: { type: 'string', default: join(root, 'test', 'fixtures', 'workspace') },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  // "min" is the oldest VS Code that package.json's engines.vscode admits, worth testing against.
  const requested = values['vscode-version'];
  const version = requested === 'min' ? minimumVsCode(root) : requested;
  const userData = mkdtempSync(join(tmpdir(), 'specboard-electron-'));
  try {
    return await runTests({
      version,
      extensionDevelopmentPath: root,
      extensionTestsPath: join(root, 'out', 'test', 'integration', 'index.js'),
      launchArgs: [
        userPath(values.workspace),
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${userData}`,
      ],
    });
  } finally {
    rmSync(userData, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    // A failing suite rejects with its exit code; anything else (no network, no display) is 1.
    console.error(err instanceof TestRunFailedError ? err.message : err);
    process.exit(err instanceof TestRunFailedError && typeof err.code === 'number' ? err.code : 1);
  },
);
