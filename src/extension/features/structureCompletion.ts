import * as vscode from 'vscode';
import commonSchema from '../../../schemas/common.schema.json';
import { canonicalKey, stemOf, type DocTypeInfo } from '../../core';
import { priorityDescription, stageLabel, statusDescription } from '../labels';
import type { Services } from '../services';

const MAX_BEFORE = 400;
const HEADING_START = /^ {0,3}#{1,6}\s+([A-Z][A-Z0-9-]*)?$/;
const ROW_START = /^\s*\|\s*([A-Z][A-Z0-9-]*)?$/;
const ATTR_KEY = /^\s*[-*+]\s+([^:：]*)$/;
const ATTR_VALUE = /^\s*[-*+]\s+([^:：]{1,40}?)\s*[:：]\s*([^,]*)$/;
const REQ_HEADING = /^ {0,3}#{1,6}\s+[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-\d+/;

/** Completions that depend on where the cursor is in a product doc's structure. */
export function structureCompletions(services: Services, document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
  const before = document.lineAt(position.line).text.slice(0, position.character);
  // Headings, table rows and attribute lines are short; the patterns below are not meant for more.
  if (before.length > MAX_BEFORE) return [];
  const fmEnd = frontMatterEnd(document);
  if (fmEnd !== undefined && position.line > 0 && position.line < fmEnd) return frontMatterCompletions(services, document, position, before);
  const heading = HEADING_START.exec(before);
  if (heading) return nextFreeIds(services, document, position, heading[1] ?? '', 'heading');
  const row = ROW_START.exec(before);
  if (row && position.line > 0 && document.lineAt(position.line - 1).text.trim().startsWith('|')) {
    return nextFreeIds(services, document, position, row[1] ?? '', 'row');
  }
  if (inAttributeList(document, position.line)) {
    const value = ATTR_VALUE.exec(before);
    if (value) return attributeValues(services, document, canonicalKey(value[1]), value[2], position);
    const key = ATTR_KEY.exec(before);
    if (key) return attributeKeys(key[1], position);
  }
  return [];
}

/** "REQ-CHK-005 (next free)" for the stems this doc uses, most used first, else the type's prefix. */
function nextFreeIds(services: Services, document: vscode.TextDocument, position: vscode.Position, typed: string, form: 'heading' | 'row'): vscode.CompletionItem[] {
  const core = services.specs.core;
  const path = document.uri.toString();
  const counts = new Map<string, number>();
  for (const def of core.file(path)?.requirements ?? []) counts.set(stemOf(def.id), (counts.get(stemOf(def.id)) ?? 0) + 1);
  let stems = [...counts].sort((a, b) => b[1] - a[1]).map(([s]) => s);
  if (stems.length === 0) {
    const type = core.file(path)?.docType;
    const prefix = type ? core.projectFor(path)?.schemas.get(type)?.idPrefix : undefined;
    if (prefix) stems = [`${prefix}-`];
  }
  stems = stems.filter((s) => s.startsWith(typed) || typed.startsWith(s.slice(0, -1)));
  const range = new vscode.Range(position.line, position.character - typed.length, position.line, position.character);
  return stems.slice(0, 5).map((stem, i) => {
    const id = core.index.nextFreeId(stem);
    const item = new vscode.CompletionItem({ label: id, description: vscode.l10n.t('(next free)') }, vscode.CompletionItemKind.Constant);
    item.insertText = new vscode.SnippetString(form === 'heading' ? `${id}: \${1:title}` : `${id} | \${1:title} | `);
    item.range = range;
    item.filterText = id;
    item.sortText = `!${i}`;
    item.preselect = i === 0;
    item.detail = vscode.l10n.t('Next unused ID after the highest {0}', stem);
    return item;
  });
}

function frontMatterCompletions(services: Services, document: vscode.TextDocument, position: vscode.Position, before: string): vscode.CompletionItem[] {
  const core = services.specs.core;
  const project = core.projectFor(document.uri.toString());
  if (!project) return [];
  const typeMatch = /^type:\s*(\S+)\s*$/m.exec(document.getText(new vscode.Range(0, 0, frontMatterEnd(document) ?? 0, 0)));
  const info = typeMatch ? project.schemas.get(typeMatch[1]) : undefined;
  const properties = propertiesOf(info);
  const valueAt = /^(\w+):\s*(\S*)$/.exec(before);
  if (valueAt) {
    const key = valueAt[1];
    const range = new vscode.Range(position.line, position.character - valueAt[2].length, position.line, position.character);
    if (key === 'type') {
      return project.schemas.types().map((t) => valueItem(t.type, `${t.name.en} · ${t.name['zh-cn']}`, range, t.stage ? stageLabel(t.stage) : undefined));
    }
    const spec = properties[key];
    return (spec?.enum ?? []).map((v) => valueItem(String(v), key === 'stage' ? stageLabel(String(v)) : undefined, range));
  }
  const keyAt = /^(\w*)$/.exec(before);
  if (!keyAt) return [];
  const present = new Set<string>();
  for (let i = 1; i < (frontMatterEnd(document) ?? 0); i++) {
    const m = /^(\w+):/.exec(document.lineAt(i).text);
    if (m && i !== position.line) present.add(m[1]);
  }
  const required = new Set(['type', 'id', 'title', 'stage', 'status', 'owner']);
  const range = new vscode.Range(position.line, 0, position.line, position.character);
  return Object.entries(properties).filter(([k]) => !present.has(k)).map(([key, spec]) => {
    const item = new vscode.CompletionItem(key, vscode.CompletionItemKind.Property);
    item.insertText = new vscode.SnippetString(`${key}: \${1}`);
    item.range = range;
    item.documentation = spec.description ? new vscode.MarkdownString().appendText(spec.description) : undefined;
    item.detail = required.has(key) ? vscode.l10n.t('required') : vscode.l10n.t('optional');
    item.sortText = `${required.has(key) ? 0 : 1}${key}`;
    item.command = spec.enum || key === 'type' ? { title: '', command: 'editor.action.triggerSuggest' } : undefined;
    return item;
  });
}

const COMMON_PROPERTIES = (commonSchema as { properties: Record<string, PropertySpec> }).properties;

interface PropertySpec {
  readonly description?: string;
  readonly enum?: readonly unknown[];
}

/** Front-matter properties of a type: the common schema's, overlaid with the type's own. */
function propertiesOf(info: DocTypeInfo | undefined): Record<string, PropertySpec> {
  const out: Record<string, PropertySpec> = { ...COMMON_PROPERTIES };
  const own = (info?.schema.properties ?? {}) as Record<string, PropertySpec>;
  for (const [k, v] of Object.entries(own)) out[k] = { ...out[k], ...v };
  return out;
}

function valueItem(value: string, description: string | undefined, range: vscode.Range, detail?: string): vscode.CompletionItem {
  const item = new vscode.CompletionItem({ label: value, description }, vscode.CompletionItemKind.EnumMember);
  item.range = range;
  if (detail) item.detail = detail;
  return item;
}

function attributeKeys(typed: string, position: vscode.Position): vscode.CompletionItem[] {
  const keys: [string, string, string][] = [
    ['Priority', '优先级', 'P0–P3'], ['Status', '状态', 'proposed, approved, in-progress, done, verified, rejected, deferred'],
    ['Release', '版本', '2.0'], ['Owner', '负责人', ''], ['Traces', '追溯', 'BR-001'],
  ];
  const range = new vscode.Range(position.line, position.character - typed.length, position.line, position.character);
  return keys.flatMap(([en, zh, hint], i) => [[en, zh], [zh, en]].map(([label, other], j) => {
    const item = new vscode.CompletionItem({ label, description: other }, vscode.CompletionItemKind.Property);
    item.insertText = new vscode.SnippetString(j === 0 ? `${label}: \${1}` : `${label}：\${1}`);
    item.range = range;
    item.sortText = `${j}${i}`;
    if (hint) item.detail = hint;
    item.command = { title: '', command: 'editor.action.triggerSuggest' };
    return item;
  }));
}

function attributeValues(services: Services, document: vscode.TextDocument, key: string, typed: string, position: vscode.Position): vscode.CompletionItem[] {
  const project = services.specs.core.projectFor(document.uri.toString());
  const range = new vscode.Range(position.line, position.character - typed.length, position.line, position.character);
  if (key === 'status') {
    const statuses = project?.config.statuses ?? ['proposed', 'approved', 'in-progress', 'done', 'verified', 'rejected', 'deferred'];
    return statuses.map((s, i) => Object.assign(valueItem(s, statusDescription(s), range), { sortText: String(i).padStart(2, '0') }));
  }
  if (key === 'priority') {
    const priorities = project?.config.priorities ?? ['P0', 'P1', 'P2', 'P3'];
    return priorities.map((p) => valueItem(p, priorityDescription(p), range));
  }
  return [];
}

/** True when `line` is in the bullet list right under a requirement heading. */
function inAttributeList(document: vscode.TextDocument, line: number): boolean {
  for (let i = line - 1, blanks = 0; i >= 0 && line - i < 40; i--) {
    const text = document.lineAt(i).text;
    if (REQ_HEADING.test(text)) return true;
    if (text.trim() === '') { if (++blanks > 1) return false; continue; }
    if (!/^\s*[-*+]\s+/.test(text)) return false;
  }
  return false;
}

/** Line of the closing `---` of the front matter, if the document starts with one. */
export function frontMatterEnd(document: vscode.TextDocument): number | undefined {
  if (document.lineCount < 2 || !/^---\s*$/.test(document.lineAt(0).text.replace(/^\uFEFF/, ''))) return undefined;
  for (let i = 1; i < Math.min(document.lineCount, 200); i++) if (/^(?:---|\.\.\.)\s*$/.test(document.lineAt(i).text)) return i;
  return undefined;
}
