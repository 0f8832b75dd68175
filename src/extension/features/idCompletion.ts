import * as vscode from 'vscode';
import { prefixOf, stemOf, type RequirementDef } from '../../core';
import type { Services } from '../services';

const MAX_ITEMS = 200;
const MAX_TYPED = 160;
/** An ID being typed: a known prefix, then segments; Chinese after the last dash filters by title. */
const TYPED_ID = /(?<![A-Za-z0-9_-])([A-Z][A-Z0-9]*(?:-[A-Z0-9]*)*)(-?[\p{Script=Han}\w]*)$/u;

/**
 * Requirement-ID completions at the cursor: offered once a known prefix is being typed, in docs and
 * in source comments and strings. Candidates come from a sorted catalog (binary search), capped and
 * marked incomplete so VS Code asks again as the user narrows the ID.
 */
export function idCompletions(services: Services, document: vscode.TextDocument, position: vscode.Position, isDoc: boolean): vscode.CompletionList | undefined {
  const full = document.lineAt(position.line).text.slice(0, position.character);
  // IDs are short: the pattern below, anchored at the end, is given a bounded stretch before the cursor.
  const before = full.length > MAX_TYPED ? full.slice(-MAX_TYPED) : full;
  const m = TYPED_ID.exec(before);
  if (!m) return undefined;
  const typed = m[0];
  const core = services.specs.core;
  const prefix = prefixOf(m[1]);
  const catalog = core.catalog;
  const hasDash = typed.includes('-');
  if (!hasDash && prefix.length < 2) return undefined;
  if (hasDash ? !core.index.isKnownPrefix(prefix) : catalog.prefixesStartingWith(prefix).length === 0) return undefined;
  if (!isDoc && !inCommentOrString(full.slice(0, full.length - typed.length))) return undefined;

  const range = new vscode.Range(position.line, position.character - typed.length, position.line, position.character);
  const titleQuery = m[2].replace(/^-/, '');
  // Chinese after the ID, or lower-case letters that may be its pinyin (`REQ-zf` for 支付): search titles.
  const hanQuery = /\p{Script=Han}/u.test(titleQuery) || (hasDash && /^[a-z]{2,}$/.test(titleQuery));
  let defs: RequirementDef[];
  let complete: boolean;
  if (hanQuery) {
    // Only the prefix or stem typed so far: `REQ-CHK-结账` searches REQ-CHK- titles, not all 100,000.
    defs = catalog.search(titleQuery, MAX_ITEMS, hasDash ? m[1] : `${prefix}-`);
    complete = defs.length < MAX_ITEMS;
  } else {
    const found = catalog.withPrefix(hasDash ? typed : prefix, MAX_ITEMS);
    defs = found.ids.map((id) => core.index.definitions(id)[0]).filter((d): d is RequirementDef => d !== undefined);
    complete = found.complete;
  }
  const here = document.uri.toString();
  const typedStem = hasDash ? stemOf(`${typed}0`) : '';
  const items = defs.map((def) => {
    const item = new vscode.CompletionItem({ label: def.id, description: def.title }, vscode.CompletionItemKind.Reference);
    const fm = core.file(def.path)?.frontMatter?.data;
    const a = def.attributes;
    item.detail = [a.status, a.priority, fm?.id !== undefined ? String(fm.id) : core.displayPath(def.path)].filter(Boolean).join(' · ');
    if (def.excerpt) item.documentation = new vscode.MarkdownString().appendText(def.excerpt);
    item.range = range;
    item.insertText = def.id;
    // Typing "REQ-结账" must still match: the filter text carries the title after the ID.
    item.filterText = hanQuery ? `${typed}${def.title}` : `${def.id} ${def.title}`;
    const rank = def.path === here ? 0 : typedStem && def.id.startsWith(typedStem) ? 1 : prefixOf(def.id) === prefix ? 2 : 3;
    const stem = stemOf(def.id);
    item.sortText = `${rank}${stem}${def.id.slice(stem.length).padStart(9, '0')}`;
    return item;
  });
  return new vscode.CompletionList(items, !complete);
}

/**
 * Whether the text before the typed ID puts the cursor in a comment or string, judged from the
 * line alone so it works for any language: a comment marker before it, or an open quote.
 */
export function inCommentOrString(before: string): boolean {
  if (/(?:^|\s)(?:\/\/|#|--|;|%|REM\b)|\/\*|<!--|^\s*\*/.test(before) && !/^\s*#\s*(include|define|if|import)\b/.test(before)) return true;
  let quote: string | undefined;
  for (let i = 0; i < before.length; i++) {
    const c = before[i];
    if (c === '\\') { i++; continue; }
    if (quote) { if (c === quote) quote = undefined; }
    else if (c === '"' || c === "'" || c === '`') quote = c;
  }
  return quote !== undefined;
}
