import type { Page } from 'playwright-core';
import { formatAutomationLog, isNoise } from './automationLog';
import type { CodeServer } from './codeServer';

export interface SuiteLocation {
  readonly folder: string;
  readonly extensionDevelopmentPath: string;
  /** The compiled module exporting `run()`, as for @vscode/test-electron. */
  readonly extensionTestsPath: string;
}

/**
 * Opens the workbench with a test payload and resolves with the suite's exit code. The workbench
 * reports through two page functions the smoke-test driver calls: codeAutomationLog for every log
 * line (the extension host's console included) and codeAutomationExit when the host ends. Both
 * must be exposed before navigation, or early output is lost.
 */
export async function runSuiteInPage(page: Page, server: CodeServer, suite: SuiteLocation): Promise<number> {
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
  page.on('crash', () => fail(new Error('the workbench page crashed')));
  page.on('close', () => fail(new Error('the workbench page closed before the suite finished')));

  await page.goto(server.workbenchUrl(suite.folder, {
    extensionDevelopmentPath: suite.extensionDevelopmentPath,
    extensionTestsPath: suite.extensionTestsPath,
  }));
  return exited;
}
