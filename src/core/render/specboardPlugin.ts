import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { canonicalKey } from '../attributes';
import type { ParsedFile, RequirementDef } from '../model';
import { parseMarkdown } from '../parseMarkdown';
import type { SpecDiagnostic } from '../types';
import { priorityBadge, problemsChip, referencesChip, statusBadge } from './badges';
import { diagnosticsBlock } from './diagnosticsBlock';
import { escapeHtml } from './escape';
import { iconSprite } from './icons';
import { linkIds } from './linkIds';
import { ENV_KEY, type RenderContext } from './renderContext';
import { DEFAULT_PRIORITIES, DEFAULT_STATUSES } from '../transitions';

/** What a render passes through markdown-it's env; `parsed` saves parsing the text twice. */
export interface RenderEnv {
  readonly context: RenderContext;
  readonly parsed?: ParsedFile;
}

export interface PluginOptions {
  /** Supplies the context when the caller cannot put it in env (VS Code's built-in preview). */
  readonly context?: (env: Record<string, unknown>) => RenderContext | undefined;
}

/**
 * The markdown-it plugin behind every Specboard rendering: requirement headings and table rows
 * get anchors and status/priority badges, requirement IDs become links, and problems appear as
 * callouts next to the block they concern. All markup it adds is built from escaped strings.
 */
export function specboardPlugin(md: MarkdownIt, options: PluginOptions = {}): void {
  md.renderer.rules.sb_html = (tokens, idx) => tokens[idx].content;
  md.core.ruler.push('specboard', (state) => {
    const env = (state.env as Record<string, unknown> | undefined)?.[ENV_KEY] as RenderEnv | undefined;
    const context = env?.context ?? options.context?.(state.env as Record<string, unknown>);
    if (!context) return;
    const parsed = env?.parsed ?? parseMarkdown('', state.src, context.locale);
    decorate(state, context, parsed);
    // Pages rendered by renderDocument carry the sprite already; a host's own preview does not.
    if (!env && parsed.requirements.length) {
      const sprite = new state.Token('sb_html', '', 0);
      sprite.content = iconSprite();
      state.tokens.unshift(sprite);
    }
  });
}

function decorate(state: StateCore, ctx: RenderContext, parsed: ParsedFile): void {
  const tokens = state.tokens;
  const byLine = new Map(parsed.requirements.map((d) => [d.line, d]));
  const attributeLists = new Set<number>();
  for (const d of parsed.requirements) {
    const lines = Object.values(d.attributeSpans).map((s) => s.line);
    if (d.form === 'heading' && lines.length) attributeLists.add(Math.min(...lines));
  }
  const fmEnd = parsed.frontMatter?.endLine ?? -1;
  const problems = (ctx.diagnostics ?? []).filter((d) => d.range.start.line > fmEnd);
  const html = (content: string, block: boolean) => {
    const t = new state.Token('sb_html', '', 0);
    t.content = content;
    t.block = block;
    return t;
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const line = t.map?.[0];
    if (t.type === 'heading_open' && line !== undefined && byLine.get(line)?.form === 'heading') {
      const def = byLine.get(line)!;
      markRequirement(t, def);
      const close = tokens.findIndex((x, j) => j > i && x.type === 'heading_close');
      tokens.splice(close + 1, 0, html(metaRow(def, ctx, problemsOf(def, problems)), true));
    } else if (t.type === 'bullet_list_open' && line !== undefined && attributeLists.has(line)) {
      t.attrJoin('class', 'sb-attributes');
    } else if ((t.type === 'list_item_open' || t.type === 'paragraph_open') && line !== undefined && isLooseDefinition(byLine.get(line), t, tokens[i - 1])) {
      // `- **FR-001**: …` and `**FR-12: Title**`: badges follow the requirement's first line.
      const def = byLine.get(line)!;
      markRequirement(t, def);
      const inline = tokens.slice(i + 1).find((x) => x.type === 'inline');
      if (inline) inline.children = [...(inline.children ?? []), html(inlineMeta(def, ctx, problemsOf(def, problems)), false)];
    } else if (t.type === 'table_open') {
      decorateTable(tokens, i, byLine, ctx, problems, html);
    }
  }
  for (const t of tokens) {
    if (t.type === 'inline' && t.children) t.children = linkIds(t.children, ctx, state);
    if (ctx.sourceLines && t.map && t.nesting === 1) {
      t.attrJoin('class', 'code-line');
      t.attrSet('data-line', String(t.map[0]));
    }
  }
  if (problems.length) placeDiagnostics(tokens, problems, ctx, html);
}

function markRequirement(t: Token, def: RequirementDef): void {
  t.attrSet('id', def.id);
  t.attrJoin('class', def.form === 'heading' ? 'sb-req-heading' : def.form === 'table' ? 'sb-req-row' : 'sb-req-item');
  t.attrSet('data-sb-req', def.id);
}

/** The list item or paragraph that defines `def` (a list item's paragraph is the item's, not its own). */
function isLooseDefinition(def: RequirementDef | undefined, t: Token, previous: Token | undefined): boolean {
  if (!def) return false;
  if (def.form === 'list') return t.type === 'list_item_open';
  return def.form === 'paragraph' && t.type === 'paragraph_open' && previous?.type !== 'list_item_open';
}

/** Status and priority badges, references and problems, inline after a list or paragraph requirement. */
function inlineMeta(def: RequirementDef, ctx: RenderContext, problems: readonly SpecDiagnostic[]): string {
  const a = def.attributes;
  const facts = ctx.facts?.(def.id);
  const parts = [
    a.status ? statusBadge(ctx.locale, a.status, ctx.statuses ?? DEFAULT_STATUSES) : '',
    a.priority ? priorityBadge(ctx.locale, a.priority, ctx.priorities ?? DEFAULT_PRIORITIES) : '',
    facts ? referencesChip(facts.codeReferences, ctx.locale, true) : '',
    problemsChip(problems, ctx.locale, true),
  ].join('');
  return parts ? `<span class="sb-item-chips" data-sb-meta="${escapeHtml(def.id)}">${parts}</span>` : '';
}

/** Problems that concern one requirement: on its lines, or naming it. */
function problemsOf(def: RequirementDef, list: readonly SpecDiagnostic[]): SpecDiagnostic[] {
  const last = def.form === 'table' ? def.line : def.endLine;
  return list.filter((d) => d.data?.id === def.id || (d.range.start.line >= def.line && d.range.start.line <= last));
}

function metaRow(def: RequirementDef, ctx: RenderContext, problems: readonly SpecDiagnostic[]): string {
  const a = def.attributes;
  const parts = [
    a.status ? statusBadge(ctx.locale, a.status, ctx.statuses ?? DEFAULT_STATUSES) : '',
    a.priority ? priorityBadge(ctx.locale, a.priority, ctx.priorities ?? DEFAULT_PRIORITIES) : '',
  ];
  const facts = ctx.facts?.(def.id);
  if (facts) parts.push(referencesChip(facts.codeReferences, ctx.locale));
  parts.push(problemsChip(problems, ctx.locale));
  return `<div class="sb-req-meta" data-sb-meta="${escapeHtml(def.id)}">${parts.join('')}</div>\n`;
}

type HtmlToken = (content: string, block: boolean) => Token;

function decorateTable(
  tokens: Token[], start: number, byLine: ReadonlyMap<number, RequirementDef>, ctx: RenderContext,
  problems: readonly SpecDiagnostic[], html: HtmlToken,
): void {
  const keys: string[] = [];
  let i = start + 1;
  for (; i < tokens.length && tokens[i].type !== 'thead_close'; i++) {
    if (tokens[i].type === 'inline') keys.push(canonicalKey(tokens[i].content));
  }
  let def: RequirementDef | undefined;
  let column = 0;
  for (; i < tokens.length && tokens[i].type !== 'table_close'; i++) {
    const t = tokens[i];
    if (t.type === 'tr_open') {
      const d = t.map ? byLine.get(t.map[0]) : undefined;
      def = d?.form === 'table' ? d : undefined;
      if (def) markRequirement(t, def);
      column = 0;
    } else if (t.type === 'td_open') {
      const inline = tokens[i + 1];
      if (def && inline?.type === 'inline') {
        const key = keys[column];
        const value = def.attributes[key];
        if (key === 'status' && value) inline.children = [html(statusBadge(ctx.locale, value, ctx.statuses ?? DEFAULT_STATUSES), false)];
        else if (key === 'priority' && value) inline.children = [html(priorityBadge(ctx.locale, value, ctx.priorities ?? DEFAULT_PRIORITIES), false)];
        else if (column === 0) {
          const facts = ctx.facts?.(def.id);
          const chips = (facts ? referencesChip(facts.codeReferences, ctx.locale, true) : '') + problemsChip(problemsOf(def, problems), ctx.locale, true);
          if (chips) inline.children = [...(inline.children ?? []), html(`<span class="sb-row-chips">${chips}</span>`, false)];
        }
      }
      column++;
    }
  }
}

/**
 * Puts each problem after the top-level block that contains its line (or before the next block
 * when the line is blank), so a reader sees it where it applies.
 */
function placeDiagnostics(tokens: Token[], problems: readonly SpecDiagnostic[], ctx: RenderContext, html: HtmlToken): void {
  const blocks: { start: number; end: number; open: number; close: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.level !== 0 || !t.map || t.nesting === -1) continue;
    let close = i;
    if (t.nesting === 1) {
      let depth = 0;
      for (let j = i; j < tokens.length; j++) {
        depth += tokens[j].nesting;
        if (depth === 0) { close = j; break; }
      }
    }
    blocks.push({ start: t.map[0], end: t.map[1], open: i, close });
    i = close;
  }
  const at = new Map<number, SpecDiagnostic[]>();
  for (const d of problems) {
    const line = d.range.start.line;
    const inside = blocks.find((b) => line >= b.start && line < b.end);
    const next = blocks.find((b) => b.start > line);
    let index = inside ? inside.close + 1 : next ? next.open : tokens.length;
    // A requirement heading's badge row belongs with the heading: problems go below it.
    while (inside && tokens[index]?.type === 'sb_html') index++;
    at.set(index, [...(at.get(index) ?? []), d]);
  }
  for (const index of [...at.keys()].sort((a, b) => b - a)) {
    tokens.splice(index, 0, html(diagnosticsBlock(at.get(index)!, ctx.locale), true));
  }
}
