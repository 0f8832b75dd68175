import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

/** Every compiled *.test.js below this folder, sorted so the run order is stable. */
function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return testFiles(path);
      return entry.name.endsWith('.test.js') ? [path] : [];
    })
    .sort();
}

/**
 * The entry @vscode/test-electron and the code-server harness both load inside the extension
 * host (their shared contract: export `run(): Promise<void>`, reject on failure). It runs after
 * `node esbuild.mjs --tests` as out/test/integration/index.js, next to the compiled tests.
 */
export async function run(): Promise<void> {
  // Colours would reach the runner as raw escape codes through the automation log.
  // SPECBOARD_TEST_GREP runs only the tests whose title matches (while working on one feature).
  const grep = process.env.SPECBOARD_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30_000, ...(grep ? { grep } : {}) });
  const files = testFiles(__dirname);
  for (const file of files) mocha.addFile(file);
  const stats = { passed: 0, failed: 0, pending: 0 };
  const failures = await new Promise<number>((resolve, reject) => {
    try {
      const runner = mocha.run(resolve);
      runner.on('pass', () => stats.passed++);
      runner.on('fail', () => stats.failed++);
      runner.on('pending', () => stats.pending++);
    } catch (err) {
      reject(err);
    }
  });
  // One line a CI log can be grepped for, whatever the reporter prints above it.
  console.log(`${stats.passed} passed, ${stats.failed} failed, ${stats.pending} pending (${files.length} files)`);
  if (failures > 0 || stats.failed > 0) throw new Error(`${failures} integration test(s) failed`);
}
