import { formatMessage, type Locale } from '../core';

/** The CLI's own message catalog (the core's diagnostics have theirs in src/core/messages.ts). */
const en = {
  usage: `Usage: specboard <command> [options]

Commands:
  check [paths...]          Validate product docs and requirement references
      --format text|json|sarif   Output format (default: text)
      --fix                      Apply the fixes that need no choice and write the files
  trace [paths...]          List requirements with their references and trace links
      --format json|csv|md       Output format (default: json)
  export html <doc|folder>  Write self-contained HTML pages for reviewers
      --out <dir>                Output folder (required)
  export csv [paths...]     Write the requirement list as CSV
      --out <file>               Output file (default: standard output)
  mcp                       Serve the requirements to coding agents (Model Context Protocol over stdio)
      --root <dir>               Workspace folder (default: the current folder)
      --allow-write              Let agents change requirement attributes (set_requirement_attribute)

Options:
  --lang en|zh-cn           Language of messages (default: config, then $LANG)
  --verbose                 Log indexing times, skipped files and errors to standard error
  -h, --help                Show this help
  -v, --version             Show the version

Exit codes: 0 no errors, 1 errors found, 2 usage or configuration error.`,
  unknownCommand: "Unknown command '{name}'. Run 'specboard --help' for the list of commands.",
  unknownOption: "Unknown option '{name}' for '{command}'.",
  missingValue: "Option '{name}' needs a value.",
  badValue: "Option '{name}' must be one of {allowed}, not '{value}'.",
  missingPath: "No such file or folder: '{path}'.",
  missingArg: "'{command}' needs {what}.",
  summaryClean: '✔ No problems in {files} ({documents}, {requirements}, {references}).',
  summary: '✖ {errors} and {warnings} in {files} ({documents}, {requirements}, {references}).',
  skipped: 'note: skipped {path}: {reason}',
  fixedLine: '{file}:{line}:{column}: fixed {code} {message}',
  fixedSummary: 'Fixed {problems} in {files}.',
  fixedNone: 'Nothing to fix without a choice.',
  skippedMore: 'note: {files} more skipped',
  cancelled: 'Indexing was interrupted.',
  wrote: 'Wrote {files} to {dir}',
  wroteFile: 'Wrote {file}',
  whatFormat: 'a format: html or csv',
  whatTarget: 'a document or folder to export',
  noDocuments: "No product documents (Markdown files with 'type:' in their front matter) in the given paths.",
  targetNotFile: 'it is {kind}, not a regular file or folder',
  targetUnreadable: 'it could not be read ({code})',
  noUsableTargets: 'None of the given paths is a file or folder that can be read.',
  outNotFolder: "--out '{path}' is a file, not a folder: name a folder for the pages (it is created if missing).",
  outIsFolder: "Cannot write '{path}': it is a folder. Name a file instead.",
  outBlocked: "Cannot write '{path}': '{blocker}' is not a folder.",
  outFailed: "Cannot write '{path}': {code}.",
  internal: 'specboard: internal error: {detail}',
  mcpReady: 'specboard mcp: serving {requirements} requirements in {documents} documents from {root} (read-only) on stdio.',
  mcpReadyWrite: 'specboard mcp: serving {requirements} requirements in {documents} documents from {root} on stdio; agents may change requirement attributes.',
} as const;

type Key = keyof typeof en;

const zhCn: Record<Key, string> = {
  usage: `用法：specboard <命令> [选项]

命令：
  check [路径...]           校验产品文档和需求引用
      --format text|json|sarif   输出格式（默认 text）
      --fix                      应用无需选择的修复并写回文件
  trace [路径...]           列出需求及其引用和追溯关系
      --format json|csv|md       输出格式（默认 json）
  export html <文档|目录>   为评审人生成独立的 HTML 页面
      --out <目录>               输出目录（必填）
  export csv [路径...]      以 CSV 导出需求列表
      --out <文件>               输出文件（默认标准输出）
  mcp                       为编程智能体提供需求查询（基于 stdio 的 Model Context Protocol 服务器）
      --root <目录>              工作区目录（默认当前目录）
      --allow-write              允许智能体修改需求属性（set_requirement_attribute）

选项：
  --lang en|zh-cn           消息语言（默认取配置，其次 $LANG）
  --verbose                 将索引耗时、跳过的文件和错误记录到标准错误输出
  -h, --help                显示帮助
  -v, --version             显示版本

退出码：0 无错误，1 发现错误，2 用法或配置错误。`,
  unknownCommand: "未知命令 '{name}'。运行 'specboard --help' 查看命令列表。",
  unknownOption: "'{command}' 不支持选项 '{name}'。",
  missingValue: "选项 '{name}' 需要一个值。",
  badValue: "选项 '{name}' 必须是 {allowed} 之一，而不是 '{value}'。",
  missingPath: "文件或目录不存在：'{path}'。",
  missingArg: "'{command}' 需要{what}。",
  summaryClean: '✔ {files}中没有问题（{documents}，{requirements}，{references}）。',
  summary: '✖ {files}中有 {errors}、{warnings}（{documents}，{requirements}，{references}）。',
  skipped: '注意：已跳过 {path}：{reason}',
  fixedLine: '{file}:{line}:{column}: 已修复 {code} {message}',
  fixedSummary: '已修复 {files}中的 {problems}。',
  fixedNone: '没有无需选择即可修复的问题。',
  skippedMore: '注意：另有 {files}被跳过',
  cancelled: '索引被中断。',
  wrote: '已写入 {files}到 {dir}',
  wroteFile: '已写入 {file}',
  whatFormat: '一种格式：html 或 csv',
  whatTarget: '要导出的文档或目录',
  noDocuments: "指定路径下没有产品文档（文档头含 'type:' 的 Markdown 文件）。",
  targetNotFile: '它是{kind}，不是普通文件或目录',
  targetUnreadable: '无法读取（{code}）',
  noUsableTargets: '给出的路径中没有可以读取的文件或目录。',
  outNotFolder: "--out '{path}' 是文件而不是目录：请指定存放页面的目录（不存在时会自动创建）。",
  outIsFolder: "无法写入 '{path}'：这是一个目录。请指定文件。",
  outBlocked: "无法写入 '{path}'：'{blocker}' 不是目录。",
  outFailed: "无法写入 '{path}'：{code}。",
  internal: 'specboard：内部错误：{detail}',
  mcpReady: 'specboard mcp：正在通过 stdio 提供 {root} 中 {documents} 个文档的 {requirements} 条需求（只读）。',
  mcpReadyWrite: 'specboard mcp：正在通过 stdio 提供 {root} 中 {documents} 个文档的 {requirements} 条需求；智能体可以修改需求属性。',
};

/** Counted nouns: English picks singular or plural by Intl.PluralRules; Chinese has one form with its measure word. */
const NOUNS = {
  file: { en: ['{n} file', '{n} files'], zh: '{n} 个文件' },
  document: { en: ['{n} document', '{n} documents'], zh: '{n} 个文档' },
  requirement: { en: ['{n} requirement', '{n} requirements'], zh: '{n} 条需求' },
  reference: { en: ['{n} reference', '{n} references'], zh: '{n} 处引用' },
  error: { en: ['{n} error', '{n} errors'], zh: '{n} 个错误' },
  warning: { en: ['{n} warning', '{n} warnings'], zh: '{n} 个警告' },
  problem: { en: ['{n} problem', '{n} problems'], zh: '{n} 个问题' },
} as const;

const englishPlurals = new Intl.PluralRules('en');

/** `1 file`, `2 files`, `3 个文件`. */
export function counted(locale: Locale, noun: keyof typeof NOUNS, n: number): string {
  const forms = NOUNS[noun];
  const template = locale === 'zh-cn' ? forms.zh : forms.en[englishPlurals.select(n) === 'one' ? 0 : 1];
  return formatMessage(template, { n });
}

export function cliMessage(locale: Locale, key: Key, args: Record<string, string | number> = {}): string {
  return formatMessage((locale === 'zh-cn' ? zhCn : en)[key], args);
}
