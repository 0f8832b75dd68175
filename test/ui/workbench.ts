import type { Locator, Page } from 'playwright-core';

/**
 * Drives the VS Code workbench the way a person does (command palette, quick open, views), so
 * scenes read as steps and survive layout changes better than clicks on coordinates.
 */
export class Workbench {
  constructor(readonly page: Page) {}

  /** Waits for the workbench and its first restored view; extensions activate after this. */
  async ready(): Promise<void> {
    await this.page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await this.page.waitForSelector('.statusbar', { timeout: 60_000 });
    await this.page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
  }

  /** Runs a command by its palette label (category included, e.g. "View: Close All Editors"). */
  async command(label: string): Promise<void> {
    // A command whose "when" clause waits on a context the workbench sets late (the editor's
    // language once its extension has loaded, a view's focus) is missing from the palette for a
    // moment on a busy machine: ask again a few times before giving up.
    await this.pickFromQuickInput(`>${label}`, label, 3);
  }

  /**
   * Waits until the active editor's language, as the status bar names it, is `name`. A file opened
   * before its language's extension has registered shows as plain text, and commands that need the
   * language are not offered until it changes.
   */
  async waitForLanguage(name: string): Promise<void> {
    const mode = this.page.locator('[id="status.editor.mode"]');
    try {
      await mode.filter({ hasText: name }).first().waitFor({ state: 'visible', timeout: 30_000 });
    } catch {
      const shown = (await mode.allInnerTexts()).join(' | ') || 'nothing';
      throw new Error(`the active editor's language is not ${name} after 30 s; the status bar shows ${shown}`);
    }
  }

  /** Opens a workspace file through Quick Open, by a path fragment such as "docs/shop/prd-checkout.md". */
  async openFile(path: string): Promise<void> {
    const name = path.split('/').pop() ?? path;
    // Right after start-up, on a busy machine, Quick Open may find nothing until file search has
    // warmed up: ask again a few times before giving up.
    await this.pickFromQuickInput(path, name, 4);
    await this.page.waitForSelector(`.tab.active[aria-label*="${name}"]`, { timeout: 15_000 });
  }

  /**
   * Opens a walkthrough by its title. "Welcome: Open Walkthrough..." answers with a second quick
   * pick, the list of walkthroughs, so the command is typed and confirmed rather than clicked.
   */
  async openWalkthrough(title: string): Promise<void> {
    const input = await this.openQuickInput();
    await input.fill('>Welcome: Open Walkthrough...');
    await this.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Open Walkthrough' }).first().waitFor({ timeout: 10_000 });
    await this.page.keyboard.press('Enter');
    await this.pickQuickInputRow(title);
  }

  /** Resets between scenes so each starts from the same layout whatever the previous one did. */
  async reset(): Promise<void> {
    // A scene that typed into a file leaves it dirty: revert it, so nothing is saved or prompted.
    for (let i = 0; i < 10 && (await this.page.locator('.tab.dirty').count()) > 0; i++) {
      await this.page.locator('.tab.dirty').first().click();
      await this.command('File: Revert File');
    }
    await this.command('View: Close All Editors');
    // The palette only offers "Hide Panel" while the panel is open.
    if (await this.page.locator('.part.panel').isVisible()) await this.command('View: Hide Panel');
  }

  /**
   * Waits until the status bar shows no spinner (extensions activating, Specboard indexing), then
   * lets syntax colouring, decorations and debounced updates settle before a screenshot.
   */
  async settle(ms = 1000): Promise<void> {
    const spinner = this.page.locator('.statusbar .codicon-modifier-spin');
    try {
      await spinner.first().waitFor({ state: 'hidden', timeout: 60_000 });
    } catch {
      const busy = await this.page.locator('.statusbar-item', { has: spinner }).allInnerTexts();
      throw new Error(`the status bar still shows work in progress after 60 s: ${busy.join(' | ')}`);
    }
    await this.page.waitForTimeout(ms);
  }

  /** Moves the cursor through Go to Line (1-based line, optional column), as a keyboard user does. */
  async goToLine(line: number, column?: number): Promise<void> {
    await this.page.keyboard.press('Control+G');
    const input = this.quickInputBox();
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(column === undefined ? `:${line}` : `:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
  }

  /** A locator inside the workbench, for scene-specific waits. */
  locator(selector: string): Locator {
    return this.page.locator(selector);
  }

  /**
   * Types `query` into the quick input and picks the row showing `row`; when no such row is
   * offered, closes it and asks again, up to `attempts` times, waiting longer each time. A failure
   * after the pick is never retried: the command may already have run.
   */
  private async pickFromQuickInput(query: string, row: string, attempts: number): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const input = await this.openQuickInput();
      await input.fill(query);
      try {
        await this.pickQuickInputRow(row);
        return;
      } catch (err) {
        if (attempt === attempts || !(err instanceof NotOffered)) throw err;
        await this.page.keyboard.press('Escape');
        await this.page.waitForTimeout(2000 * attempt);
      }
    }
  }

  private async openQuickInput(): Promise<Locator> {
    // F1 rather than Ctrl+Shift+P/Ctrl+P, which a browser may keep for itself.
    await this.page.keyboard.press('F1');
    const input = this.quickInputBox();
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    return input;
  }

  /** The quick input's text box (its list rows hold checkbox inputs too, in VS Code 1.91 on the web). */
  private quickInputBox(): Locator {
    return this.page.locator('.quick-input-widget .quick-input-box input');
  }

  private async pickQuickInputRow(text: string): Promise<void> {
    const row = this.page.locator('.quick-input-widget .monaco-list-row', { hasText: text }).first();
    try {
      await row.waitFor({ state: 'visible', timeout: 10_000 });
    } catch {
      const offered = await this.page.locator('.quick-input-widget .monaco-list-row').allInnerTexts();
      throw new NotOffered(`"${text}" not offered in the quick input; it showed: ${offered.slice(0, 8).join(' | ') || 'nothing'}`);
    }
    await row.click();
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
  }
}

/** A quick input that did not list the row asked for (as opposed to one that failed after the pick). */
class NotOffered extends Error {}
