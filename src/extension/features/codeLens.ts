import * as vscode from 'vscode';
import type { ParsedFile, RequirementDef } from '../../core';
import { toRange, toUri } from '../adapters/convert';
import type { Services } from '../services';
import { markdownFiles } from './documentSelectors';

/**
 * "References: N in code · M in docs" above every requirement heading. Requirements written as
 * table rows or list items get one summary lens per table or list instead (a lens between every
 * row splits a table-form PRD into fragments); `specboard.codeLens.rows` chooses.
 */
export function register(context: vscode.ExtensionContext, services: Services): void {
  const changed = new vscode.EventEmitter<void>();
  context.subscriptions.push(
    changed,
    services.specs.onDidChange(() => changed.fire()),
    vscode.workspace.onDidChangeConfiguration((e) => { if (services.config.affects(e, 'codeLens')) changed.fire(); }),
    vscode.languages.registerCodeLensProvider(markdownFiles(), {
      onDidChangeCodeLenses: changed.event,
      provideCodeLenses(document) {
        if (!services.config.codeLensEnabled(document.uri)) return [];
        const parsed = services.specs.view(document)?.parsed;
        if (!parsed) return [];
        const rows = services.config.codeLensRows(document.uri);
        const lenses: vscode.CodeLens[] = [];
        for (const group of lensGroups(parsed, (line) => (line < document.lineCount ? document.lineAt(line).text : ''))) {
          if (group.kind === 'single' || rows === 'each') lenses.push(...group.defs.map((def) => referenceLens(services, def)));
          else if (rows === 'summary') lenses.push(summaryLens(services, group));
        }
        return lenses;
      },
    }),
    vscode.commands.registerCommand('specboard.pickRequirementReferences', (ids: unknown, uri: unknown) => pickReferences(services, ids, uri)),
  );
}

interface LensGroup {
  readonly kind: 'single' | 'table' | 'list';
  /** Where the summary lens sits: the table's header line, the list's first item. */
  readonly line: number;
  readonly defs: RequirementDef[];
}

/**
 * Headings stand alone; table rows group by their table, list items by their run under one heading.
 * A table row that summarises a requirement detailed elsewhere in the document (its `otherIdRanges`)
 * counts in its table too, so "8 requirements in this table" matches the eight rows a reader sees.
 */
function lensGroups(parsed: ParsedFile, lineText: (line: number) => string): LensGroup[] {
  const groups: LensGroup[] = [];
  const headingLines = parsed.headings.map((h) => h.line);
  let last: LensGroup | undefined;
  for (const def of parsed.requirements) {
    if (def.form === 'table' && def.tableHeaderLine !== undefined) {
      const line = def.tableHeaderLine;
      if (last?.kind === 'table' && last.line === line) { last.defs.push(def); continue; }
      last = { kind: 'table', line, defs: [def] };
    } else if (def.form === 'list') {
      const prev = last?.kind === 'list' ? last.defs[last.defs.length - 1] : undefined;
      if (last && prev && !headingLines.some((l) => l > prev.line && l <= def.line)) { last.defs.push(def); continue; }
      last = { kind: 'list', line: def.line, defs: [def] };
    } else {
      last = { kind: 'single', line: def.line, defs: [def] };
    }
    groups.push(last);
  }
  for (const group of groups) {
    if (group.kind !== 'table') continue;
    let end = group.line + 1;
    while (lineText(end + 1).includes('|')) end++;
    const summarised = parsed.requirements.filter((d) => d.form !== 'table' && d.otherIdRanges?.some((r) => r.start.line > group.line && r.start.line <= end));
    group.defs.push(...summarised);
  }
  // A table or list with one requirement reads best as that requirement's own lens.
  return groups.map((g) => (g.defs.length === 1 ? { ...g, kind: 'single' } : g));
}

function referenceLens(services: Services, def: RequirementDef): vscode.CodeLens {
  const counts = services.specs.core.index.referenceCounts(def);
  return new vscode.CodeLens(toRange(def.range), {
    title: vscode.l10n.t('References: {0} in code · {1} in docs', counts.code, counts.doc),
    tooltip: vscode.l10n.t('Show all references to {0}', def.id),
    command: 'specboard.showReferences',
    arguments: [def.id, toUri(def.path), toRange(def.idRange).start],
  });
}

function summaryLens(services: Services, group: LensGroup): vscode.CodeLens {
  const index = services.specs.core.index;
  const inCode = group.defs.filter((def) => index.referenceCounts(def).code > 0).length;
  const title = group.kind === 'table'
    ? vscode.l10n.t('{0} requirements in this table · {1} referenced in code', group.defs.length, inCode)
    : vscode.l10n.t('{0} requirements in this list · {1} referenced in code', group.defs.length, inCode);
  return new vscode.CodeLens(new vscode.Range(group.line, 0, group.line, 0), {
    title,
    tooltip: vscode.l10n.t('Pick a requirement to show its references'),
    command: 'specboard.pickRequirementReferences',
    arguments: [group.defs.map((d) => d.id), toUri(group.defs[0].path)],
  });
}

async function pickReferences(services: Services, ids: unknown, uri: unknown): Promise<void> {
  if (!Array.isArray(ids) || !(uri instanceof vscode.Uri)) return;
  const parsed = services.specs.core.file(uri.toString());
  if (!parsed) return;
  const wanted = new Set(ids.filter((id): id is string => typeof id === 'string'));
  const index = services.specs.core.index;
  const items = parsed.requirements.filter((def) => wanted.has(def.id)).map((def) => {
    const counts = index.referenceCounts(def);
    return {
      label: def.id,
      description: def.title,
      detail: vscode.l10n.t('References: {0} in code · {1} in docs', counts.code, counts.doc),
      def,
    };
  });
  const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Show the references of which requirement?'), matchOnDescription: true });
  if (!picked) return;
  await vscode.commands.executeCommand('specboard.showReferences', picked.def.id, uri, toRange(picked.def.idRange).start);
}
