import type { DiagnosticCode, Locale, Severity } from './types';

/** What `.specboard/config.json` may set a rule to: a severity, or `off` to drop it. */
export type RuleSetting = Severity | 'off';

export const RULE_SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'info', 'off'];

/** Per-rule settings of one workspace folder (`"rules": { "unknown-id": "warning" }`). */
export type RuleSettings = Readonly<Partial<Record<DiagnosticCode, RuleSetting>>>;

interface RuleText {
  /** One line: what the rule reports. */
  readonly short: string;
  /** What the rule checks and why it matters. */
  readonly full: string;
  /** How to fix or silence it. */
  readonly help: string;
}

export interface RuleInfo {
  readonly code: DiagnosticCode;
  /** The severity the rule usually reports with (some rules report a milder one for milder cases). */
  readonly severity: Severity;
  /** Whether a `<!-- specboard-disable ... -->` comment in a document can suppress it. */
  readonly suppressible: boolean;
  /** Whether `rules` in the config may change it (config-error may not: a broken config must show). */
  readonly configurable: boolean;
  readonly text: Readonly<Record<Locale, RuleText>>;
}

/**
 * Every diagnostic code as a rule, in the order the README and SARIF list them: the one catalog
 * the config validation, suppression comments, their completion and the SARIF output read.
 */
export const RULES: readonly RuleInfo[] = [
  {
    code: 'frontmatter-syntax', severity: 'error', suppressible: true, configurable: true,
    text: {
      en: {
        short: 'Front matter cannot be read',
        full: 'The YAML front matter between the opening and closing --- lines must be valid YAML mapping "key: value" fields. Front matter that is never closed, uses tabs, repeats a key or is empty cannot be read, so the document\'s type, stage and status are unknown.',
        help: 'Close the front matter with a line ---, indent with spaces, keep each key once, and add at least "type:". Suppress it with <!-- specboard-disable-file frontmatter-syntax --> anywhere in the document.',
      },
      'zh-cn': {
        short: '无法读取文档头',
        full: '开头和结尾两行 --- 之间的 YAML 文档头必须是 "键: 值" 形式的有效 YAML。未闭合、使用制表符缩进、键重复或为空的文档头无法读取，文档的类型、阶段和状态也就无从得知。',
        help: '用一行 --- 结束文档头，用空格缩进，每个键只写一次，并至少写上 "type:"。可在文档任意位置写 <!-- specboard-disable-file frontmatter-syntax --> 来屏蔽。',
      },
    },
  },
  {
    code: 'unknown-type', severity: 'error', suppressible: true, configurable: true,
    text: {
      en: {
        short: 'Unknown document type',
        full: 'The front matter\'s "type" names no built-in document type and no schema in .specboard/schemas, so the document\'s fields and sections cannot be checked.',
        help: 'Set "type" to one of the listed types (the quick fix offers the closest), or add .specboard/schemas/<type>.schema.json for a type of your own.',
      },
      'zh-cn': {
        short: '未知的文档类型',
        full: '文档头中的 "type" 既不是内置文档类型，也没有对应 .specboard/schemas 中的 Schema，因此无法检查文档的字段和章节。',
        help: '把 "type" 改为列出的类型之一（快速修复会给出最接近的），或为自定义类型添加 .specboard/schemas/<类型>.schema.json。',
      },
    },
  },
  {
    code: 'missing-field', severity: 'error', suppressible: true, configurable: true,
    text: {
      en: {
        short: 'A required field is missing',
        full: 'The document type\'s schema requires this front-matter field (type, id, title, stage, status, owner...), or the requirement\'s attribute (priority or status in a PRD). Views, the board and reports read these fields.',
        help: 'Add the field. Fix all (and specboard check --fix) adds a field the schema gives a default for, with that default; other fields need a value only you can choose.',
      },
      'zh-cn': {
        short: '缺少必填字段',
        full: '文档类型的 Schema 要求文档头包含该字段（type、id、title、stage、status、owner 等），或要求需求包含该属性（例如 PRD 中的优先级和状态）。视图、看板和报告都要读取这些字段。',
        help: '补上该字段。"全部修复"（以及 specboard check --fix）会为 Schema 给出默认值的字段填入默认值；其他字段需要你自己选定取值。',
      },
    },
  },
  {
    code: 'invalid-value', severity: 'error', suppressible: true, configurable: true,
    text: {
      en: {
        short: 'A field has a value its schema does not allow',
        full: 'A front-matter field or requirement attribute has a value outside its allowed values, of the wrong kind, or in the wrong format (a date as YYYY-MM-DD, an ID in upper case).',
        help: 'Pick one of the allowed values (the quick fix lists them, closest first). Fix all changes a value only when it differs from exactly one allowed value in letter case or spacing.',
      },
      'zh-cn': {
        short: '字段取值不符合 Schema',
        full: '文档头字段或需求属性的取值不在允许范围内、类型不对，或格式不对（日期应为 YYYY-MM-DD，编号应为大写）。',
        help: '改为允许的取值之一（快速修复会按接近程度列出）。只有当取值与某一个允许值仅有大小写或空格之差时，"全部修复"才会自动更正。',
      },
    },
  },
  {
    code: 'missing-section', severity: 'error', suppressible: true, configurable: true,
    text: {
      en: {
        short: 'A section the document type expects is missing',
        full: 'The document type lists the sections a document of its kind has; a required one is an error, a recommended one a warning. A heading with the section\'s English or Chinese title, or one of its aliases, counts.',
        help: 'Add the section (the quick fix inserts it where the type orders it), or suppress it: <!-- specboard-disable-next-line missing-section --> right above the document\'s # title (where the problem is reported), <!-- specboard-disable-file missing-section --> anywhere, or "missing-section": "off" in .specboard/config.json.',
      },
      'zh-cn': {
        short: '缺少文档类型要求的章节',
        full: '文档类型列出了此类文档应有的章节：缺少必需章节是错误，缺少建议章节是警告。标题写作该章节的英文名、中文名或别名都算数。',
        help: '补上该章节（快速修复会按类型规定的顺序插入），或屏蔽它：在文档的 # 标题（问题报告的位置）正上方写 <!-- specboard-disable-next-line missing-section -->，在任意位置写 <!-- specboard-disable-file missing-section -->，或在 .specboard/config.json 中设置 "missing-section": "off"。',
      },
    },
  },
  {
    code: 'duplicate-id', severity: 'error', suppressible: true, configurable: true,
    text: {
      en: {
        short: 'A requirement ID is defined more than once',
        full: 'Two definitions share one requirement ID in the same scope (the workspace, a spec-kit feature folder or a Kiro spec), so references to it are ambiguous.',
        help: 'Renumber one copy (the quick fix offers the next free ID). This is never fixed automatically: which copy keeps the ID is your choice.',
      },
      'zh-cn': {
        short: '需求编号被重复定义',
        full: '同一作用域（整个工作区、spec-kit 功能目录或 Kiro spec）中有两处定义使用了同一个需求编号，对它的引用因此含义不明。',
        help: '给其中一处重新编号（快速修复会给出下一个可用编号）。这一问题不会被自动修复：保留哪一处由你决定。',
      },
    },
  },
  {
    code: 'unknown-id', severity: 'error', suppressible: true, configurable: true,
    text: {
      en: {
        short: 'A referenced requirement ID is not defined',
        full: 'An ID with a known prefix is cited but no document defines it: a broken link in a document (an error), a planned or stale requirement in code (a warning). IDs in code blocks are examples and are not reported.',
        help: 'Correct the ID (the quick fix offers close matches) or define the requirement. Suppress a deliberate mention with <!-- specboard-disable-next-line unknown-id -->.',
      },
      'zh-cn': {
        short: '引用的需求编号未定义',
        full: '引用了带有已知前缀的编号，但没有任何文档定义它：在文档中这是失效的链接（错误），在代码中多半是计划中或已过时的需求（警告）。代码块中的编号视为示例，不予报告。',
        help: '更正编号（快速修复会给出相近的编号），或补上该需求的定义。有意的提及可用 <!-- specboard-disable-next-line unknown-id --> 屏蔽。',
      },
    },
  },
  {
    code: 'config-error', severity: 'error', suppressible: false, configurable: false,
    text: {
      en: {
        short: 'The configuration or a custom schema cannot be used',
        full: '.specboard/config.json or a schema in .specboard/schemas is not valid: the broken option or schema is ignored and the defaults apply, so every checked file may mean something else than intended. specboard check exits with code 2.',
        help: 'Correct the file as the message says. This rule cannot be turned off or suppressed.',
      },
      'zh-cn': {
        short: '配置或自定义 Schema 无法使用',
        full: '.specboard/config.json 或 .specboard/schemas 中的某个 Schema 无效：出错的选项或 Schema 会被忽略并改用默认值，所有被检查文件的含义都可能因此不同于预期。specboard check 以退出码 2 结束。',
        help: '按提示更正该文件。此规则不能关闭，也不能屏蔽。',
      },
    },
  },
  {
    code: 'schema-error', severity: 'error', suppressible: false, configurable: true,
    text: {
      en: {
        short: 'A schema problem',
        full: 'Reserved for problems of a schema that do not stop it from being used. Schemas that cannot be used are reported as config-error.',
        help: 'Correct the schema as the message says.',
      },
      'zh-cn': {
        short: 'Schema 问题',
        full: '保留给不影响 Schema 使用的问题。无法使用的 Schema 报告为 config-error。',
        help: '按提示更正该 Schema。',
      },
    },
  },
  {
    code: 'file-skipped', severity: 'warning', suppressible: false, configurable: true,
    text: {
      en: {
        short: 'A file was not read',
        full: 'A document was skipped because it is too large (maxFileSize), binary, not UTF-8, unreadable or not a regular file. Nothing in it was checked, and the requirements it defines are unknown.',
        help: 'Fix the file, raise maxFileSize, or exclude it in .specboard/config.json ("exclude"). Set "file-skipped": "off" to stop reporting skipped files.',
      },
      'zh-cn': {
        short: '文件未被读取',
        full: '某个文档因过大（maxFileSize）、是二进制文件、不是 UTF-8 文本、无法读取或不是普通文件而被跳过。其中的内容都没有检查，它定义的需求也无从得知。',
        help: '修正该文件、调高 maxFileSize，或在 .specboard/config.json 的 "exclude" 中排除它。设置 "file-skipped": "off" 可不再报告被跳过的文件。',
      },
    },
  },
  {
    code: 'unused-suppression', severity: 'warning', suppressible: false, configurable: true,
    text: {
      en: {
        short: 'A suppression comment suppresses nothing',
        full: 'A <!-- specboard-disable... --> comment, or a rule named in one, suppresses no problem on the lines it covers, or names no rule a comment can suppress. A stale suppression would hide the next real problem there.',
        help: 'Remove the comment or the rule from it (the quick fix, Fix all and specboard check --fix do). Set "unused-suppression": "off" to stop reporting them.',
      },
      'zh-cn': {
        short: '屏蔽注释没有屏蔽任何问题',
        full: '某个 <!-- specboard-disable... --> 注释，或其中列出的某条规则，在它覆盖的行上没有屏蔽任何问题，或者列出的不是注释可以屏蔽的规则。过时的屏蔽注释会掩盖那里将来出现的真实问题。',
        help: '删除该注释，或从注释中删去该规则（快速修复、"全部修复"和 specboard check --fix 都会这样做）。设置 "unused-suppression": "off" 可不再报告。',
      },
    },
  },
];

const BY_CODE = new Map<string, RuleInfo>(RULES.map((r) => [r.code, r]));

export function ruleInfo(code: string): RuleInfo | undefined {
  return BY_CODE.get(code);
}

/** The rules a suppression comment may name, in catalog order. */
export const SUPPRESSIBLE_CODES: readonly DiagnosticCode[] = RULES.filter((r) => r.suppressible).map((r) => r.code);

/** The severity of a diagnostic under `settings`: its own unless its rule is set; undefined when off. */
export function effectiveSeverity(code: DiagnosticCode, severity: Severity, settings: RuleSettings): Severity | undefined {
  const setting = settings[code];
  if (setting === undefined || !BY_CODE.get(code)?.configurable) return severity;
  return setting === 'off' ? undefined : setting;
}
