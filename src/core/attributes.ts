import { intern } from './strings';
import { toSimplified } from './toSimplified';

/**
 * Requirement attribute keys as PMs write them (English or Chinese, any case) mapped to canonical
 * names. Unknown keys are kept as written, so teams can add their own columns.
 */
const ALIASES: Record<string, string> = {};
const CANONICAL: Record<string, readonly string[]> = {
  title: ['title', 'name', '标题', '名称', '功能', '需求名称', '功能名称', '用例名称', 'use case name', 'use case', 'requirement name', 'story name', '故事名称'],
  priority: ['priority', 'prio', '优先级'],
  status: ['status', 'state', '状态'],
  release: ['release', 'target release', 'fix version', '版本', '发布版本', '目标版本'],
  owner: ['owner', 'assignee', '负责人', '责任人'],
  traces: ['traces', 'trace', 'traces to', 'upstream', '追溯', '来源', '上游需求'],
  description: ['description', 'details', '描述', '说明', '需求描述'],
};
for (const [canonical, names] of Object.entries(CANONICAL)) {
  for (const name of names) ALIASES[name] = canonical;
}

/** Removes Markdown emphasis and code marks around a cell or value: `**P0**` → `P0`. */
export function stripInline(text: string): string {
  const trimmed = text.trim();
  const c = trimmed.charCodeAt(0);
  // Only text opening with `*`, `_` or a backtick can be wrapped in emphasis or code.
  if (c !== 42 && c !== 95 && c !== 96) return trimmed;
  return trimmed.replace(/^(\*\*|__|\*|_|`)(.*)\1$/, '$2').trim();
}

/** The canonical attribute name for a key as written (`优先级` → `priority`). */
/** Keys already seen, as written → canonical: a workspace uses a few dozen keys a hundred thousand times. */
const canonicalKeys = new Map<string, string>();

export function canonicalKey(key: string): string {
  const known = canonicalKeys.get(key);
  if (known !== undefined) return known;
  const k = toSimplified(stripInline(key).toLowerCase().replace(/\s+/g, ' '));
  const canonical = ALIASES[k] ?? intern(k);
  if (canonicalKeys.size < 10_000) canonicalKeys.set(intern(key), canonical);
  return canonical;
}


/** Attribute keys the editor offers for completion, in display order. */
export const KNOWN_ATTRIBUTES = ['priority', 'status', 'release', 'owner', 'traces'] as const;
