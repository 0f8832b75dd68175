import * as vscode from 'vscode';
import { normalizeTitle, stemOf, type ParsedFile, type SpecDiagnostic } from '../../core';
import { toDiagnostic, toRange } from '../adapters/convert';
import type { Services } from '../services';
import { allFiles } from './documentSelectors';

const MAX_CHOICES = 12;
const HAN = /\p{Script=Han}/u;

/**
 * Quick fixes for the core's diagnostics. Every fix is a WorkspaceEdit on the live document, so it
 * is undoable and works on unsaved text.
 */
export function register(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(vscode.languages.registerCodeActionsProvider(allFiles(), {
    provideCodeActions(document, range, ctx) {
      // Asked on every cursor move: read the document's current parse, never update the index.
      const view = services.specs.view(document);
      if (!view) return [];
      // Fixes come from the core's diagnostics under the cursor, which carry the data the fixes
      // need; the editor's copies (ctx.diagnostics) lose it and lag a debounce behind typing.
      const specs = view.diagnostics().filter((s) => toRange(s.range).intersection(range) !== undefined);
      const actions: vscode.CodeAction[] = [];
      for (const spec of specs) {
        const shown = ctx.diagnostics.find((d) => d.source === 'specboard' && d.code === spec.code && d.range.isEqual(toRange(spec.range)));
        actions.push(...fixesFor(services, document, view.parsed, spec, shown ?? toDiagnostic(spec)));
      }
      return actions;
    },
  }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }));
}

function fixesFor(services: Services, document: vscode.TextDocument, parsed: ParsedFile, spec: SpecDiagnostic, diagnostic: vscode.Diagnostic): vscode.CodeAction[] {
  const data = spec.data ?? {};
  const replace = (title: string, newText: string, preferred = false) => {
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    action.edit = new vscode.WorkspaceEdit();
    action.edit.replace(document.uri, diagnostic.range, newText);
    action.diagnostics = [diagnostic];
    action.isPreferred = preferred;
    return action;
  };
  switch (spec.code) {
    case 'invalid-value':
    case 'unknown-type': {
      // Closest first (see rankAllowed): `进展中` offers in-progress before proposed.
      const choices = data.suggestions ?? data.allowed ?? [];
      return choices.slice(0, MAX_CHOICES).map((v, i) => replace(vscode.l10n.t("Change to '{0}'", v), v, i === 0 && choices.length === 1));
    }
    case 'unknown-id':
      return (data.suggestions ?? []).map((id, i) => replace(vscode.l10n.t('Change to {0}', id), id, i === 0));
    case 'duplicate-id': {
      if (!data.id) return [];
      const next = services.specs.core.index.nextFreeId(stemOf(data.id));
      return [replace(vscode.l10n.t('Renumber to {0} (next free)', next), next, true)];
    }
    case 'missing-field':
      if (!data.field) return [];
      return data.id ? attributeFix(document, parsed, data.id, data.field, diagnostic) : frontMatterFix(document, parsed, data.field, data.value, diagnostic);
    case 'missing-section':
      return data.section ? sectionFix(services, document, parsed, data.section, diagnostic) : [];
    case 'unused-suppression': {
      if (!data.fix) return [];
      const action = new vscode.CodeAction(vscode.l10n.t('Remove the unused suppression'), vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(document.uri, toRange(data.fix.range), data.fix.newText);
      action.diagnostics = [diagnostic];
      action.isPreferred = true;
      return [action];
    }
    default:
      return [];
  }
}

function frontMatterFix(document: vscode.TextDocument, parsed: ParsedFile, field: string, value: string | undefined, diagnostic: vscode.Diagnostic): vscode.CodeAction[] {
  const end = parsed.frontMatter?.endLine;
  if (end === undefined || end === 0) return [];
  const action = new vscode.CodeAction(vscode.l10n.t("Add '{0}: {1}'", field, value ?? ''), vscode.CodeActionKind.QuickFix);
  action.edit = new vscode.WorkspaceEdit();
  action.edit.insert(document.uri, new vscode.Position(end, 0), `${field}: ${value ?? ''}\n`);
  action.diagnostics = [diagnostic];
  action.isPreferred = true;
  return [action];
}

const ATTRIBUTE_DEFAULTS: Record<string, [string, string, string]> = {
  priority: ['Priority', '优先级', 'P2'],
  status: ['Status', '状态', 'proposed'],
};

function attributeFix(document: vscode.TextDocument, parsed: ParsedFile, id: string, field: string, diagnostic: vscode.Diagnostic): vscode.CodeAction[] {
  const def = parsed.requirements.find((d) => d.id === id && toRange(d.idRange).isEqual(diagnostic.range));
  const names = ATTRIBUTE_DEFAULTS[field];
  if (!def || def.form !== 'heading' || !names) return [];
  const spans = Object.values(def.attributeSpans);
  const chinese = spans.some((s) => HAN.test(s.key)) || (spans.length === 0 && HAN.test(def.title));
  const line = chinese ? `- ${names[1]}：${names[2]}` : `- ${names[0]}: ${names[2]}`;
  const last = spans.reduce((max, s) => Math.max(max, s.line), def.line);
  const action = new vscode.CodeAction(vscode.l10n.t("Add '{0}'", line.slice(2)), vscode.CodeActionKind.QuickFix);
  action.edit = new vscode.WorkspaceEdit();
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  action.edit.insert(document.uri, document.lineAt(last).range.end, `${eol}${spans.length === 0 ? eol : ''}${line}`);
  action.diagnostics = [diagnostic];
  action.isPreferred = true;
  return [action];
}

/** Inserts a missing section where the schema orders it: before the next section that exists. */
function sectionFix(services: Services, document: vscode.TextDocument, parsed: ParsedFile, sectionId: string, diagnostic: vscode.Diagnostic): vscode.CodeAction[] {
  const info = parsed.docType ? services.specs.core.projectFor(document.uri.toString())?.schemas.get(parsed.docType) : undefined;
  if (!info) return [];
  const order = info.sections;
  const missing = order.findIndex((s) => s.id === sectionId);
  if (missing < 0) return [];
  const headings = parsed.headings.filter((h) => !h.requirementId);
  const matched = headings.map((h) => ({ h, index: order.findIndex((s) => [s.title.en, s.title['zh-cn'], ...(s.aliases ?? [])].some((n) => normalizeTitle(n) === normalizeTitle(h.text))) }))
    .filter((m) => m.index >= 0);
  const chinese = headings.some((h) => HAN.test(h.text));
  const level = matched[0]?.h.level ?? 2;
  const next = matched.find((m) => m.index > missing);
  const title = order[missing].title[chinese ? 'zh-cn' : 'en'];
  const body = chinese ? '待补充。' : 'TODO';
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const edit = new vscode.WorkspaceEdit();
  if (next) {
    edit.insert(document.uri, new vscode.Position(next.h.line, 0), `${'#'.repeat(level)} ${title}${eol}${eol}${body}${eol}${eol}`);
  } else {
    const lastLine = document.lineAt(document.lineCount - 1);
    const lead = lastLine.text.trim() === '' ? '' : eol;
    edit.insert(document.uri, lastLine.range.end, `${lead}${eol}${'#'.repeat(level)} ${title}${eol}${eol}${body}${eol}`);
  }
  const action = new vscode.CodeAction(vscode.l10n.t("Insert section '{0}'", title), vscode.CodeActionKind.QuickFix);
  action.edit = edit;
  action.diagnostics = [diagnostic];
  action.isPreferred = true;
  return [action];
}
