import { toSimplified } from '../toSimplified';

/**
 * Where a document or a section is about requirements. Headings and tables define requirements
 * anywhere; the looser forms (a list item or a bold paragraph starting with an ID, IDs without a
 * dash, Kiro's numbered requirements, spec-kit's user stories) only count where a reader would
 * expect requirements, so a changelog's `- GH-12: fix` or a FAQ's `Q1:` never defines one.
 */

/** File names and folders that hold requirement documents. */
const REQUIREMENT_PATH = /(?:^|[/_.\s-])(?:prds?|brds?|mrds?|srs|frs|specs?|specifications?|requirements?|reqs?|user[-_ ]?stories|stories|use[-_ ]?cases|需求|规格|规约|说明书|用户故事|用例|功能)(?=$|[/_.\s\d-]|[\u4e00-\u9fff])|需求|规格说明|用户故事/i;

/** Words of a heading that opens a section of requirements. */
const REQUIREMENT_HEADING = new RegExp([
  'requirements?', 'reqs', 'specifications?', 'spec', 'acceptance criteria', 'success criteria', 'user stor(?:y|ies)', 'use ?cases?',
  'user scenarios', 'stories', 'functional', 'non-functional', 'quality attributes', 'business rules', 'measurable outcomes',
  'nfrs?', 'frs?', 'prd', 'srs', 'brd', 'mrd',
].map((w) => `\\b${w}\\b`).join('|') + '|需求|规格|规约|验收标准|验收条件|成功标准|用户故事|用户场景|使用场景|用例|业务规则', 'i');

/**
 * Documents that accompany a spec and cite its requirements without defining any: spec-kit's
 * plan.md, tasks.md, research.md…, Kiro's design.md and tasks.md, checklists and contracts,
 * coverage reports and traceability matrices.
 */
const COMPANION_PATH = /(?:^|\/)(?:(?:plan|tasks|design|research|data-model|quickstart|changelog|history)\.md|[^/]*(?:coverage|traceability|trace-matrix|matrix|追溯|跟踪)[^/]*|(?:checklists?|contracts)\/[^/]+)$/i;

/** What a file's path says: it holds requirements, it only cites them (a companion), or nothing. */
export function documentRole(relPath: string): 'requirements' | 'companion' | undefined {
  const path = toSimplified(relPath);
  if (COMPANION_PATH.test(path)) return 'companion';
  return REQUIREMENT_PATH.test(path) ? 'requirements' : undefined;
}

export function isRequirementHeading(text: string): boolean {
  return REQUIREMENT_HEADING.test(toSimplified(text));
}

/** Headings of sections whose tables and lists are never requirements, even with requirement words. */
const NEVER_REQUIREMENTS = new RegExp([
  'risks?', 'decisions?', 'decision log', 'glossary', 'terminology', 'acronyms', 'abbreviations', 'revision history',
  'change ?log', 'version history', 'document history', 'open questions', 'clarifications?', 'test cases?', 'test plan', 'faq',
  'execution log', 'implementation log', 'work log', 'dev log', 'progress log', 'meeting notes', 'meeting minutes', 'anti-?patterns?',
].map((w) => `\\b${w}\\b`).join('|') + '|风险|决策|决议|术语|名词解释|缩略语|修订记录|修订历史|变更记录|版本记录|版本历史|文档历史|待解决问题|待定问题|问题列表|待澄清|澄清|测试用例|测试计划|常见问题'
  + '|执行记录|实施记录|实现记录|开发记录|工作记录|进度记录|会议记录|会议纪要|开发日志|工作日志|反模式', 'i');

/** Headings of sections that are about something else unless they also name requirements. */
const OTHER_SECTION = new RegExp([
  'terms', 'definitions', 'changes', 'history', 'questions', 'issues', 'references', 'appendix', 'assumptions',
  'tasks?', 'milestones?', 'timeline', 'schedule', 'roadmap', 'contacts?', 'stakeholders', 'personas?', 'testing', 'tests',
].map((w) => `\\b${w}\\b`).join('|') + '|参考|附录|假设|任务|里程碑|排期|联系人|干系人|用户画像|测试', 'i');

/** Headings of sections that list references to requirements defined elsewhere. */
const TRACE_SECTION = /\b(?:traceability|trace matrix|coverage|mapping|matrix)\b|追溯|跟踪|矩阵|覆盖|映射/i;

/** What a heading says about the section it opens; undefined when it says nothing. */
export type SectionKind = 'requirements' | 'trace' | 'other';

/**
 * The kind of section a heading opens. A traceability matrix wins over the word "requirements"
 * in its title, then the sections that never hold requirements (risks, glossary, history, tests),
 * then requirement words ("Dependencies and constraints" holds requirements).
 */
export function sectionKind(written: string): SectionKind | undefined {
  // Traditional Chinese headings (`風險`, `驗收標準`) are read as their Simplified forms.
  const text = toSimplified(written);
  if (TRACE_SECTION.test(text)) return 'trace';
  if (NEVER_REQUIREMENTS.test(text)) return 'other';
  if (REQUIREMENT_HEADING.test(text)) return 'requirements';
  return OTHER_SECTION.test(text) ? 'other' : undefined;
}

/** Header cells (normalized: lower case, no spaces or punctuation) that name a table's ID column. */
const ID_HEADERS = new Set([
  'id', '编号', '序号id', '需求编号', '需求id', '需求号', '需求', '需求标识', '标识', '标识符', '功能编号', '功能id', '用例编号', '用例id',
  '故事编号', '规则编号', 'reqid', 'req#', 'req', 'reqno', 'requirementid', 'requirement#', 'requirementno', 'requirement',
  'requirements', 'requirementkey', 'identifier', 'key', 'ucid', 'usecaseid', 'storyid', 'userstoryid', 'frid', 'nfrid', 'ruleid',
  'featureid', 'specid', 'criterionid', 'acid', 'scid',
]);

/** Columns that show a table is about something other than requirements. */
const OTHER_COLUMNS = /^(?:risks?|antipatterns?|反模式|mitigations?|likelihood|probability|impact|severity|decisions?|rationale|alternatives|terms?|definitions?|meaning|abbreviations?|acronyms?|expandedform|questions?|answers?|testcases?|teststeps?|steps|expectedresults?|expected|actualresults?|author|changes?|changedescription|revision|date|日期|风险|风险描述|缓解措施|应对措施|可能性|概率|影响|影响程度|决策|决定|理由|原因|术语|名词|定义|含义|释义|缩写|全称|问题|答案|回答|测试用例|测试步骤|步骤|预期结果|实际结果|作者|修订人|修订内容|变更内容|版本号|修订日期)$/;

/** Columns that carry a requirement's own text (a title or a description). */
const TEXT_COLUMNS = /^(?:title|name|summary|description|details|requirement|requirements|requirementtext|statement|feature|featurename|story|userstory|criterion|criteria|acceptancecriteria|shall|text|标题|名称|需求名称|功能名称|功能|功能点|需求|需求描述|需求内容|描述|说明|内容|详细描述|功能描述|用户故事|故事|验收标准|标准|要求|场景|能力|需求能力|需求\/能力)$/;

/** Whether a column carries a requirement's own text (its title, name or description). */
export function isTextHeader(cell: string): boolean {
  return TEXT_COLUMNS.test(headerKey(cell));
}

/** Normalizes a header cell for the lookups above: `Req #` → `req#`, `需求 ID` → `需求id`. */
export function headerKey(cell: string): string {
  return toSimplified(cell.replace(/[*_`]/g, '').toLowerCase().replace(/[\s.:：()（）/-]+/g, ''));
}

export function isIdHeader(cell: string): boolean {
  return ID_HEADERS.has(headerKey(cell));
}

/** ID headers that say "requirement" outright: under them even a bare number (`004`) is an ID. */
const REQUIREMENT_ID_HEADERS = new Set(['需求编号', '需求id', '需求号', 'reqid', 'req#', 'reqno', 'requirementid', 'requirement#', 'requirementno']);

export function isRequirementIdHeader(cell: string): boolean {
  return REQUIREMENT_ID_HEADERS.has(headerKey(cell));
}

/** Columns that number or group rows and may come before the ID column. */
const GROUPING_HEADERS = /^(?:#|no|nr|num|序号|模块|功能模块|子模块|module|area|category|分类|类别|epic|feature|特性|一级功能|二级功能|领域|domain|group|分组)$/;

export function isGroupingHeader(cell: string): boolean {
  return GROUPING_HEADERS.test(headerKey(cell));
}

/**
 * What a table with an ID column holds, from its other columns: `other` (risks, decisions,
 * glossary, history, tests: defines nothing), `trace` (IDs and what they map to but no text of
 * their own: a traceability matrix, so references), or `requirements`.
 */
export function tableKind(headers: readonly string[], idColumn: number): 'requirements' | 'trace' | 'other' {
  const keys = headers.map(headerKey);
  const others = keys.filter((_, i) => i !== idColumn);
  if (others.some((k) => OTHER_COLUMNS.test(k)) && !others.some((k) => TEXT_COLUMNS.test(k))) return 'other';
  const hasText = others.some((k) => TEXT_COLUMNS.test(k));
  if (!hasText && others.some((k) => /test|design|code|module|source|component|implementation|verification|covered|测试|设计|代码|模块|组件|实现|验证|覆盖/.test(k))) {
    return 'trace';
  }
  return 'requirements';
}
