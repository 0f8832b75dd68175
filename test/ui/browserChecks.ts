/// <reference lib="dom" />
// The functions passed to frame.evaluate run in the webview, where the DOM exists.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Frame } from 'playwright-core';
import { hideSideBar, webviewFrame } from './webviewScenes';
import type { Workbench } from './workbench';

export interface BrowserCheckContext {
  /** The copy of examples/ the workbench has open. */
  readonly workspace: string;
  /** Where the runner saves this check's screenshot; a check may save more beside it. */
  readonly shot: string;
}

/** One thing only a real browser shows. `run` throws on failure and may return a note of what it measured. */
export interface BrowserCheck {
  readonly name: string;
  readonly description: string;
  run(workbench: Workbench, context: BrowserCheckContext): Promise<string | void>;
}

const CHINESE_PRD = 'docs/payments/prd.md';
const HAN_BREAK = /\p{Script=Han}\n\p{Script=Han}/u;

/** Polls `read` until `done` accepts its value. */
async function until<T>(what: string, read: () => T, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = read();
  while (!done(value)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
    value = read();
  }
  return value;
}

async function noticeText(frame: Frame): Promise<{ text: string; error: boolean }> {
  const notice = frame.locator('#board-notice');
  await notice.waitFor({ state: 'visible', timeout: 10_000 });
  return { text: (await notice.innerText()).trim(), error: (await notice.getAttribute('class'))?.includes('error') ?? false };
}

/** Picks up the focused card with Space, moves it `steps` columns right and drops it, as a keyboard user does. */
async function keyboardMove(workbench: Workbench, steps: number): Promise<void> {
  await workbench.page.keyboard.press('Space');
  for (let i = 0; i < steps; i++) await workbench.page.keyboard.press('ArrowRight');
  await workbench.page.keyboard.press('Space');
}

async function openBoard(workbench: Workbench): Promise<Frame> {
  await hideSideBar(workbench);
  await workbench.command('Specboard: Open Requirements Board');
  const frame = await webviewFrame(workbench, 'li.card');
  await workbench.settle(500);
  return frame;
}

function fileOf(path: string): string {
  return path.startsWith('file:') ? fileURLToPath(path) : path;
}

export const browserChecks: readonly BrowserCheck[] = [
  {
    name: 'builtin-preview',
    description: "VS Code's own Markdown preview shows Specboard's badges and ID links and joins Chinese lines without a space",
    async run(workbench, { workspace }) {
      const source = readFileSync(join(workspace, CHINESE_PRD), 'utf8');
      assert.ok(HAN_BREAK.test(source), `${CHINESE_PRD} has a line break between Chinese characters to join`);
      await hideSideBar(workbench);
      await workbench.openFile(CHINESE_PRD);
      await workbench.waitForLanguage('Markdown');
      await workbench.settle(800);
      await workbench.command('Markdown: Open Preview to the Side');
      const frame = await webviewFrame(workbench, 'a.sb-id');
      const facts = await frame.evaluate(() => {
        const badge = document.querySelector('.sb-badge.sb-status');
        const text = [...document.querySelectorAll('p, li, td')].map((e) => e.textContent ?? '').join('\n\n');
        return {
          statuses: document.querySelectorAll('.sb-badge.sb-status').length,
          links: document.querySelectorAll('a.sb-id').length,
          padding: badge ? getComputedStyle(badge).paddingLeft : '',
          hanBreaks: (text.match(/\p{Script=Han}\n\p{Script=Han}/gu) ?? []).length,
        };
      });
      assert.ok(facts.statuses > 0 && facts.links > 0, `badges and ID links in the built-in preview: ${JSON.stringify(facts)}`);
      assert.ok(facts.padding !== '' && facts.padding !== '0px', `Specboard's preview styles apply to the badges: ${JSON.stringify(facts)}`);
      assert.equal(facts.hanBreaks, 0, 'no soft break is left between two Chinese characters');
      // Show the first decorated requirement for the screenshot.
      await frame.locator('.sb-badge.sb-status').first().evaluate((e) => e.scrollIntoView({ block: 'center' }));
      await workbench.settle(500);
      return `${facts.statuses} status badges, ${facts.links} ID links`;
    },
  },
  {
    name: 'title-buttons',
    description: "Specboard's preview button has its own icon and title beside Markdown's",
    async run(workbench) {
      await workbench.openFile('docs/shop/prd-checkout.md');
      await workbench.settle(800);
      const actions = await workbench.locator('.editor-group-container.active .editor-actions .action-label').evaluateAll((els) =>
        els.map((e) => ({ label: e.getAttribute('aria-label') ?? e.getAttribute('title') ?? '', icon: /codicon-[\w-]+/.exec(e.className)?.[0] ?? '' })));
      const ours = actions.find((a) => /Review Preview/.test(a.label));
      const markdown = actions.find((a) => /Open Preview to the Side/.test(a.label));
      assert.ok(ours && markdown, `both buttons in the editor title: ${JSON.stringify(actions)}`);
      assert.notEqual(ours.icon, markdown.icon, 'different icons');
      assert.notEqual(ours.label, markdown.label, 'different titles');
      return `${ours.icon} "${ours.label}" beside ${markdown.icon} "${markdown.label}"`;
    },
  },
  {
    name: 'preview-layout',
    description: 'The review preview and its code-references panel share the width at 600 and 1400 px; tables stay in the text column, headers unbroken',
    async run(workbench, { shot }) {
      await hideSideBar(workbench);
      await workbench.openFile(CHINESE_PRD);
      await workbench.settle(800);
      await workbench.command('Specboard: Open Review Preview');
      let frame = await webviewFrame(workbench, '.sb-header');
      const notes: string[] = [];
      for (const target of [600, 1400]) {
        // The preview opens beside the editor, so it gets about half the window.
        let width = 2 * target + 60;
        for (let i = 0; i < 3; i++) {
          await workbench.page.setViewportSize({ width, height: 900 });
          await workbench.page.waitForTimeout(600);
          frame = await webviewFrame(workbench, '.sb-header');
          const inner = await frame.evaluate(() => window.innerWidth);
          if (Math.abs(inner - target) <= 4) break;
          width += 2 * (target - inner);
        }
        const toggle = frame.locator('#aside-toggle');
        if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
        await workbench.page.waitForTimeout(400);
        const m = await frame.evaluate(() => {
          const rect = (e: Element | null) => e?.getBoundingClientRect();
          const aside = rect(document.querySelector('.sb-aside'))!;
          const doc = rect(document.querySelector('.sb-doc'))!;
          const lineHeight = parseFloat(getComputedStyle(document.body).lineHeight) || 22;
          const tables = [...document.querySelectorAll('.sb-doc table')].map((t) => t.getBoundingClientRect().right);
          const brokenHeaders = [...document.querySelectorAll<HTMLElement>('.sb-doc th')]
            .filter((th) => th.getBoundingClientRect().height > 2.2 * lineHeight).map((th) => th.textContent);
          return { inner: window.innerWidth, asideLeft: aside.left, asideWidth: aside.width, docWidth: doc.width, tables: tables.length, widestRight: Math.max(0, ...tables), brokenHeaders };
        });
        await workbench.page.screenshot({ path: shot.replace(/\.png$/, `-${target}.png`) });
        assert.ok(m.tables > 0, 'the document has tables');
        assert.ok(m.asideWidth >= 150, `the references panel is open and readable at ${m.inner} px: ${JSON.stringify(m)}`);
        assert.ok(m.widestRight <= m.asideLeft + 1, `no table reaches under the references panel at ${m.inner} px: ${JSON.stringify(m)}`);
        assert.ok(m.docWidth >= m.inner * 0.45, `the text keeps most of the width at ${m.inner} px: ${JSON.stringify(m)}`);
        assert.deepEqual(m.brokenHeaders, [], `no table header wraps at ${m.inner} px`);
        notes.push(`${m.inner} px: text ${Math.round(m.docWidth)}, panel ${Math.round(m.asideWidth)}`);
      }
      return notes.join('; ');
    },
  },
  {
    name: 'walkthrough',
    description: 'The Get Started walkthrough lists its steps and shows each step\'s page',
    async run(workbench) {
      await workbench.openWalkthrough('Get started with Specboard');
      const steps = workbench.locator('.getting-started-step .step-title');
      await steps.first().waitFor({ timeout: 15_000 });
      const titles = await steps.allInnerTexts();
      for (const title of ['Write your first PRD', 'Check it, and the documents you already have', 'Use requirement IDs like symbols', 'Move requirements on the board', 'Review a document']) {
        assert.ok(titles.some((t) => t.includes(title)), `step "${title}" listed: ${titles.join(' | ')}`);
      }
      await workbench.page.locator('.getting-started-step', { hasText: 'Move requirements on the board' }).first().click();
      const page = await webviewFrame(workbench, 'text=Ctrl+Z');
      assert.ok((await page.locator('body').innerText()).includes('Move requirements on the board'), 'the step\'s page is its Markdown');
      await workbench.settle(800);
      return `${titles.length} steps`;
    },
  },
  {
    name: 'board-undo',
    description: 'A keyboard move on the board is confirmed with Undo; Ctrl+Z and Ctrl+Shift+Z in the board undo and redo it in the saved file',
    async run(workbench, { shot }) {
      const frame = await openBoard(workbench);
      const card = frame.locator('li.card').first();
      const id = (await card.getAttribute('data-id'))!;
      const file = fileOf((await card.getAttribute('data-path'))!);
      const read = () => readFileSync(file, 'utf8');
      const before = read();
      await card.focus();
      await keyboardMove(workbench, 1);
      const from = await card.evaluate((li) => li.closest('section')?.dataset.value ?? '');
      const moved = await until(`the move of ${id} to reach the file`, read, (t) => t !== before);
      const inColumn = (value: string) => frame.locator(`section.column[data-value="${value}"] li.card[data-id="${id}"]`).first()
        .waitFor({ timeout: 10_000 }).catch(() => { throw new Error(`${id} not shown in the ${value} column`); });
      await workbench.page.screenshot({ path: shot.replace(/\.png$/, '-1-moved.png') });
      const done = await noticeText(frame);
      assert.ok(done.text.includes(id) && !done.error, `the confirmation names the card: ${done.text}`);
      assert.equal(await frame.locator('#board-notice button', { hasText: /Undo|撤销/ }).count(), 1, 'the confirmation offers Undo');
      await workbench.page.keyboard.press('Control+z');
      await until('Ctrl+Z to restore the file', read, (t) => t === before);
      await inColumn(from);
      await workbench.page.screenshot({ path: shot.replace(/\.png$/, '-2-undone.png') });
      const undone = await noticeText(frame);
      assert.match(undone.text, new RegExp(`${id}.*back|${id}.*移回`), `the undo says what it did: ${undone.text}`);
      await workbench.page.keyboard.press('Control+Shift+z');
      await until('Ctrl+Shift+Z to redo the move', read, (t) => t === moved);
      // The file is saved before the board hears the redo's outcome (and with it that there is
      // something to undo again): a user sees the redo's confirmation first, and so does this check.
      const redoNotice = async () => (await frame.locator('#board-notice').innerText()).trim();
      const deadline = Date.now() + 10_000;
      while ((await redoNotice()) === undone.text && Date.now() < deadline) await workbench.page.waitForTimeout(100);
      await workbench.page.keyboard.press('Control+z');
      await until('Ctrl+Z to undo the redo', read, (t) => t === before);
      await inColumn(from);
      assert.equal(await workbench.locator('.tab.dirty').count(), 0, 'undo leaves no unsaved editor behind');
      return `${id} moved, undone, redone and undone in ${file.split('/').slice(-2).join('/')}`;
    },
  },
  {
    name: 'board-refusal',
    description: 'A drop the transition rules refuse says why, visibly, and leaves the file alone',
    async run(workbench) {
      const frame = await openBoard(workbench);
      const columns = await frame.locator('section.column').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.value));
      const from = columns.indexOf('proposed');
      const to = columns.indexOf('done');
      assert.ok(from >= 0 && to > from, `columns in order: ${columns.join(', ')}`);
      const card = frame.locator('section.column[data-value="proposed"] li.card').first();
      const file = fileOf((await card.getAttribute('data-path'))!);
      const before = readFileSync(file, 'utf8');
      await card.focus();
      await keyboardMove(workbench, to - from);
      const notice = await noticeText(frame);
      assert.ok(notice.error, `the refusal shows as an error: ${notice.text}`);
      assert.match(notice.text, /In progress|进行中/, `the refusal names the status the rule wants first: ${notice.text}`);
      await workbench.page.waitForTimeout(500);
      assert.equal(readFileSync(file, 'utf8'), before, 'the file is unchanged');
      return notice.text;
    },
  },
];
