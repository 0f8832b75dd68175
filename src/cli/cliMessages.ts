import { formatMessage, type Locale } from '../core';

/** The CLI's own message catalog (the core's diagnostics have theirs in src/core/messages.ts). */
const en = {
  usage: `Usage: specboard <command> [options]

Commands:
  check [paths...]          Validate product docs and requirement references
      --format text|json|sarif   Output format (default: text)
      --fix                      Apply the fixes that need no choice and write the files
      --cache                    Reuse the results of unchanged files from the last run
      --cache-location <file|dir>  Where the cache is kept (default: node_modules/.cache/specboard/)
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
  -h, --help                Show this help; 'specboard <command> --help' for one command
  -v, --version             Show the version

Exit codes: 0 no errors, 1 errors found, 2 usage or configuration error.`,
  helpCheck: `Usage: specboard check [paths...] [options]

Validates product documents (front matter, required sections, requirement attributes) and every
requirement ID cited in documents and code. The whole workspace is read, so IDs defined elsewhere
resolve; only the given paths are reported. Without paths: the current folder.

Options:
  --format text|json|sarif   Output format (default: text; sarif for code scanning)
  --fix                      Apply the fixes that need no choice, write the files, report what is left
  --cache                    Keep each file's parse and the report in a cache file, and reuse them for
                             files that did not change (a changed config or schema invalidates them)
  --cache-location <file|dir>  The cache file, or a folder for it (default: node_modules/.cache/specboard/
                             under the workspace, else ~/.cache/specboard/); ignored with --fix
  --threads auto|<n>         Threads that read and parse files, this one included (default: auto, one
                             per core with 3 cores or more and 500 files or more; 1: no worker
                             threads). Not with --cache. The report is the same whatever the number
  --lang en|zh-cn            Language of messages (default: config, then $LANG)
  --verbose                  Log indexing times, skipped files and errors to standard error

Examples:
  specboard check
  specboard check docs/payments --format sarif > specboard.sarif
  specboard check --fix
  specboard check --cache --cache-location .cache/

Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 usage or configuration error.`,
  helpTrace: `Usage: specboard trace [paths...] [options]

Lists every requirement of the given documents with its status, the code that cites it and its
trace links to other requirements: which requirements are covered by code, which are not.

Options:
  --format json|csv|md       Output format (default: json)
  --lang en|zh-cn            Language of messages (default: config, then $LANG)
  --verbose                  Log indexing times, skipped files and errors to standard error

Examples:
  specboard trace --format md > TRACEABILITY.md
  specboard trace docs/payments/prd.md --format csv

Exit codes: 0 done, 2 usage or configuration error.`,
  helpExport: `Usage: specboard export html <doc|folder>... --out <dir>
       specboard export csv [paths...] [--out <file>]

html  One self-contained page per document for reviewers (styles inlined, no scripts), with
      status badges and requirement links, plus index.html; --out is required.
csv   The requirement list (ID, title, status, priority, release, owner, document, code references),
      UTF-8 with a byte-order mark so spreadsheets read Chinese; standard output without --out.

Options:
  --out <dir|file>           Where to write (see above)
  --lang en|zh-cn            Language of messages and pages (default: config, then $LANG)
  --verbose                  Log indexing times, skipped files and errors to standard error

Examples:
  specboard export html docs --out review/
  specboard export csv --out requirements.csv

Exit codes: 0 written, 1 no product document in the given paths, 2 usage or configuration error.`,
  helpMcp: `Usage: specboard mcp [--root <dir>] [--allow-write]

A Model Context Protocol server on standard input and output, for coding agents (Claude Code,
Copilot's agent mode, Cursor…): it indexes the folder once, follows its changes, and answers the
tools find_requirements, get_requirement, check, trace and next_free_id, plus documents and
requirements as resources. Standard output carries the protocol only; notes go to standard error.

Options:
  --root <dir>               The workspace to serve (default: the current folder)
  --allow-write              Also offer set_requirement_attribute, which changes one attribute of
                             a requirement in its file (refused when the file changed since read)
  --lang en|zh-cn            Language of the tools' messages (default: config, then $LANG)
  --verbose                  Log indexing times, skipped files and errors to standard error

Example (an agent's configuration runs it; it waits for a client on standard input):
  specboard mcp --root .

Exit codes: 0 when the client closes the session, 2 usage error (a --root that is no folder).`,
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
  cacheUnreadable: 'note: the cache {path} could not be read ({detail}); checking without it',
  cacheCorrupt: 'note: the cache {path} is damaged (truncated or changed); checking without it',
  cacheForeign: 'note: {path} is not a Specboard cache; checking without it',
  cacheOtherVersion: 'note: the cache {path} was written by another version of Specboard; checking without it',
  cacheOtherWorkspace: 'note: the cache {path} belongs to another workspace; checking without it',
  cacheNotWritten: 'note: the cache {path} could not be written ({detail})',
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
      --cache                    复用上次运行中未改动文件的结果
      --cache-location <文件|目录>  缓存存放位置（默认 node_modules/.cache/specboard/）
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
  -h, --help                显示帮助；'specboard <命令> --help' 查看单个命令
  -v, --version             显示版本

退出码：0 无错误，1 发现错误，2 用法或配置错误。`,
  helpCheck: `用法：specboard check [路径...] [选项]

校验产品文档（文档头、必需章节、需求属性），以及文档和代码中引用的每个需求 ID。
会读取整个工作区，所以在别处定义的 ID 也能解析；只报告给定路径中的问题。不给路径时检查当前目录。

选项：
  --format text|json|sarif   输出格式（默认 text；代码扫描用 sarif）
  --fix                      应用无需选择的修复并写回文件，再报告剩下的问题
  --cache                    将每个文件的解析结果和报告保存在缓存文件中，未改动的文件直接复用
                             （配置或模式改动会使相应缓存失效）
  --cache-location <文件|目录>  缓存文件或其所在目录（默认为工作区下的 node_modules/.cache/specboard/，
                             否则为 ~/.cache/specboard/）；与 --fix 同用时不使用缓存
  --threads auto|<n>         读取和解析文件的线程数，含主线程（默认 auto：至少 3 个 CPU 核且文件达到 500 个时，
                             每核一个线程；1：不用工作线程）。与 --cache 同用时只用主线程。线程数不影响报告内容
  --lang en|zh-cn            消息语言（默认取配置，其次 $LANG）
  --verbose                  将索引耗时、跳过的文件和错误记录到标准错误输出

示例：
  specboard check
  specboard check docs/payments --format sarif > specboard.sarif
  specboard check --fix
  specboard check --cache --cache-location .cache/

退出码：0 无错误（可有警告），1 发现错误，2 用法或配置错误。`,
  helpTrace: `用法：specboard trace [路径...] [选项]

列出给定文档中的每条需求：状态、引用它的代码、与其他需求的追溯关系，
即哪些需求已有代码覆盖，哪些还没有。

选项：
  --format json|csv|md       输出格式（默认 json）
  --lang en|zh-cn            消息语言（默认取配置，其次 $LANG）
  --verbose                  将索引耗时、跳过的文件和错误记录到标准错误输出

示例：
  specboard trace --format md > TRACEABILITY.md
  specboard trace docs/payments/prd.md --format csv

退出码：0 完成，2 用法或配置错误。`,
  helpExport: `用法：specboard export html <文档|目录>... --out <目录>
      specboard export csv [路径...] [--out <文件>]

html  为评审人每个文档生成一个独立页面（样式内嵌，不含脚本），带状态徽标和需求链接，
      另有 index.html；必须指定 --out。
csv   需求列表（ID、标题、状态、优先级、版本、负责人、文档、代码引用），UTF-8 带字节顺序标记，
      表格软件能正确显示中文；不指定 --out 时输出到标准输出。

选项：
  --out <目录|文件>          写入位置（见上）
  --lang en|zh-cn            消息和页面的语言（默认取配置，其次 $LANG）
  --verbose                  将索引耗时、跳过的文件和错误记录到标准错误输出

示例：
  specboard export html docs --out review/
  specboard export csv --out requirements.csv

退出码：0 已写入，1 给定路径中没有产品文档，2 用法或配置错误。`,
  helpMcp: `用法：specboard mcp [--root <目录>] [--allow-write]

通过标准输入输出提供 Model Context Protocol 服务器，供编程智能体（Claude Code、Copilot 智能体模式、
Cursor 等）使用：启动时为目录建立一次索引，之后跟踪文件变化，提供 find_requirements、
get_requirement、check、trace 和 next_free_id 工具，并把文档和需求作为资源提供。
标准输出只承载协议消息，提示信息写到标准错误输出。

选项：
  --root <目录>              要提供的工作区（默认当前目录）
  --allow-write              另外提供 set_requirement_attribute，修改需求在其文件中的某个属性
                             （若文件在读取后已被改动则拒绝）
  --lang en|zh-cn            工具消息的语言（默认取配置，其次 $LANG）
  --verbose                  将索引耗时、跳过的文件和错误记录到标准错误输出

示例（由智能体的配置启动，它在标准输入上等待客户端）：
  specboard mcp --root .

退出码：0 客户端结束会话，2 用法错误（--root 不是目录）。`,
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
  cacheUnreadable: '注意：无法读取缓存 {path}（{detail}），本次不使用缓存',
  cacheCorrupt: '注意：缓存 {path} 已损坏（被截断或改动），本次不使用缓存',
  cacheForeign: '注意：{path} 不是 Specboard 的缓存，本次不使用缓存',
  cacheOtherVersion: '注意：缓存 {path} 由其他版本的 Specboard 写入，本次不使用缓存',
  cacheOtherWorkspace: '注意：缓存 {path} 属于另一个工作区，本次不使用缓存',
  cacheNotWritten: '注意：无法写入缓存 {path}（{detail}）',
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

let englishPlurals: Intl.PluralRules | undefined;

/**
 * English's plural category. For a whole number it is CLDR's rule itself (one for 1, other for the
 * rest), without loading ICU: the first Intl object costs 10-40 ms, and a `check --cache` that
 * prints a cached report needs none.
 */
function englishPlural(n: number): Intl.LDMLPluralRule {
  if (Number.isInteger(n)) return n === 1 ? 'one' : 'other';
  return (englishPlurals ??= new Intl.PluralRules('en')).select(n);
}

/** `1 file`, `2 files`, `3 个文件`. */
export function counted(locale: Locale, noun: keyof typeof NOUNS, n: number): string {
  const forms = NOUNS[noun];
  const template = locale === 'zh-cn' ? forms.zh : forms.en[englishPlural(n) === 'one' ? 0 : 1];
  return formatMessage(template, { n });
}

export function cliMessage(locale: Locale, key: Key, args: Record<string, string | number> = {}): string {
  return formatMessage((locale === 'zh-cn' ? zhCn : en)[key], args);
}
