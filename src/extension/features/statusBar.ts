import * as vscode from 'vscode';
import type { Services } from '../services';
import { counts } from '../views/counts';

/**
 * The workspace's totals in the status bar: documents, requirements and Specboard errors; a click
 * opens the Problems panel. Error counts come from the diagnostics VS Code already holds and are
 * kept per file, so a change costs one lookup per changed file, not a workspace scan.
 */
export function register(context: vscode.ExtensionContext, services: Services): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('specboard.totals', vscode.StatusBarAlignment.Left, 10);
  item.name = vscode.l10n.t('Specboard totals');
  item.command = 'workbench.actions.view.problems';
  const problems = new Map<string, { errors: number; warnings: number }>();
  const count = (uri: vscode.Uri) => {
    let errors = 0;
    let warnings = 0;
    for (const d of vscode.languages.getDiagnostics(uri)) {
      if (d.source !== 'specboard') continue;
      if (d.severity === vscode.DiagnosticSeverity.Error) errors++;
      else if (d.severity === vscode.DiagnosticSeverity.Warning) warnings++;
    }
    if (errors || warnings) problems.set(uri.toString(), { errors, warnings });
    else problems.delete(uri.toString());
  };
  const render = () => {
    if (!services.specs.isIndexed) return item.hide();
    const core = services.specs.core;
    let documents = 0;
    for (const entry of core.index.entries()) if (entry.parsed.docType) documents++;
    const requirements = core.index.requirementCount;
    if (documents === 0) return item.hide();
    let errors = 0;
    let warnings = 0;
    for (const p of problems.values()) {
      errors += p.errors;
      warnings += p.warnings;
    }
    item.text = `$(checklist) ${`${documents === 1 ? vscode.l10n.t('1 doc') : vscode.l10n.t('{0} docs', documents)} · ${requirements === 1 ? vscode.l10n.t('1 req') : vscode.l10n.t('{0} reqs', requirements)}`} · $(error) ${errors}`;
    item.tooltip = new vscode.MarkdownString(
      `**Specboard**\n\n${counts.documents(documents)} · ${counts.requirements(requirements)}\n\n`
      + `$(error) ${counts.errors(errors)} · $(warning) ${counts.warnings(warnings)}\n\n`
      + vscode.l10n.t('Click to open the Problems panel.'), true);
    item.accessibilityInformation = { label: vscode.l10n.t('Specboard: {0} documents, {1} requirements, {2} errors', documents, requirements, errors) };
    item.show();
  };
  // Diagnostics arrive file by file while typing: one repaint per burst is enough.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(render, 100);
  };
  for (const [uri] of vscode.languages.getDiagnostics()) count(uri);
  context.subscriptions.push(
    item,
    vscode.languages.onDidChangeDiagnostics((e) => {
      for (const uri of e.uris) count(uri);
      schedule();
    }),
    services.specs.onDidChange(schedule),
    { dispose: () => clearTimeout(timer) },
  );
  render();
  return item;
}
