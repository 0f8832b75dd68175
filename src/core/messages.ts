import type { Locale } from './types';

/**
 * The core's message catalog. Diagnostics are read by PMs, so messages name the document, field or
 * section in plain words, never raw schema-validator text. Placeholders are `{name}`.
 */
const en = {
  'fm.notClosed': "Front matter starts with '---' but is never closed: add a line '---' after the last field",
  'fm.yaml': 'Front matter is not valid YAML: {detail}',
  'fm.tabs': 'Front matter uses a tab for indentation; YAML only allows spaces',
  'fm.notMapping': 'Front matter must be a list of "key: value" fields, not {kind}',
  'fm.empty': "Front matter is empty: add at least 'type:' to make this a product document",
  'fm.duplicateKey': "Field '{field}' appears more than once in the front matter",
  'type.unknown': "Unknown document type '{type}'. Known types: {types}",
  'type.empty': "'type' is empty: set it to one of {types}",
  'field.missing': "{doc} is missing the required field '{field}' ({label})",
  'field.enum': "{field} '{value}' is not one of {allowed}",
  'field.type': "{field} should be {expected}, not {actual}",
  'field.empty': '{field} must not be empty',
  'field.pattern.id': "Document ID '{value}' should use upper-case letters, digits and dashes, e.g. PRD-CHECKOUT",
  'field.pattern.date': "{field} '{value}' should be a date written as YYYY-MM-DD",
  'field.pattern': "{field} '{value}' is not in the expected format",
  'field.const': "{field} should be '{expected}'",
  'field.invalid': '{field} is not valid: {detail}',
  'section.missing': "{doc} is missing the section '{title}' ({titleZh})",
  'section.recommended': "{doc} should have the section '{title}' ({titleZh})",
  'section.missingAliases': "{doc} is missing the section '{title}' ({titleZh}); a heading such as {aliases} counts too",
  'section.recommendedAliases': "{doc} should have the section '{title}' ({titleZh}); a heading such as {aliases} counts too",
  'req.missing': "Requirement {id} is missing '{field}' ({label})",
  'req.enum': "{field} '{value}' of {id} is not one of {allowed}",
  'req.invalid': '{field} of {id} is not valid: {detail}',
  'id.duplicate': 'Requirement {id} is defined more than once: also at {others}',
  'id.duplicateMany': 'Requirement {id} is defined {count} times: also at {others} and {more} more places',
  'id.unknown': '{id} is not defined in any document',
  'id.unknownSuggest': '{id} is not defined in any document. Did you mean {suggestions}?',
  'config.json': '{file}: not valid JSON: {detail}',
  'config.shape': "{file}: '{key}' {detail}",
  'config.unknownKey': "{file}: unknown option '{key}'",
  'config.unknownType': "{file}: 'types' maps '{glob}' to '{type}', which is not a document type ({types})",
  'config.notObject': '{file}: must be a JSON object such as {"prefixes": ["REQ"]}',
  'config.globNotString': "{file}: '{key}' lists {value}, which is not a pattern in quotes; it is ignored, the others still apply",
  'config.globEmpty': "{file}: '{key}' lists an empty pattern; it is ignored, the others still apply",
  'config.globUnclosed': "{file}: '{key}' pattern '{pattern}' opens '{char}' and never closes it; this pattern is ignored, the others still apply",
  'config.globUnopened': "{file}: '{key}' pattern '{pattern}' has a '{char}' that closes nothing; this pattern is ignored, the others still apply",
  'config.globInvalid': "{file}: '{key}' pattern '{pattern}' is not a valid glob ({detail}); this pattern is ignored, the others still apply",
  'config.globTooManyStars': "{file}: '{key}' pattern '{pattern}' has more than {limit} '*' in one name, which can take minutes to match; this pattern is ignored, the others still apply",
  'schema.invalid': '{file}: not a valid JSON Schema: {detail}',
  'schema.noType': "{file}: cannot tell which document type this schema is for; name it '<type>.schema.json' or set x-specboard.type",
  'schema.notObject': '{file}: a schema must be a JSON object such as {"type": "object"}, not {kind}',
  'schema.sections': '{file}: x-specboard.sections must be a list of {id, title: {en, zh-cn}, level}',
  'schema.requirement': '{file}: x-specboard.requirement is not a valid JSON Schema: {detail}',
  'schema.tooDeep': '{file}: nests more than {max} levels of objects and lists; a schema this deep would overflow the validator, so it is not used',
  'schema.refCycle': "{file}: $ref '{ref}' leads back to a schema that is already checking the same value, so validation would never end; the schema is not used",
  'schema.commonNotObject': '{file}: common.schema.json describes the front matter of every document, so it must be an object schema ("type": "object"), not "type": {type}',
  'schema.commonMissing': '{file}: the built-in document types use {pointers} of common.schema.json; keep them in your copy',
  'schema.badPattern': "{file}: pattern '{pattern}' is not a valid regular expression ({detail}); it is ignored",
  'schema.slowPattern': "{file}: pattern '{pattern}' can take minutes on a short value (a repeat inside a repeat, as in (a+)+); it is ignored until it is rewritten, e.g. (a+)+ as a+",
  'schema.failed': '{file}: validating a document with this schema failed ({detail}); the schema is no longer used',
  'schema.unreadable': '{file}: {reason}',
  'schema.tooLarge': 'this file is {size} bytes, over the limit of {max} bytes for a schema; it is not read',
  'skip.binary': 'Skipped: this file looks binary (it contains NUL bytes)',
  'skip.tooLarge': 'Skipped: this file is {size} bytes, over the limit of {max} (maxFileSize in .specboard/config.json)',
  'skip.encoding': 'Skipped: this file is not valid UTF-8 text',
  'skip.unreadable': 'Skipped: this file could not be read',
  'type.list': 'a list',
  'type.text': 'text',
  'type.number': 'a number',
  'type.mapping': 'a mapping',
  'type.boolean': 'true or false',
  'type.nothing': 'empty',
  'and': ', ',
  'or': ' or ',
} as const;

export type MessageKey = keyof typeof en;

const zhCn: Record<MessageKey, string> = {
  'fm.notClosed': "文档头以 '---' 开始但没有结束：请在最后一个字段后加一行 '---'",
  'fm.yaml': '文档头不是有效的 YAML：{detail}',
  'fm.tabs': '文档头使用了制表符缩进；YAML 只允许空格',
  'fm.notMapping': '文档头必须是 "键: 值" 形式的字段，而不是{kind}',
  'fm.empty': "文档头为空：至少添加 'type:' 才能成为产品文档",
  'fm.duplicateKey': "字段 '{field}' 在文档头中出现了多次",
  'type.unknown': "未知的文档类型 '{type}'。已知类型：{types}",
  'type.empty': "'type' 为空：请设置为以下之一：{types}",
  'field.missing': "{doc}缺少必填字段 '{field}'（{label}）",
  'field.enum': "{field} 的值 '{value}' 不在可选值 {allowed} 之中",
  'field.type': '{field} 应为{expected}，而不是{actual}',
  'field.empty': '{field} 不能为空',
  'field.pattern.id': "文档编号 '{value}' 只能使用大写字母、数字和连字符，例如 PRD-CHECKOUT",
  'field.pattern.date': "{field} 的值 '{value}' 应为 YYYY-MM-DD 格式的日期",
  'field.pattern': "{field} 的值 '{value}' 格式不正确",
  'field.const': "{field} 应为 '{expected}'",
  'field.invalid': '{field} 无效：{detail}',
  'section.missing': "{doc}缺少章节 '{titleZh}'（{title}）",
  'section.recommended': "{doc}建议包含章节 '{titleZh}'（{title}）",
  'section.missingAliases': "{doc}缺少章节 '{titleZh}'（{title}）；标题写作 {aliases} 等也可以",
  'section.recommendedAliases': "{doc}建议包含章节 '{titleZh}'（{title}）；标题写作 {aliases} 等也可以",
  'req.missing': "需求 {id} 缺少 '{field}'（{label}）",
  'req.enum': "需求 {id} 的 {field} 值 '{value}' 不在可选值 {allowed} 之中",
  'req.invalid': '需求 {id} 的 {field} 无效：{detail}',
  'id.duplicate': '需求 {id} 被重复定义：另见 {others}',
  'id.duplicateMany': '需求 {id} 被定义了 {count} 次：另见 {others} 及其他 {more} 处',
  'id.unknown': '{id} 没有在任何文档中定义',
  'id.unknownSuggest': '{id} 没有在任何文档中定义。是否想写 {suggestions}？',
  'config.json': '{file}：不是有效的 JSON：{detail}',
  'config.shape': "{file}：'{key}' {detail}",
  'config.unknownKey': "{file}：未知选项 '{key}'",
  'config.unknownType': "{file}：'types' 把 '{glob}' 对应到 '{type}'，但没有这种文档类型（可选：{types}）",
  'config.notObject': '{file}：必须是 JSON 对象，例如 {"prefixes": ["REQ"]}',
  'config.globNotString': "{file}：'{key}' 中的 {value} 不是带引号的模式；已忽略，其余模式照常生效",
  'config.globEmpty': "{file}：'{key}' 中有一个空模式；已忽略，其余模式照常生效",
  'config.globUnclosed': "{file}：'{key}' 中的模式 '{pattern}' 打开了 '{char}' 却没有闭合；已忽略该模式，其余模式照常生效",
  'config.globUnopened': "{file}：'{key}' 中的模式 '{pattern}' 有多余的 '{char}'；已忽略该模式，其余模式照常生效",
  'config.globInvalid': "{file}：'{key}' 中的模式 '{pattern}' 不是有效的 glob（{detail}）；已忽略该模式，其余模式照常生效",
  'config.globTooManyStars': "{file}：'{key}' 中的模式 '{pattern}' 在一个名称里用了超过 {limit} 个 '*'，匹配可能要花上几分钟；已忽略该模式，其余模式照常生效",
  'schema.invalid': '{file}：不是有效的 JSON Schema：{detail}',
  'schema.noType': "{file}：无法判断该 Schema 对应的文档类型；请命名为 '<类型>.schema.json' 或设置 x-specboard.type",
  'schema.notObject': '{file}：Schema 必须是 JSON 对象，例如 {"type": "object"}，而不是{kind}',
  'schema.sections': '{file}：x-specboard.sections 必须是 {id, title: {en, zh-cn}, level} 组成的列表',
  'schema.requirement': '{file}：x-specboard.requirement 不是有效的 JSON Schema：{detail}',
  'schema.tooDeep': '{file}：对象和列表嵌套超过 {max} 层；这么深的 Schema 会使校验器栈溢出，因此不予使用',
  'schema.refCycle': "{file}：$ref '{ref}' 又指回了正在校验同一个值的 Schema，校验将永不结束；该 Schema 不予使用",
  'schema.commonNotObject': '{file}：common.schema.json 描述每个文档的文档头，因此必须是对象 Schema（"type": "object"），而不是 "type": {type}',
  'schema.commonMissing': '{file}：内置文档类型引用了 common.schema.json 中的 {pointers}；请在你的副本中保留它们',
  'schema.badPattern': "{file}：模式 '{pattern}' 不是有效的正则表达式（{detail}）；已忽略",
  'schema.slowPattern': "{file}：模式 '{pattern}' 在很短的值上也可能耗时数分钟（重复中嵌套重复，如 (a+)+）；在改写之前将被忽略，例如把 (a+)+ 改为 a+",
  'schema.failed': '{file}：用该 Schema 校验文档时出错（{detail}）；该 Schema 已停用',
  'schema.unreadable': '{file}：{reason}',
  'schema.tooLarge': '该文件大小为 {size} 字节，超过 Schema 文件的上限 {max} 字节；未读取',
  'skip.binary': '已跳过：该文件看起来是二进制文件（包含 NUL 字节）',
  'skip.tooLarge': '已跳过：该文件大小为 {size} 字节，超过上限 {max}（.specboard/config.json 中的 maxFileSize）',
  'skip.encoding': '已跳过：该文件不是有效的 UTF-8 文本',
  'skip.unreadable': '已跳过：无法读取该文件',
  'type.list': '列表',
  'type.text': '文本',
  'type.number': '数字',
  'type.mapping': '键值映射',
  'type.boolean': 'true 或 false',
  'type.nothing': '空值',
  'and': '、',
  'or': ' 或 ',
};

const catalogs: Record<Locale, Record<MessageKey, string>> = { en, 'zh-cn': zhCn };

/** Formats one catalog message. Unknown placeholders are left visible so a gap is noticed, not hidden. */
export function message(locale: Locale, key: MessageKey, args: Record<string, string | number> = {}): string {
  const template = catalogs[locale][key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in args ? String(args[name]) : whole));
}

/** Maps any locale tag (`zh-CN`, `zh-Hans`, `en-US`) to a supported catalog. */
export function normalizeLocale(tag: string | undefined): Locale {
  return tag && /^zh\b|^zh[-_]/i.test(tag) ? 'zh-cn' : 'en';
}

/** Joins values as `a, b, c` (or `a、b、c`); with 'or', the last two as `b or c` (`b 或 c`). */
export function joinList(locale: Locale, values: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (conjunction === 'and' || values.length < 2) return values.join(message(locale, 'and'));
  return `${values.slice(0, -1).join(message(locale, 'and'))}${message(locale, 'or')}${values[values.length - 1]}`;
}
