import type { Token } from 'markdown-it';
import { copySpans, sealSpans, setSpan, SPANS } from '../attributeSpans';
import { canonicalKey, stripInline } from '../attributes';
import { scanDocIds } from '../ids';
import type { Heading, RequirementDef } from '../model';
import { ID_RANGE, idRangeSlot, LINE_RANGE, lineRangeSlot, packLine, packRange, shiftPacked } from '../packedRanges';
import { intern, own } from '../strings';
import { isDelimiterRow, splitRow } from '../tableRow';
import { range } from '../text';
import type { Range } from '../types';
import { checkedRequirementId, headingId, isCriteriaHeading, lineId, looseId, mayDefine, secondHeadingId, seriesPrefix, trailingHeadingId, type FoundId } from './definitionForms';
import { keyValue } from './keyValue';
import { definitionOf, headingOf, type DefFields } from './parsedObjects';
import type { ParseOptions } from './parseOptions';
import { sectionKind, type SectionKind } from './requirementContext';
import { readRequirementTable, readVerticalTable } from './requirementTable';
import { titleParts } from './titleParts';
import { defaultVocabulary } from '../vocabulary';
import { toSimplified } from '../toSimplified';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
export type MutableDef = Mutable<RequirementDef> & { attributes: Record<string, string> };
interface ListFrame {
  readonly ordered: boolean;
  readonly start: number;
  count: number;
  readonly criteria?: OpenSection['criteria'];
  /** The list's opening token, to count its items' dash-less ID prefixes when one is needed (see seriesPrefix). */
  readonly open: number;
  letters?: ReadonlyMap<string, number>;
}

/** Where the reader puts what it finds, in document order. */
export interface ReadSink {
  readonly headings: Heading[];
  readonly requirements: RequirementDef[];
  /** Lines where a top-level block starts, when the caller keeps them (re-parsing restarts there). */
  readonly blocks?: number[];
}

/**
 * Where the body of each heading requirement starts (after its attribute list): the excerpt is
 * read from there, and a re-parse that restarts inside the body needs it to close the requirement.
 */
const bodyStarts = new WeakMap<RequirementDef, number>();

export function bodyStartOf(def: RequirementDef): number {
  return bodyStarts.get(def) ?? def.line + 1;
}

/** One open heading: the section it starts and, when it defines a requirement, that requirement. */
export interface OpenSection {
  readonly level: number;
  readonly text: string;
  /** What the heading says about its section (see sectionKind), worked out when first needed; null: nothing. */
  kind?: SectionKind | null;
  def?: MutableDef;
  /** First body line of the requirement (after its attribute list). */
  bodyFrom?: number;
  /** Kiro: this section numbers acceptance criteria of requirement `parent`. */
  criteria?: { readonly parent: string; next: number };
  /** Kiro's `Requirement N`: the one form whose acceptance criteria are numbered `N.k`. */
  numbered?: boolean;
}

const EXCERPT_LINES = 3;
const EXCERPT_CHARS = 280;
const HEADING_LINE = /^ {0,3}#{1,6}(?:\s|$)/;
const TASK_ITEM = /^\[[ xX]\]\s/;
const NOTE = /^(?:\*\*|__)?(?:注|备注|说明|note|notes)(?:\*\*|__)?\s*[:：]/i;

/**
 * Turns markdown-it's block tokens into headings and requirement definitions. Block structure is
 * markdown-it's (so the index sees what the preview shows); this class only decides which blocks
 * define requirements, reading the definition forms real documents use.
 */
export class BlockReader {
  /** Lines of HTML comments: nothing in them is shown, so nothing in them counts. */
  readonly hidden: [number, number][] = [];
  /** Lines of code and HTML blocks: examples, whose IDs count only if something defines them. */
  readonly code: [number, number][] = [];
  /** Lines where a definition's ID is written (not a reference) and where `traces` values are. */
  readonly definitionIds = new Map<number, [number, number][]>();
  readonly traceValues = new Map<number, [number, number][]>();
  private tokens: Token[] = [];
  private readonly consumed = new Set<number>();

  constructor(
    private readonly lines: readonly string[],
    private readonly path: string,
    private readonly options: ParseOptions,
    /** What the file's path or front matter says: it holds requirements, or only cites them. */
    private readonly documentContext: 'requirements' | 'companion' | undefined,
    private readonly out: ReadSink,
    /** Record where each heading requirement's body starts (for a re-parse that reopens it). */
    private readonly keepBodies = false,
  ) {}

  /**
   * Reads `tokens` under the open sections `stack`. `stopAt` is asked at each top-level ATX heading
   * and can end the read there (the caller reuses what it knows from that line on); returns that
   * line, or undefined when the tokens ran out.
   */
  read(tokens: Token[], stack: OpenSection[], stopAt?: (line: number, stack: readonly OpenSection[]) => boolean): number | undefined {
    // Called once per run of tokens (see readBlocks): token indices are the run's own.
    this.tokens = tokens;
    this.consumed.clear();
    const items: { item: Token; first: boolean; number: number }[] = [];
    const lists: ListFrame[] = [];
    const blocks = this.out.blocks;
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k];
      if (blocks && t.level === 0 && t.nesting !== -1 && t.map) blocks.push(t.map[0]);
      // A list item's first block is where an ID defines the item; any block after it is not.
      const parentItem = items.length && t.nesting !== -1 && t.level === items[items.length - 1].item.level + 1 ? items[items.length - 1] : undefined;
      const isFirst = parentItem?.first ?? false;
      if (parentItem && t.nesting !== -1 && t.type !== 'inline') parentItem.first = false;
      switch (t.type) {
        case 'heading_open': {
          const line = t.map![0];
          if (t.level === 0 && t.markup.startsWith('#') && stopAt?.(line, stack)) {
            // The sections this heading ends close here; the caller knows everything from here on.
            const level = Number(t.tag.slice(1));
            while (stack.length && stack[stack.length - 1].level >= level) this.closeDef(stack.pop()!, line - 1);
            return line;
          }
          k = this.heading(k, stack);
          break;
        }
        case 'bullet_list_open':
        case 'ordered_list_open': {
          const criteria = t.level === 0 || !parentItem ? openCriteria(stack) : undefined;
          // Bullet lists may come from the simple-document fast path, whose tokens carry no attributes.
          const ordered = t.type === 'ordered_list_open';
          lists.push({ ordered, start: ordered ? Number(t.attrGet('start') ?? 1) : 1, count: 0, criteria, open: k });
          break;
        }
        case 'bullet_list_close':
        case 'ordered_list_close':
          lists.pop();
          break;
        case 'list_item_open': {
          const list = lists[lists.length - 1];
          const number = list ? list.start + list.count++ : 1;
          items.push({ item: t, first: true, number });
          break;
        }
        case 'list_item_close':
          items.pop();
          break;
        case 'paragraph_open': {
          const list = lists[lists.length - 1];
          if (isFirst && list?.criteria && items.length === lists.length) {
            k = this.criterion(k, list.criteria, stack, parentItem!.item);
          } else {
            k = this.paragraph(k, stack, isFirst ? parentItem!.item : undefined, isFirst ? list : undefined);
          }
          break;
        }
        case 'table_open':
          k = this.table(k, stack);
          break;
        case 'html_block':
          if (t.content.trimStart().startsWith('<!--')) this.hidden.push([t.map![0], t.map![1]]);
          else this.code.push([t.map![0], t.map![1]]);
          break;
        case 'fence':
        case 'code_block':
          this.code.push([t.map![0], t.map![1]]);
          break;
      }
    }
    return undefined;
  }

  /** Closes the requirements still open at `endLine` (the end of the document). */
  closeAll(stack: readonly OpenSection[], endLine: number): void {
    for (const s of stack) if (s.def) this.closeDef(s, endLine);
  }

  private heading(k: number, stack: OpenSection[]): number {
    const open = this.tokens[k];
    const inline = this.tokens[k + 1];
    const line = open.map![0];
    const level = Number(open.tag.slice(1));
    const content = inline.content;
    while (stack.length && stack[stack.length - 1].level >= level) this.closeDef(stack.pop()!, line - 1);
    const oneLine = content.includes('\n') ? content.replace(/\n/g, ' ') : content;
    const context = this.context(stack);
    const found = headingId(oneLine) ?? (context === 'requirements' ? trailingHeadingId(oneLine) : undefined);
    const section: OpenSection = { level, text: own(oneLine) };
    if (found && mayDefine(found, context, this.options, 'heading')) {
      const column = this.column(line, firstLine(content));
      const def = this.newDef(found, 'heading', line, column, this.sectionText(stack));
      const second = found.form ? undefined : secondHeadingId(found.rest);
      this.applyTitle(def, second ? found.rest.slice(0, second.titleEnd) : found.rest, line);
      if (second) {
        // The slash's offset within `rest` is kept from the heading's text, where `rest` ends it.
        const restStart = oneLine.length - found.rest.length;
        const other = this.newDef({ ...second, start: restStart + second.start, end: restStart + second.end }, 'heading', line, column, this.sectionText(stack));
        this.applyTitle(other, second.rest, line);
        sealSpans(other);
      }
      section.def = def;
      section.bodyFrom = open.map![1];
      if (found.form === 'numbered') section.numbered = true;
      this.out.headings.push(headingOf(line, level, section.text, lineRangeSlot(def), def.id, open.level > 0));
      stack.push(section);
      const close = k + 2;
      const attrs = this.attributeList(close + 1, def);
      if (attrs !== undefined) section.bodyFrom = attrs;
      return close;
    }
    if (isCriteriaHeading(content)) {
      const parent = [...stack].reverse().find((s) => s.def);
      if (parent?.numbered) section.criteria = { parent: parent.def!.id, next: 1 };
    }
    this.out.headings.push(headingOf(line, level, section.text, packLine(line, 0, this.lines[line].length), undefined, open.level > 0));
    stack.push(section);
    return k + 2;
  }

  /** A paragraph: the first block of a list item, a bold paragraph, or plain text. */
  private paragraph(k: number, stack: OpenSection[], item: Token | undefined, list?: ListFrame): number {
    // The `Key: value` line of an attribute list already read.
    if (this.consumed.has(k)) return k + 2;
    const open = this.tokens[k];
    const inline = this.tokens[k + 1];
    const line = open.map![0];
    const first = firstLine(inline.content);
    const context = this.context(stack);
    this.embeddedTable(open.map![0], open.map![1], stack);
    const top = stack[stack.length - 1];
    if (!item && top?.numbered && isCriteriaHeading(inline.content)) {
      top.criteria = { parent: top.def!.id, next: 1 };
      return k + 2;
    }
    // A task list item (`- [ ] T001 …`) is work, not a requirement, unless it leads with a marked ID
    // and a separator, as requirement checklists do (`- [x] **AUTH-01**: User can log in`).
    const task = TASK_ITEM.exec(first);
    if (task && !item) return k + 2;
    const text = task ? first.slice(task[0].length) : first;
    const found = task ? checkedRequirementId(text) : item ? looseId(text) : lineId(text);
    if (!item) this.continuationLines(open.map![0] + 1, open.map![1], stack);
    if (!found) return k + 2;
    if (!mayDefine(found, context, this.options, 'loose')) return k + 2;
    const series = seriesPrefix(found.id);
    if (series && item && list && ((list.letters ??= this.itemLetters(list.open)).get(series) ?? 0) < 2) return k + 2;
    const column = this.column(line, first) + (task ? task[0].length : 0);
    const def = this.newDef(found, item ? 'list' : 'paragraph', line, column, this.sectionText(stack));
    this.applyTitle(def, found.rest, line);
    const body = inline.content.split('\n');
    body[0] = found.rest;
    this.setExcerpt(def, () => excerptOf(body));
    const end = item ? lastContentLine(this.lines, item.map![0], item.map![1]) : open.map![1] - 1;
    def.endLine = Math.max(line, end);
    // Attributes: the list right after a bold paragraph, or the first list inside the item.
    const next = item ? this.childListIndex(k + 3, item) : k + 3;
    if (next !== undefined) this.attributeList(next, def);
    sealSpans(def);
    return k + 2;
  }

  /**
   * Definitions written one per line with no blank line between them (`FR-1: …` under a
   * `3.1 Functional requirements` line) make one paragraph for CommonMark; a reader sees a list
   * of definitions. In a requirements context each such line defines, as a paragraph would.
   */
  private continuationLines(from: number, to: number, stack: OpenSection[]): void {
    const context = this.context(stack);
    if (context !== 'requirements') return;
    for (let line = from; line < to; line++) {
      const text = this.lines[line].trimStart();
      const found = lineId(text);
      if (!found || !mayDefine(found, context, this.options, 'loose')) continue;
      const def = this.newDef(found, 'paragraph', line, this.lines[line].length - text.length, this.sectionText(stack));
      this.applyTitle(def, found.rest, line);
      this.setExcerpt(def, () => excerptOf([found.rest]));
      sealSpans(def);
    }
  }

  /** A definition's excerpt (its hover text), unless the parse was asked to leave excerpts out. */
  private setExcerpt(def: MutableDef, make: () => string): void {
    if (this.options.excerpts !== false) def.excerpt = own(make());
  }

  /** One numbered acceptance criterion of a Kiro requirement: `1.2` for the second under Requirement 1. */
  private criterion(k: number, criteria: NonNullable<OpenSection['criteria']>, stack: OpenSection[], item: Token): number {
    const open = this.tokens[k];
    const inline = this.tokens[k + 1];
    const line = open.map![0];
    const first = firstLine(inline.content);
    // A note at the end of the criteria (`注：…`, `Note: …`) is not a criterion.
    if (NOTE.test(toSimplified(first))) return k + 2;
    const id = `${criteria.parent}.${criteria.next++}`;
    const column = this.column(line, first);
    const found: FoundId = { id, shape: 'numeric', start: 0, end: 0, rest: first };
    // Nothing of the ID is written on the line: its range is the item's marker, for navigation.
    const def = this.newDef(found, 'list', line, column, this.sectionText(stack), range(line, 0, line, Math.max(1, column)));
    def.title = own(titleParts(first).title);
    if (def.title) def.attributes.title = def.title;
    this.setExcerpt(def, () => excerptOf(inline.content.split('\n')));
    def.endLine = Math.max(line, lastContentLine(this.lines, item.map![0], item.map![1]));
    sealSpans(def);
    return k + 2;
  }

  /** A GFM table; one whose header names an ID column defines a requirement per row. */
  private table(k: number, stack: OpenSection[]): number {
    const open = this.tokens[k];
    let close = k;
    const rows: number[] = [];
    while (this.tokens[close].type !== 'table_close') {
      const t = this.tokens[close];
      // GFM takes a line without a pipe right under a table as a row; nobody writes a requirement so.
      if (t.type === 'tr_open' && t.map && t.map[0] > open.map![0] && this.lines[t.map[0]].includes('|')) rows.push(t.map[0]);
      close++;
    }
    this.tableRows(open.map![0], rows, stack);
    return close;
  }

  /**
   * A table written right under a list item's text, without the blank line CommonMark needs, is
   * part of that paragraph for markdown-it; PMs mean a table, so it is read as one.
   */
  private embeddedTable(from: number, to: number, stack: OpenSection[]): void {
    for (let i = from + 1; i + 1 < to; i++) {
      if (!this.lines[i].includes('|') || !isDelimiterRow(this.lines[i + 1])) continue;
      if (splitRow(this.lines[i]).length !== splitRow(this.lines[i + 1]).length) continue;
      const rows: number[] = [];
      for (let r = i + 2; r < to && this.lines[r].includes('|'); r++) rows.push(r);
      this.tableRows(i, rows, stack);
      return;
    }
  }

  private tableRows(headerLine: number, rows: readonly number[], stack: OpenSection[]): void {
    const table = readRequirementTable(this.lines, headerLine, rows) ?? readVerticalTable(this.lines, headerLine, rows);
    if (!table || table.kind !== 'requirements') return;
    // A table with an ID column and a title, text or priority column is explicit enough to define
    // anywhere but in risks, glossaries and histories: under "需求矩阵" it is the list of
    // requirements. Where nothing says requirements (a backlog: `| ID | Item | Notes |`), only such a one.
    const kind = this.sectionKind(stack);
    if (kind === undefined && !table.vertical && !table.explicit) return;
    const context = kind === 'other' || kind === 'companion' ? 'blocked' : 'requirements';
    const section = this.sectionText(stack);
    for (const row of table.rows) {
      if (!mayDefine(row.id, context, this.options, 'loose')) continue;
      const found: FoundId = { id: row.id.id, shape: row.id.shape, start: 0, end: 0, rest: row.title };
      const def = this.newDef(found, 'table', row.line, row.idStart, section);
      if (!table.vertical) def.tableHeaderLine = headerLine;
      const title = titleParts(row.title);
      def.title = own(title.title);
      if (def.title) def.attributes.title = def.title;
      if (title.priority) def.attributes.priority = intern(this.value('priority', title.priority));
      for (const cell of row.cells) {
        if (cell.key === 'title' || (cell.value === row.title && cell.key !== 'description')) continue;
        if (cell.line === undefined) this.setAttribute(def, cell.key, cell.header, cell.value, row.line, headerLine, 0, this.lines[headerLine].length, cell.start, cell.end);
        else this.setAttribute(def, cell.key, cell.header, cell.value, cell.line, cell.line, cell.keyStart ?? 0, cell.keyEnd ?? 0, cell.start, cell.end);
      }
      this.setExcerpt(def, () => (def.attributes.description ?? '').slice(0, EXCERPT_CHARS));
      sealSpans(def);
    }
  }

  /**
   * Reads the list at token `k` as the attribute list of `def` when every top-level item is
   * `Key: value` (items may be loose, use any bullet and hold nested sub-items). Returns the line
   * after the list, or undefined when the list (or the token) is something else.
   */
  private attributeList(k: number, def: MutableDef): number | undefined {
    let end: number | undefined;
    // `- A: 1` then `* B: 2` are two lists for CommonMark (the bullet changed); PMs mean one.
    for (let list = this.tokens[k]; isListOpen(list); list = this.tokens[k]) {
      const close = this.attributeItems(k, def);
      if (close === undefined) break;
      end = list.map![1];
      k = close + 1;
    }
    return end;
  }

  /** Reads one list of `Key: value` items into `def`; returns the index of its closing token. */
  private attributeItems(k: number, def: MutableDef): number | undefined {
    const list = this.tokens[k];
    const found: { line: number; kv: NonNullable<ReturnType<typeof keyValue>>; column: number; paragraph: number }[] = [];
    let j = k + 1;
    for (; this.tokens[j].level > list.level; j++) {
      const t = this.tokens[j];
      if (t.type !== 'list_item_open' || t.level !== list.level + 1) continue;
      const para = this.tokens[j + 1];
      if (para?.type !== 'paragraph_open') return undefined;
      const first = firstLine(this.tokens[j + 2].content);
      const kv = keyValue(first);
      if (!kv) return undefined;
      found.push({ line: para.map![0], kv, column: this.column(para.map![0], first), paragraph: j + 1 });
    }
    if (found.length === 0) return undefined;
    for (const { line, kv, column, paragraph } of found) {
      this.consumed.add(paragraph);
      const text = this.lines[line];
      const keyStart = column + kv.keyStart;
      const valueStart = column + kv.valueStart;
      const valueEnd = Math.max(valueStart, text.trimEnd().length);
      this.setAttribute(def, canonicalKey(kv.key), kv.key, stripInline(kv.value), line, line, keyStart, keyStart + kv.key.length, valueStart, valueEnd);
    }
    return j;
  }

  private setAttribute(def: MutableDef, key: string, written: string, value: string, line: number, keyLine: number, keyStart: number, keyEnd: number, valueStart: number, valueEnd: number): void {
    def.attributes[key] = intern(key === 'status' || key === 'priority' ? this.value(key, value) : value);
    setSpan(def, key, written, line, keyLine, keyStart, keyEnd, valueStart, valueEnd);
    if (key === 'traces') {
      def.traces = scanDocIds(value).map((m) => own(m.id));
      push(this.traceValues, line, [valueStart, valueEnd]);
    }
  }

  private value(field: 'status' | 'priority', raw: string): string {
    return (this.options.vocabulary ?? defaultVocabulary)(field, raw);
  }

  /** Title and a trailing priority (`登录（P0）`) of a heading, list item or paragraph definition. */
  private applyTitle(def: MutableDef, rest: string, line: number): void {
    const parts = titleParts(rest);
    def.title = own(parts.title);
    if (def.title) def.attributes.title = def.title;
    if (parts.priority) {
      def.attributes.priority = intern(this.value('priority', parts.priority));
      const at = this.lines[line].lastIndexOf(parts.priority);
      if (at >= 0) setSpan(def, 'priority', 'priority', line, line, at, at + parts.priority.length, at, at + parts.priority.length);
    }
  }

  private newDef(found: FoundId, form: RequirementDef['form'], line: number, column: number, section: string | undefined, written?: Range): MutableDef {
    const text = this.lines[line];
    const start = column + found.start;
    const end = found.end > found.start ? column + found.end : start + found.id.length;
    const scope = found.shape === 'numeric' ? this.options.numericScope : this.options.scope;
    const fields: DefFields = {
      id: own(found.id), title: '', path: this.path, form, line,
      [ID_RANGE]: written ? packRange(written, line) : packLine(line, start, end), [LINE_RANGE]: packLine(line, 0, text.length), [SPANS]: [],
      endLine: line, attributes: {} as Record<string, string>, traces: NO_TRACES, excerpt: '',
    };
    // Optional fields only when set, without spreading a temporary object for each definition.
    if (section !== undefined) fields.section = section;
    if (scope !== undefined) fields.scope = scope;
    const def = definitionOf(fields);
    this.out.requirements.push(def);
    if (!written) push(this.definitionIds, line, [start, end]);
    return def;
  }

  private closeDef(section: OpenSection, endLine: number): void {
    const def = section.def;
    if (!def) return;
    if (this.keepBodies && section.bodyFrom !== undefined) bodyStarts.set(def, section.bodyFrom);
    def.endLine = Math.max(def.line, endLine);
    this.setExcerpt(def, () => {
      const body: string[] = [];
      for (let i = section.bodyFrom ?? def.line + 1; i <= def.endLine && body.length < EXCERPT_LINES; i++) {
        const text = this.lines[i].trim();
        if (text !== '' && !HEADING_LINE.test(this.lines[i])) body.push(text);
      }
      return excerptOf(body);
    });
    sealSpans(def);
  }

  /** `blocked` inside risks, glossaries, histories and traceability matrices, and in companion documents. */
  private context(stack: readonly OpenSection[]): 'requirements' | 'blocked' | undefined {
    const kind = this.sectionKind(stack);
    return kind === 'requirements' || kind === undefined ? kind : 'blocked';
  }

  private sectionKind(stack: readonly OpenSection[]): SectionKind | 'companion' | undefined {
    if (this.documentContext === 'companion') return 'companion';
    for (let i = stack.length - 1; i >= 0; i--) {
      const section = stack[i];
      if (section.def) return 'requirements';
      if (section.kind === undefined) section.kind = sectionKind(section.text) ?? null;
      if (section.kind) return section.kind;
    }
    return this.documentContext;
  }

  private sectionText(stack: readonly OpenSection[]): string | undefined {
    for (let i = stack.length - 1; i >= 0; i--) if (!stack[i].def) return stack[i].text;
    return undefined;
  }

  /** Column where `content` (a block's first line, as markdown-it trimmed it) starts in its line. */
  private column(line: number, content: string): number {
    const text = this.lines[line];
    // The content is the line's end, both trimmed of trailing space: compare lengths, no copies.
    const length = trimmedLength(content);
    const at = trimmedLength(text) - length;
    return at >= 0 && sameAt(text, at, content, length) ? at : Math.max(0, text.indexOf(content.trim()));
  }

  /** How many items of the list opening at token `k` start with each dash-less ID prefix (`FR1`, `FR2`). */
  private itemLetters(k: number): Map<string, number> {
    const letters = new Map<string, number>();
    const list = this.tokens[k];
    for (let j = k + 1; j < this.tokens.length && this.tokens[j].level > list.level; j++) {
      const t = this.tokens[j];
      if (t.type !== 'inline' || t.level !== list.level + 3 || this.tokens[j - 2]?.type !== 'list_item_open') continue;
      const letter = /^(?:\*\*|__|\[)?([A-Z]+)\d/.exec(t.content)?.[1];
      if (letter) letters.set(letter, (letters.get(letter) ?? 0) + 1);
    }
    return letters;
  }

  /** The token index of the first list directly inside `item` from `k` on, if any. */
  private childListIndex(k: number, item: Token): number | undefined {
    for (let j = k; j < this.tokens.length && this.tokens[j].level > item.level; j++) {
      const t = this.tokens[j];
      if (t.level === item.level + 1 && (t.type === 'bullet_list_open' || t.type === 'ordered_list_open')) return j;
    }
    return undefined;
  }
}

/**
 * The acceptance criteria being numbered where a list starts: those of the nearest enclosing
 * criteria section, through sub-headings (`##### Unit tests`) but not past the requirement.
 */
function openCriteria(stack: readonly OpenSection[]): OpenSection['criteria'] {
  for (let i = stack.length - 1; i >= 0; i--) {
    if (stack[i].criteria) return stack[i].criteria;
    if (stack[i].def) return undefined;
  }
  return undefined;
}

/** True when `text` holds the first `length` characters of `part` at `at`. */
function sameAt(text: string, at: number, part: string, length: number): boolean {
  for (let i = 0; i < length; i++) if (text.charCodeAt(at + i) !== part.charCodeAt(i)) return false;
  return true;
}

function trimmedLength(text: string): number {
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  return end;
}

/** The traces of a definition without any (never changed in place: a definition with traces gets its own list). */
const NO_TRACES: string[] = [];

function firstLine(text: string): string {
  const end = text.indexOf('\n');
  return end < 0 ? text : text.slice(0, end);
}

function isListOpen(t: Token | undefined): t is Token {
  return t?.type === 'bullet_list_open' || t?.type === 'ordered_list_open';
}

function push(map: Map<number, [number, number][]>, line: number, span: [number, number]): void {
  const list = map.get(line);
  if (list) list.push(span);
  else map.set(line, [span]);
}

/** The last non-blank line of a block that markdown-it says spans `[from, to)`. */
function lastContentLine(lines: readonly string[], from: number, to: number): number {
  let end = Math.min(to, lines.length) - 1;
  while (end > from && lines[end].trim() === '') end--;
  return end;
}

function excerptOf(body: readonly string[]): string {
  const picked = body.map((l) => l.trim()).filter((l) => l !== '').slice(0, EXCERPT_LINES);
  const text = picked.join('\n');
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS - 1)}…` : text;
}

/** Moves a definition `delta` lines (text was inserted or deleted above it). */
export function shiftDef(def: RequirementDef, delta: number): RequirementDef {
  const fields: DefFields = {
    id: def.id, title: def.title, path: def.path, form: def.form, line: def.line + delta,
    [ID_RANGE]: shiftPacked(idRangeSlot(def), delta), [LINE_RANGE]: shiftPacked(lineRangeSlot(def), delta), [SPANS]: [], endLine: def.endLine + delta,
    attributes: def.attributes as Record<string, string>, traces: def.traces, excerpt: def.excerpt,
  };
  if (def.section !== undefined) fields.section = def.section;
  if (def.scope !== undefined) fields.scope = def.scope;
  const moved = definitionOf(fields);
  copySpans(def, moved, delta);
  if (def.tableHeaderLine !== undefined) moved.tableHeaderLine = def.tableHeaderLine + delta;
  const body = bodyStarts.get(def);
  if (body !== undefined) bodyStarts.set(moved, body + delta);
  return moved;
}

/**
 * An open copy of a heading requirement, to go on reading its body from the middle (a re-parse
 * that restarts inside it): the reader closes it again with its new end and excerpt.
 */
export function reopenDef(def: RequirementDef): MutableDef {
  const open = shiftDef(def, 0) as MutableDef;
  open.attributes = { ...def.attributes };
  return open;
}
