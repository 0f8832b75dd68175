// The web suite's entry, bundled by esbuild into one browser script (out/test/web/suite/index.js)
// that @vscode/test-web loads in the web worker extension host. The browser cannot list a folder,
// so every test file is imported here; setupMocha must stay first.
import './setupMocha';
import './webHost.test';
import './languageFeatures.test';
import './views.test';
import './commands.test';

/** test-web's (and test-electron's) contract: resolve when every test passed, reject otherwise. */
export function run(): Promise<void> {
  const stats = { passed: 0, failed: 0, pending: 0 };
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        // One line the runner and CI logs can be grepped for, as in the Node host suite.
        console.log(`${stats.passed} passed, ${stats.failed} failed, ${stats.pending} pending (web)`);
        if (failures > 0) reject(new Error(`${failures} web test(s) failed`));
        else resolve();
      });
      runner.on('pass', () => stats.passed++);
      runner.on('fail', () => stats.failed++);
      runner.on('pending', () => stats.pending++);
    } catch (err) {
      reject(err);
    }
  });
}
