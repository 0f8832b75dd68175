import * as vscode from 'vscode';
import type { Locale } from '../../core';

/**
 * Typed access to the editor-behaviour settings (`specboard.*`). The document format itself lives
 * in `.specboard/config.json` so the CLI and the editor agree; nothing here changes validation results.
 */
export class EditorConfig {
  private section(scope?: vscode.ConfigurationScope): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration('specboard', scope);
  }

  get validationEnabled(): boolean {
    return this.section().get<boolean>('validation.enabled', true);
  }

  /** Milliseconds of typing quiet before an open document is re-validated. */
  get debounceMs(): number {
    return Math.max(0, this.section().get<number>('validation.debounce', 250));
  }

  codeLensEnabled(scope?: vscode.ConfigurationScope): boolean {
    return this.section(scope).get<boolean>('codeLens.enabled', true);
  }

  /** Lenses for requirements written as table rows or list items: one per table or list, per row, or none. */
  codeLensRows(scope?: vscode.ConfigurationScope): 'summary' | 'each' | 'off' {
    const v = this.section(scope).get<string>('codeLens.rows', 'summary');
    return v === 'each' || v === 'off' ? v : 'summary';
  }

  completionInSource(scope?: vscode.ConfigurationScope): boolean {
    return this.section(scope).get<boolean>('completion.inSourceFiles', true);
  }

  /** Language of new-document templates: the setting, else VS Code's display language. */
  get templateLanguage(): Locale {
    const v = this.section().get<string>('templates.language', 'auto');
    if (v === 'en' || v === 'zh-cn') return v;
    return /^zh/i.test(vscode.env.language) ? 'zh-cn' : 'en';
  }

  affects(e: vscode.ConfigurationChangeEvent, key: string): boolean {
    return e.affectsConfiguration(`specboard.${key}`);
  }
}
