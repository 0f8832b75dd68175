import * as vscode from 'vscode';
import type { RequirementDef } from '../../core';
import { stageLabel } from '../labels';
import type { Services } from '../services';
import { allFiles } from './documentSelectors';
import { idAtPosition } from './idAtPosition';

/** Hover on any requirement ID: what it is, where it lives, how it traces, and who references it. */
export function register(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(vscode.languages.registerHoverProvider(allFiles(), {
    provideHover(document, position) {
      const hit = idAtPosition(services, document, position);
      if (!hit) return undefined;
      const content = hoverContent(services, hit.id, hit.path);
      return content ? new vscode.Hover(content, hit.range) : undefined;
    },
  }));
}

/** The hover's Markdown; undefined when nothing defines the ID (its diagnostic says so). */
export function hoverContent(services: Services, id: string, from?: string): vscode.MarkdownString | undefined {
  const core = services.specs.core;
  const defs = from ? core.index.resolve(id, from) : core.index.definitions(id);
  const def = defs[0];
  if (!def) return undefined;
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: ['specboard.showReferences', 'specboard.revealRequirement'] };
  md.supportHtml = false;
  md.appendMarkdown(`**${esc(def.id)}**${def.title ? ` · ${esc(def.title)}` : ''}\n\n`);
  const a = def.attributes;
  const fm = core.file(def.path)?.frontMatter?.data ?? {};
  const facts = [
    a.status && `$(circle-filled) ${vscode.l10n.t('Status: {0}', esc(a.status))}`,
    a.priority && `$(flame) ${vscode.l10n.t('Priority: {0}', esc(a.priority))}`,
    (a.release ?? fm.release) !== undefined && `$(tag) ${vscode.l10n.t('Release: {0}', esc(String(a.release ?? fm.release)))}`,
    a.owner && `$(person) ${esc(a.owner)}`,
  ].filter(Boolean);
  if (facts.length) md.appendMarkdown(`${facts.join(' · ')}\n\n`);
  const docName = [fm.id, fm.title].filter((v) => v !== undefined).map((v) => esc(String(v))).join(' — ');
  const where = `${services.specs.core.displayPath(def.path)}:${def.line + 1}`;
  md.appendMarkdown(`$(file) ${vscode.l10n.t('Document: {0}', docName || esc(where))}`);
  if (fm.type !== undefined || fm.stage !== undefined) {
    md.appendMarkdown(` (${[fm.type && String(fm.type).toUpperCase(), fm.stage && stageLabel(String(fm.stage))].filter(Boolean).map((v) => esc(String(v))).join(', ')})`);
  }
  md.appendMarkdown('\n\n');
  if (defs.length > 1) md.appendMarkdown(`$(warning) ${vscode.l10n.t('Defined {0} times', defs.length)}\n\n`);
  if (def.excerpt) {
    // Escaped line by line: appendText would turn spaces into &nbsp; and break wrapping.
    md.appendMarkdown(`---\n\n${def.excerpt.split('\n').map(esc).join('  \n')}\n\n`);
  }
  const links = traceLines(services, def);
  if (links.length) md.appendMarkdown(`---\n\n${links.join('  \n')}\n\n`);
  const counts = core.index.referenceCounts(def);
  const total = counts.code + counts.doc;
  const label = vscode.l10n.t('References: {0} ({1} in code, {2} in docs)', total, counts.code, counts.doc);
  const args = encodeURIComponent(JSON.stringify([id]));
  md.appendMarkdown(total > 0 ? `$(references) [${label}](command:specboard.showReferences?${args})` : `$(references) ${label}`);
  return md;
}

function traceLines(services: Services, def: RequirementDef): string[] {
  const core = services.specs.core;
  const titled = (id: string) => {
    const up = core.definition(id);
    return up ? `\`${id}\` ${esc(up.title)}` : `\`${id}\` $(warning) ${vscode.l10n.t('not defined')}`;
  };
  const out: string[] = [];
  if (def.traces.length) out.push(`$(arrow-up) ${vscode.l10n.t('Traces to: {0}', def.traces.map(titled).join(', '))}`);
  const downstream: string[] = [];
  for (const r of core.index.references(def)) {
    if (!r.inTraces) continue;
    const owner = core.file(r.path)?.requirements.find((d) => d.attributeSpans.traces?.line === r.line);
    if (owner && !downstream.includes(owner.id)) downstream.push(owner.id);
  }
  if (downstream.length) out.push(`$(arrow-down) ${vscode.l10n.t('Traced by: {0}', downstream.map(titled).join(', '))}`);
  return out;
}

/** Escapes Markdown so titles from documents render as text, never as links or HTML. */
function esc(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>$]/g, '\\$&');
}
