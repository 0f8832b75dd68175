import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { canonicalKey } from '../attributes';
import type { ParsedFile, RequirementDef } from '../model';
import { joinCjkBreaks } from './joinCjkBreaks';
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

/** A document the host renders, as the host's render call describes it. */
export interface HostDocument {
  readonly context: RenderContext;
  /** The text the host parsed, so requirements are found on the same lines as its tokens. */
  readonly text: string;
}

export interface PluginOptions {
  /**
   * For a host that parses first and says which document it is only when it renders (VS Code's
   * built-in preview passes `currentDocument` in the render env, and caches the parsed tokens):
   * the document being rendered, or undefined to render it unchanged.
   */
  readonly host?: (env: Record<string, unknown>) => HostDocument | undefined;
}

type TokenClass = StateCore['Token'];

/**
 * The markdown-it plugin behind every Specboard rendering: requirement headings and table rows
 * get anchors and status/priority badges, requirement IDs become links, and problems appear as
 * callouts next to the block they concern. All markup it adds is built from escaped strings.
 */
export function specboardPlugin(md: MarkdownIt, options: PluginOptions = {}): void {
  md.renderer.rules.sb_html = (tokens, idx) => tokens[idx].content;
  // Specboard's own renders put the context in env before parsing: decorate the parsed tokens.
  md.core.ruler.push('specboard', (state) => {
    const env = (state.env as Record<string, unknown> | undefined)?.[ENV_KEY] as RenderEnv | undefined;
    if (!env) return;
    decorate(state.tokens, state.Token, env.context, env.parsed ?? parseWith(state.src, env.context));
  });
  const host = options.host;
  if (!host) return;
  // A host's render: decorate a copy of its tokens (it may render the same cached tokens again).
  const render = md.renderer.render.bind(md.renderer);
  const Token = md.core.State.prototype.Token;
  md.renderer.render = (tokens, renderOptions, env: Record<string, unknown> | undefined) => {
    const doc = env && !env[ENV_KEY] ? host(env) : undefined;
    if (!doc) return render(tokens, renderOptions, env);
    const parsed = parseWith(doc.text, doc.context);
    if (!parsed.requirements.length && !parsed.tokens.length) return render(tokens, renderOptions, env);
    const copy = tokens.map(cloneToken);
    joinCjkBreaks(copy);
    decorate(copy, Token, doc.context, parsed);
    return (parsed.requirements.length ? iconSprite() : '') + render(copy, renderOptions, env);
  };
}

function parseWith(text: string, context: RenderContext): ParsedFile {
  return parseMarkdown(context.source?.path ?? '', text, context.locale, context.source?.options);
}

/** A copy of a token that decorating may change without touching the original (attributes and children included). */
function cloneToken(t: Token): Token {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(t) as object) as Token, t);
  if (t.attrs) copy.attrs = t.attrs.map((a) => [a[0], a[1]]);
  if (t.children) copy.children = t.children.map(cloneToken);
  return copy;
}

function decorate(tokens: Token[], Token: TokenClass, ctx: RenderContext, parsed: ParsedFile): void {
  const byLine = new Map(parsed.requirements.map((d) => [d.line, d]));
  // Table rows that summarise a requirement the document details elsewhere (a 需求列表 above 需求说明).
  const summaries = new Map<number, RequirementDef>();
  for (const d of parsed.requirements) for (const r of d.otherIdRanges ?? []) if (!byLine.has(r.start.line)) summaries.set(r.start.line, d);
  const attributeLists = new Set<number>();
  for (const d of parsed.requirements) {
    const lines = Object.values(d.attributeSpans).map((s) => s.line);
    if (d.form === 'heading' && lines.length) attributeLists.add(Math.min(...lines));
  }
  const fmEnd = parsed.frontMatter?.endLine ?? -1;
  const problems = (ctx.diagnostics ?? []).filter((d) => d.range.start.line > fmEnd);
  const html = (content: string, block: boolean) => {
    const t = new Token('sb_html', '', 0);
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
      decorateTable(tokens, i, byLine, summaries, ctx, problems, html);
    }
  }
  for (const t of tokens) {
    if (t.type === 'inline' && t.children) t.children = linkIds(t.children, ctx, Token);
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
/**
 * The problems inside a requirement's own lines. Not every problem that names its ID: each copy of
 * an ID defined 5,000 times would list the 5,000 duplicate-id problems of all the others.
 */
function problemsOf(def: RequirementDef, list: readonly SpecDiagnostic[]): SpecDiagnostic[] {
  const last = def.form === 'table' ? def.line : def.endLine;
  return list.filter((d) => d.range.start.line >= def.line && d.range.start.line <= last);
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
  tokens: Token[], start: number, byLine: ReadonlyMap<number, RequirementDef>, summaries: ReadonlyMap<number, RequirementDef>,
  ctx: RenderContext, problems: readonly SpecDiagnostic[], html: HtmlToken,
): void {
  const keys: string[] = [];
  let i = start + 1;
  for (; i < tokens.length && tokens[i].type !== 'thead_close'; i++) {
    if (tokens[i].type === 'inline') keys.push(canonicalKey(tokens[i].content));
  }
  let def: RequirementDef | undefined;
  let summary = false;
  let column = 0;
  for (; i < tokens.length && tokens[i].type !== 'table_close'; i++) {
    const t = tokens[i];
    if (t.type === 'tr_open') {
      const d = t.map ? byLine.get(t.map[0]) : undefined;
      def = d?.form === 'table' ? d : undefined;
      if (def) markRequirement(t, def);
      // A summary row gets the same badges, read from the requirement it summarises, but neither its
      // anchor nor its problems: those stay with the detailed definition.
      summary = !def && t.map !== null && summaries.has(t.map[0]);
      if (summary) {
        def = summaries.get(t.map![0]);
        t.attrJoin('class', 'sb-req-row sb-req-summary');
      }
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
          const chips = (facts ? referencesChip(facts.codeReferences, ctx.locale, true) : '') + (summary ? '' : problemsChip(problemsOf(def, problems), ctx.locale, true));
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
