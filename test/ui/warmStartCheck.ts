import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { CleanupStack } from '../host/cleanupStack';
import { startCodeServer } from '../host/codeServer';
import type { ToolPaths } from '../host/toolPaths';
import { colorThemeSetting } from '../host/workbenchSettings';
import { Workbench } from './workbench';

export interface WarmStartRun {
  readonly paths: ToolPaths;
  readonly cleanup: CleanupStack;
  readonly vsix: string;
  /** A fresh page of the browser the other checks use. */
  readonly page: Page;
  readonly shot: string;
}

const DOCS = 400;
const REQUIREMENTS_PER_DOC = 10;
const REQUIREMENTS = DOCS * REQUIREMENTS_PER_DOC;

/**
 * The warm start in a real window: a workspace of 4,000 requirements is indexed once, the window
 * is reloaded, and the new extension host must restore the saved index, with the same counts, in
 * less time than the first index took (both read from the Specboard log of the same run, so the
 * comparison holds on a slow machine too), then find nothing changed on the disk.
 */
export async function checkWarmStart(run: WarmStartRun): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'specboard-warm-'));
  run.cleanup.add(() => rmSync(folder, { recursive: true, force: true }));
  writeWorkspace(folder);
  const server = await startCodeServer({ paths: run.paths, cleanup: run.cleanup, folder, vsix: run.vsix, settings: colorThemeSetting('dark') });
  const log = (): string => specboardLogs(server.dataDir);
  await run.page.goto(server.workbenchUrl(folder));
  const workbench = new Workbench(run.page);
  await workbench.ready();
  const summary = run.page.locator('.statusbar-item', { hasText: `${REQUIREMENTS} reqs` }).first();
  await summary.waitFor({ timeout: 120_000 });
  const indexed = await waitForLine(log, /\bIndexed: \d+ of \d+ files .*?(\d+) requirements, .*?; (\d+) ms/);
  assert.equal(Number(indexed[1]), REQUIREMENTS, 'the first index counts every requirement');
  await waitForLine(log, /Saved the index for the next window: \d+ KB/);
  const before = log().length;

  await workbench.command('Developer: Reload Window');
  await workbench.ready();
  await summary.waitFor({ timeout: 120_000 });
  const after = (): string => log().slice(before);
  const restored = await waitForLine(after, /Restored the saved index: (\d+) files, (\d+) requirements in (\d+) ms/);
  assert.equal(Number(restored[2]), REQUIREMENTS, 'the restored index has the same requirements');
  const [firstMs, restoreMs] = [Number(indexed[2]), Number(restored[3])];
  assert.ok(restoreMs < firstMs, `restoring took ${restoreMs} ms, not less than the first index's ${firstMs} ms`);
  assert.doesNotMatch(after(), /\bIndexed: /, 'the reloaded window did not index the workspace again');
  const checked = await waitForLine(after, /Checked the restored index against the disk: (\d+) files changed, (\d+) new, (\d+) gone/);
  assert.deepEqual(checked.slice(1).map(Number), [0, 0, 0], 'nothing changed on the disk between the windows');
  await run.page.screenshot({ path: run.shot });
  return `${REQUIREMENTS} requirements restored in ${restoreMs} ms after a reload; the first index took ${firstMs} ms`;
}

/** Docs of ten requirements each, and a source file citing some; all dated an hour back, so their stats are trusted. */
function writeWorkspace(folder: string): void {
  const past = Date.now() / 1000 - 3600;
  mkdirSync(join(folder, 'docs'));
  mkdirSync(join(folder, 'src'));
  for (let d = 1; d <= DOCS; d++) {
    const requirements = Array.from({ length: REQUIREMENTS_PER_DOC }, (_, i) => {
      const id = `REQ-W${d}-${String(i + 1).padStart(3, '0')}`;
      return `### ${id}: Feature ${i + 1} of area ${d}\n\n- Priority: P2\n- Status: draft\n\nThe shopper can use feature ${i + 1}.\n`;
    }).join('\n');
    const file = join(folder, 'docs', `prd-${d}.md`);
    writeFileSync(file, `---\ntype: prd\nid: PRD-W${d}\ntitle: Area ${d}\nstage: productization\nstatus: draft\nowner: Alice\n---\n# Area ${d}\n\n`
      + `## Vision\n\n## Target market\n\n## Competitive analysis\n\n## Features\n\n${requirements}\n## Use cases\n\n## System requirements\n\n`
      + '## Performance requirements\n\n## Sales and support requirements\n');
    utimesSync(file, past, past);
    const source = join(folder, 'src', `area${d}.ts`);
    writeFileSync(source, `// Implements REQ-W${d}-001 and REQ-W${d}-002.\nexport const area${d} = ${d};\n`);
    utimesSync(source, past, past);
  }
}

/** Every Specboard log file of the server's windows so far, concatenated. */
function specboardLogs(dataDir: string): string {
  const files: string[] = [];
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('Specboard.log')) files.push(p);
    }
  };
  walk(join(dataDir, 'logs'));
  return files.sort().map((f) => readFileSync(f, 'utf8')).join('\n');
}

async function waitForLine(text: () => string, pattern: RegExp, timeoutMs = 120_000): Promise<RegExpExecArray> {
  for (const deadline = Date.now() + timeoutMs; ; await new Promise((r) => setTimeout(r, 250))) {
    const m = pattern.exec(text());
    if (m) return m;
    if (Date.now() > deadline) throw new Error(`no log line matching ${pattern} within ${timeoutMs / 1000} s; the Specboard log says:\n${text().slice(-2000)}`);
  }
}
