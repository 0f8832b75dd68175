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
  return text.trim().replace(/^(\*\*|__|\*|_|`)(.*)\1$/, '$2').trim();
}

/** The canonical attribute name for a key as written (`优先级` → `priority`). */
export function canonicalKey(key: string): string {
  const k = stripInline(key).toLowerCase().replace(/\s+/g, ' ');
  return ALIASES[k] ?? k;
}


/** Attribute keys the editor offers for completion, in display order. */
export const KNOWN_ATTRIBUTES = ['priority', 'status', 'release', 'owner', 'traces'] as const;
