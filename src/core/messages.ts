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
  'id.unknown': '{id} is not defined in any document',
  'id.unknownSuggest': '{id} is not defined in any document. Did you mean {suggestions}?',
  'config.json': '{file}: not valid JSON: {detail}',
  'config.shape': "{file}: '{key}' {detail}",
  'config.unknownKey': "{file}: unknown option '{key}'",
  'config.unknownType': "{file}: 'types' maps '{glob}' to '{type}', which is not a document type ({types})",
  'config.notObject': '{file}: must be a JSON object such as {"prefixes": ["REQ"]}',
  'schema.invalid': '{file}: not a valid JSON Schema: {detail}',
  'schema.noType': "{file}: cannot tell which document type this schema is for; name it '<type>.schema.json' or set x-specboard.type",
  'skip.binary': 'Skipped: this file looks binary (it contains NUL bytes)',
  'skip.tooLarge': 'Skipped: this file is {size} bytes, over the limit of {max} (maxFileSize in .specboard/config.json)',
  'skip.encoding': 'Skipped: this file is not valid UTF-8 text',
  'skip.unreadable': 'Skipped: this file could not be read ({code})',
  'skip.notAFile': 'Skipped: this is {kind}, not a regular file, so it was not read',
  'skip.folder': 'Skipped: this folder could not be read ({code}), so nothing in it was checked',
  'kind.folder': 'a folder',
  'kind.fifo': 'a named pipe (FIFO)',
  'kind.socket': 'a socket',
  'kind.device': 'a device file',
  'kind.other': 'a special file',
  'config.unreadable': '{file} could not be read, so the defaults apply: {reason}',
  'schema.unreadable': '{file} could not be read, so it is ignored: {reason}',
  'why.binary': 'it looks binary (it contains NUL bytes)',
  'why.encoding': 'it is not valid UTF-8 text',
  'why.tooLarge': 'it is {size} bytes, over the limit of {max}',
  'why.notAFile': 'it is {kind}, not a regular file',
  'why.failed': 'the read failed ({code})',
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
  'id.unknown': '{id} 没有在任何文档中定义',
  'id.unknownSuggest': '{id} 没有在任何文档中定义。是否想写 {suggestions}？',
  'config.json': '{file}：不是有效的 JSON：{detail}',
  'config.shape': "{file}：'{key}' {detail}",
  'config.unknownKey': "{file}：未知选项 '{key}'",
  'config.unknownType': "{file}：'types' 把 '{glob}' 对应到 '{type}'，但没有这种文档类型（可选：{types}）",
  'config.notObject': '{file}：必须是 JSON 对象，例如 {"prefixes": ["REQ"]}',
  'schema.invalid': '{file}：不是有效的 JSON Schema：{detail}',
  'schema.noType': "{file}：无法判断该 Schema 对应的文档类型；请命名为 '<类型>.schema.json' 或设置 x-specboard.type",
  'skip.binary': '已跳过：该文件看起来是二进制文件（包含 NUL 字节）',
  'skip.tooLarge': '已跳过：该文件大小为 {size} 字节，超过上限 {max}（.specboard/config.json 中的 maxFileSize）',
  'skip.encoding': '已跳过：该文件不是有效的 UTF-8 文本',
  'skip.unreadable': '已跳过：无法读取该文件（{code}）',
  'skip.notAFile': '已跳过：这是{kind}，不是普通文件，因此没有读取',
  'skip.folder': '已跳过：无法读取该目录（{code}），其中的文件都没有检查',
  'kind.folder': '目录',
  'kind.fifo': '命名管道（FIFO）',
  'kind.socket': '套接字',
  'kind.device': '设备文件',
  'kind.other': '特殊文件',
  'config.unreadable': '{file} 无法读取，已改用默认设置：{reason}',
  'schema.unreadable': '{file} 无法读取，已忽略：{reason}',
  'why.binary': '它看起来是二进制文件（包含 NUL 字节）',
  'why.encoding': '它不是有效的 UTF-8 文本',
  'why.tooLarge': '它有 {size} 字节，超过上限 {max}',
  'why.notAFile': '它是{kind}，不是普通文件',
  'why.failed': '读取失败（{code}）',
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
