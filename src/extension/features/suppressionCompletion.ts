import * as vscode from 'vscode';
import { directiveCompletionAt, DIRECTIVE_KINDS, ruleInfo, SUPPRESSIBLE_CODES, type DirectiveKind, type Locale } from '../../core';

const KIND_DOCS: Record<DirectiveKind, () => string> = {
  disable: () => vscode.l10n.t('Turn rules off from this line on, until specboard-enable (or the end of the file).'),
  enable: () => vscode.l10n.t('Turn rules back on from this line on.'),
  'disable-line': () => vscode.l10n.t('Turn rules off on this line.'),
  'disable-next-line': () => vscode.l10n.t('Turn rules off on the next line.'),
  'disable-file': () => vscode.l10n.t('Turn rules off in the whole file, wherever this comment stands.'),
  capture: () => vscode.l10n.t('Remember which rules are off, for specboard-restore.'),
  restore: () => vscode.l10n.t('Turn rules on and off as they were at the last specboard-capture (or the start of the file).'),
};

/**
 * Completions inside `<!-- specboard-... -->` comments: the directive's name after `<!--`, then
 * the rules a comment can suppress (each once), with the rule's description in the UI language.
 * Undefined when the cursor is in no such comment, so the other completions get their turn.
 */
export function suppressionCompletions(document: vscode.TextDocument, position: vscode.Position, locale: Locale): vscode.CompletionItem[] | undefined {
  const line = document.lineAt(position.line).text;
  const at = directiveCompletionAt(line, position.character);
  if (!at) return undefined;
  const range = new vscode.Range(position.line, at.start, position.line, at.end);
  if (at.what === 'kind') {
    return DIRECTIVE_KINDS.map((kind, i) => {
      const label = `specboard-${kind}`;
      const item = new vscode.CompletionItem(label, vscode.CompletionItemKind.Keyword);
      item.range = range;
      item.sortText = String(i);
      item.documentation = new vscode.MarkdownString().appendText(KIND_DOCS[kind]());
      // A directive that names rules goes on to offer them.
      if (kind !== 'capture' && kind !== 'restore') {
        item.insertText = `${label} `;
        item.command = { title: '', command: 'editor.action.triggerSuggest' };
      }
      return item;
    });
  }
  return SUPPRESSIBLE_CODES.filter((code) => !at.named.includes(code)).map((code, i) => {
    const text = ruleInfo(code)!.text[locale];
    const item = new vscode.CompletionItem({ label: code, description: text.short }, vscode.CompletionItemKind.EnumMember);
    item.range = range;
    item.sortText = String(i).padStart(2, '0');
    item.documentation = new vscode.MarkdownString().appendText(`${text.full}\n\n${text.help}`);
    return item;
  });
}
