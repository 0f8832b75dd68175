import * as vscode from 'vscode';
import { fieldDocAt, type FieldDoc } from '../../core';
import { toRange } from '../adapters/convert';
import type { Services } from '../services';
import { markdownFiles } from './documentSelectors';

/**
 * Hover on front-matter keys and values: the schema's description of the field in the UI
 * language, its type, whether it is required, its allowed values with their meaning and its
 * default, as the YAML extension shows for schema-backed files. Reads the document's current
 * parse (a query never updates the index).
 */
export function register(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(vscode.languages.registerHoverProvider(markdownFiles(), {
    provideHover(document, position) {
      const view = services.specs.view(document);
      const project = services.specs.core.projectFor(document.uri.toString());
      if (!view || !project) return undefined;
      const doc = fieldDocAt(view.parsed, project.schemas, { line: position.line, character: position.character }, services.specs.core.locale);
      return doc ? new vscode.Hover(fieldHover(doc), toRange(doc.range)) : undefined;
    },
  }));
}

const MAX_VALUES = 12;

/** The hover's Markdown; document text (values) is escaped, schema text shown as plain text. */
export function fieldHover(doc: FieldDoc): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.supportHtml = false;
  const kind = [doc.types.length ? doc.types.join(' | ') : undefined, doc.required ? vscode.l10n.t('required') : vscode.l10n.t('optional')].filter(Boolean).join(', ');
  md.appendMarkdown(`**${esc(doc.key)}** (${esc(kind)})\n\n`);
  if (doc.value?.description) md.appendMarkdown(`${code(doc.value.text)}: ${esc(doc.value.description)}\n\n`);
  if (doc.description) md.appendMarkdown(`${esc(doc.description)}\n\n`);
  if (doc.allowed?.length && doc.on === 'key') {
    const shown = doc.allowed.slice(0, MAX_VALUES).map((a) => `- ${code(a.value)}${a.description ? `: ${esc(a.description)}` : ''}`);
    if (doc.allowed.length > MAX_VALUES) shown.push(`- ${vscode.l10n.t('and {0} more', doc.allowed.length - MAX_VALUES)}`);
    md.appendMarkdown(`${vscode.l10n.t('Allowed values:')}\n\n${shown.join('\n')}\n\n`);
  }
  if (doc.default !== undefined) md.appendMarkdown(vscode.l10n.t('Default: {0}', code(doc.default)));
  return md;
}

/** A code span that holds any text: backticks inside get a longer fence, line breaks a space. */
function code(text: string): string {
  const flat = text.split('\n').map((l) => l.trim()).join(' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  return longest ? `${fence} ${flat} ${fence}` : `${fence}${flat}${fence}`;
}

function esc(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>$]/g, '\\$&');
}
