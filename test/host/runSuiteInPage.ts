import type { Page } from 'playwright-core';
import { formatAutomationLog, isNoise } from './automationLog';

/**
 * Opens a workbench URL that carries a test suite (code-server's payload, or @vscode/test-web's
 * configuration) and resolves with the suite's exit code. The workbench reports through two page
 * functions the smoke-test driver calls: codeAutomationLog for every log line (the extension
 * host's console included) and codeAutomationExit when the host ends. Both must be exposed
 * before navigation, or early output is lost.
 */
export async function runSuiteInPage(page: Page, url: string): Promise<number> {
  let settle: (code: number) => void = () => undefined;
  let fail: (err: Error) => void = () => undefined;
  const exited = new Promise<number>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  // During cleanup the page closes while goto may still be pending; the rejection must not crash
  // the process (Node exits 1 on an unhandled one) and replace the 130/124 already chosen.
  exited.catch(() => undefined);
  await page.exposeFunction('codeAutomationLog', (level: string, args: unknown) => {
    const text = formatAutomationLog(args);
    if (isNoise(text)) return;
    if (level === 'error') console.error(text);
    else console.log(text);
  });
  await page.exposeFunction('codeAutomationExit', (code: number) => settle(code));
  // VERBOSE=1 also shows the page's own console: where a workbench that never starts says why.
  if (process.env.VERBOSE) page.on('console', (m) => console.log(`[page:${m.type()}]`, m.text()));
  page.on('crash', () => fail(new Error('the workbench page crashed')));
  page.on('close', () => fail(new Error('the workbench page closed before the suite finished')));

  await page.goto(url);
  return exited;
}
