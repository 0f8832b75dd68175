/**
 * Status and priority words as teams write them, mapped to the canonical values the schemas,
 * the board and the trees use. A value that is already allowed is kept as written (a workspace
 * whose config lists `进行中` as a status keeps it); otherwise the workspace's own aliases, then
 * the built-in ones below, may turn it into an allowed value.
 */

import { editDistance } from './editDistance';
import { LIFECYCLE_STAGES, type LifecycleStage } from './stages';
import { trimChars } from './trimChars';
import { toSimplified } from './toSimplified';

type Table = Readonly<Record<string, string>>;

/** Built-in requirement-status words (lower case, single spaces). */
const STATUS: Table = words({
  proposed: ['proposed', 'draft', 'new', 'open', 'todo', 'to do', 'planned', 'backlog', 'pending', 'tbd', 'review', 'in review',
    'under review', 'not started', 'idea', '提议', '已提出', '草稿', '新建', '待评审', '评审中', '待定', '未开始', '待办', '规划中',
    '计划中', '📝', '🆕', '⬜', '☐'],
  approved: ['approved', 'accepted', 'agreed', 'ready', 'committed', 'confirmed', '已批准', '批准', '已通过', '通过', '已评审',
    '已确认', '确认', '待开发', '已接受'],
  'in-progress': ['in progress', 'in-progress', 'wip', 'doing', 'started', 'active', 'implementing', 'in development',
    'under development', 'ongoing', 'in dev', '进行中', '开发中', '实现中', '处理中', '实施中', '🚧', '🔄', '⏳'],
  done: ['done', 'completed', 'complete', 'implemented', 'finished', 'closed', 'resolved', 'delivered', 'shipped', 'released',
    '已完成', '完成', '已实现', '已上线', '已发布', '已交付', '✅', '✔', '✔️', '☑', '☑️', '🟢'],
  verified: ['verified', 'tested', 'validated', 'passed', 'accepted by qa', '已验证', '已测试', '测试通过', '验收通过', '已验收'],
  rejected: ['rejected', 'declined', "won't do", 'wont do', 'will not do', 'dropped', 'cancelled', 'canceled', 'obsolete', 'removed',
    '已拒绝', '拒绝', '不做', '已取消', '取消', '废弃', '已废弃', '❌', '🚫', '✖', '✖️'],
  deferred: ['deferred', 'postponed', 'on hold', 'later', 'future', 'parked', '已延后', '延后', '延期', '推迟', '暂缓', '搁置', '挂起', '⏸', '⏸️'],
});

/** Built-in priority words: P0 must have … P3 nice to have (MoSCoW, Jira and Chinese scales). */
const PRIORITY: Table = words({
  P0: ['p0', 'critical', 'blocker', 'highest', 'urgent', 'must', 'must have', 'must-have', 'mandatory', 'essential', '紧急', '最高',
    '必须', '必需', '关键', '🔴'],
  P1: ['p1', 'high', 'should', 'should have', 'should-have', 'important', '高', '应该', '重要', '🟠'],
  P2: ['p2', 'medium', 'normal', 'could', 'could have', 'could-have', 'nice to have', 'optional', '中', '可以', '可选', '一般', '🟡'],
  P3: ['p3', 'low', 'lowest', 'minor', "won't", 'wont', "won't have", 'wont have', 'later', '低', '不做', '最低', '🟢'],
});

/** Built-in document-status words (front matter `status`). */
const DOC_STATUS: Table = words({
  draft: ['draft', 'wip', 'in progress', '草稿', '起草中', '编写中', '初稿'],
  review: ['review', 'in review', 'under review', 'reviewing', '评审中', '待评审', '审核中', '待审核'],
  approved: ['approved', 'final', 'accepted', 'released', '已批准', '已通过', '通过', '定稿', '已发布'],
  obsolete: ['obsolete', 'deprecated', 'superseded', 'archived', '已废弃', '废弃', '作废', '已归档'],
});

/** Built-in lifecycle-stage words (front matter `stage`); keyed by stage so none can be left out. */
const STAGE: Table = words<LifecycleStage>({
  concept: ['concept', '概念化', '概念', '概念阶段'],
  productization: ['productization', '产品化', '产品化阶段'],
  development: ['development', '技术化', '开发', '研发'],
  commercialization: ['commercialization', '商品化', '商业化'],
  market: ['market', '市场化', '市场'],
  retired: ['retired', '退市', '已退市'],
});

const BUILT_IN: Readonly<Record<string, Table>> = { status: STATUS, priority: PRIORITY, 'doc.status': DOC_STATUS, 'doc.stage': STAGE };

/** Fields whose values go through a vocabulary. Front-matter fields are prefixed `doc.`. */
export type VocabularyField = 'status' | 'priority' | 'doc.status' | 'doc.stage';

/** Workspace aliases from the config: field → word as written → value. */
export type Aliases = Readonly<Partial<Record<VocabularyField, Readonly<Record<string, string>>>>>;

/**
 * The canonical value for `raw` when it is not allowed as written: the workspace's alias first,
 * then the built-in word, then the word before a qualifier (`High (must)`, `✅ Done`). Returns
 * `raw` unchanged when nothing maps it to an allowed value.
 */
export function canonicalValue(field: VocabularyField, raw: string, allowed: readonly string[], aliases?: Aliases): string {
  if (allowed.includes(raw)) return raw;
  const own = aliases?.[field];
  for (const key of keysOf(raw)) {
    const fromConfig = own ? lookup(own, key) : undefined;
    if (fromConfig !== undefined && allowed.includes(fromConfig)) return fromConfig;
    const builtIn = BUILT_IN[field][key];
    if (builtIn !== undefined && allowed.includes(builtIn)) return builtIn;
    const exact = allowed.find((a) => normalize(a) === key);
    if (exact !== undefined) return exact;
  }
  return raw;
}

const DEFAULT_ALLOWED: Readonly<Record<VocabularyField, readonly string[]>> = {
  status: ['proposed', 'approved', 'in-progress', 'done', 'verified', 'rejected', 'deferred'],
  priority: ['P0', 'P1', 'P2', 'P3'],
  'doc.status': ['draft', 'review', 'approved', 'obsolete'],
  'doc.stage': LIFECYCLE_STAGES,
};

/** The values the built-in schemas allow for each field. */
export function defaultAllowed(field: VocabularyField): readonly string[] {
  return DEFAULT_ALLOWED[field];
}

/** canonicalValue against the built-in values, for parses made without a workspace (previews, edits). */
export function defaultVocabulary(field: VocabularyField, raw: string): string {
  return canonicalValue(field, raw, DEFAULT_ALLOWED[field]);
}

/** Every built-in word of a field that maps to `value` (for hovers and quick-fix ranking). */
export function wordsFor(field: VocabularyField, value: string): string[] {
  return Object.entries(BUILT_IN[field]).filter(([, v]) => v === value).map(([k]) => k);
}

/**
 * The allowed values, closest to what was written first (ties keep their order): the written word
 * is compared with each value and with every word teams use for it, Specboard's own Chinese labels
 * among them, so `进展中` offers `in-progress` (进行中) first and `Hihg` offers `P1` (high).
 */
export function rankAllowed(field: VocabularyField | undefined, written: string, allowed: readonly string[]): string[] {
  const key = normalize(written);
  const closeness = (value: string): number => {
    let best = Infinity;
    for (const form of [value, ...(field ? wordsFor(field, value) : [])]) {
      const word = normalize(form);
      best = Math.min(best, editDistance(key, word) / Math.max(key.length, word.length, 1));
    }
    return best;
  };
  return allowed.map((value, i) => ({ value, i, d: closeness(value) })).sort((a, b) => a.d - b.d || a.i - b.i).map((x) => x.value);
}

/**
 * Parallel word lists teams write values in. A board move keeps the list the file already uses:
 * a PRD that says `状态：进行中` gets `已完成`, not `done`, and `Priority: Must` becomes `Should`.
 */
const FAMILIES: Readonly<Record<'status' | 'priority', readonly Readonly<Record<string, string>>[]>> = {
  status: [
    { proposed: '已提出', approved: '已批准', 'in-progress': '进行中', done: '已完成', verified: '已验证', rejected: '已拒绝', deferred: '已延后' },
    { proposed: '待评审', approved: '已通过', 'in-progress': '开发中', done: '已上线', verified: '已验收', rejected: '不做', deferred: '延期' },
  ],
  priority: [
    { P0: '紧急', P1: '高', P2: '中', P3: '低' },
    { P0: '必须', P1: '应该', P2: '可以', P3: '不做' },
    { P0: 'Must', P1: 'Should', P2: 'Could', P3: "Won't" },
    { P0: 'Critical', P1: 'High', P2: 'Medium', P3: 'Low' },
  ],
};

/**
 * `value` (a canonical status or priority) in the words the file uses for `written`, its current
 * value: the same word list when `written` belongs to one, Chinese labels when it is Chinese,
 * else `value` itself.
 */
export function inTeamWords(field: 'status' | 'priority', written: string, value: string): string {
  const key = normalize(written);
  const families = FAMILIES[field];
  const same = families.find((f) => Object.values(f).some((w) => normalize(w) === key));
  if (same?.[value] !== undefined) return same[value];
  if (/[\u3400-\u9fff]/.test(written) && families[0][value] !== undefined) return families[0][value];
  return value;
}

/** The vocabulary of a field as diagnostics name it: a requirement attribute, or a front-matter field. */
export function vocabularyField(field: string, inFrontMatter: boolean): VocabularyField | undefined {
  if (inFrontMatter) return field === 'status' ? 'doc.status' : field === 'stage' ? 'doc.stage' : undefined;
  return field === 'status' || field === 'priority' ? field : undefined;
}

/** The forms of a value worth looking up: whole, then its first word, then without emoji. */
function keysOf(raw: string): string[] {
  const whole = normalize(raw);
  const keys = [whole];
  const first = /^[^\s(（/,，;；|-]+/.exec(whole)?.[0];
  if (first && first !== whole) keys.push(first);
  const noEmoji = whole.replace(/[\p{Extended_Pictographic}\uFE0F\u2610-\u2612\u2714\u2716]/gu, '').trim();
  if (noEmoji && noEmoji !== whole) keys.push(noEmoji, ...keysOf(noEmoji).slice(1));
  const emoji = /[\p{Extended_Pictographic}\u2610-\u2612\u2714\u2716]\uFE0F?/u.exec(whole)?.[0];
  if (emoji && emoji !== whole) keys.push(emoji);
  return keys;
}

function lookup(table: Readonly<Record<string, string>>, key: string): string | undefined {
  for (const [word, value] of Object.entries(table)) if (normalize(word) === key) return value;
  return undefined;
}

function normalize(text: string): string {
  return toSimplified(trimChars(text, '*_`~').trim().toLowerCase().replace(/\s+/g, ' '));
}

function words<Value extends string>(groups: Readonly<Record<Value, readonly string[]>>): Table {
  const out: Record<string, string> = {};
  for (const [value, list] of Object.entries<readonly string[]>(groups)) for (const w of list) out[normalize(w)] ??= value;
  return out;
}
