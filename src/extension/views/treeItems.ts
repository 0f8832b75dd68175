import * as vscode from 'vscode';
import type { RequirementSummary } from '../../core';
import { toUri } from '../adapters/convert';
import { hoverContent } from '../features/hover';
import type { Services } from '../services';
import { ICONS, requirementStatusIcon } from './treeIcons';

/** What the three trees show of a requirement; each tree fills it from its own model. */
export type RequirementView = RequirementSummary;

/** What a code (or doc) reference node needs. */
export interface ReferenceView {
  readonly path: string;
  readonly line: number;
  readonly character?: number;
}

/** Click: open the file at the line, in the preview editor, without stealing focus from the tree. */
export function openCommand(path: string, line: number, character = 0): vscode.Command {
  const at = new vscode.Position(line, character);
  return {
    command: 'vscode.open', title: vscode.l10n.t('Open'),
    arguments: [toUri(path), { selection: new vscode.Range(at, at), preserveFocus: true, preview: true } satisfies vscode.TextDocumentShowOptions],
  };
}

/** `REQ-CHK-001  Guest checkout` with a status icon, the priority and the status. */
export function requirementItem(req: RequirementView, collapsible: boolean, description?: string): vscode.TreeItem {
  const label = req.title ? `${req.id}  ${req.title}` : req.id;
  const item = new vscode.TreeItem(label, collapsible ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  item.description = description ?? [req.priority, req.status].filter(Boolean).join(' · ');
  item.iconPath = requirementStatusIcon(req.status);
  item.contextValue = 'specboard.requirement';
  item.command = openCommand(req.path, req.line);
  item.accessibilityInformation = { label: [req.id, req.title, req.priority, req.status].filter(Boolean).join(', ') };
  return item;
}

/** The hover's Markdown as the tooltip, resolved only when the user points at the item. */
export function requirementTooltip(services: Services, id: string): vscode.MarkdownString | undefined {
  return hoverContent(services, id);
}

/** `checkout.ts:42` with the file's own icon and its folder as the description. */
export function referenceItem(services: Services, ref: ReferenceView): vscode.TreeItem {
  const display = services.specs.core.displayPath(ref.path);
  const slash = display.lastIndexOf('/');
  const item = new vscode.TreeItem(`${display.slice(slash + 1)}:${ref.line + 1}`, vscode.TreeItemCollapsibleState.None);
  item.description = slash > 0 ? display.slice(0, slash) : undefined;
  item.resourceUri = toUri(ref.path);
  item.iconPath = ICONS.reference();
  item.tooltip = `${display}:${ref.line + 1}`;
  item.contextValue = 'specboard.reference';
  item.command = openCommand(ref.path, ref.line, ref.character);
  return item;
}

/** Escapes Markdown so titles from documents render as text in tooltips, never as links or HTML. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>$]/g, '\\$&');
}
