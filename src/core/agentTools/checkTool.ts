import type { AgentTool } from './agentTool';
import { isInside, page, pathInput } from './toolLookups';
import { toolMessage } from './toolMessages';

export interface CheckInput {
  readonly paths?: readonly string[];
  readonly limit?: number;
}

/** `check`: the diagnostics `specboard check` reports, for paths or the whole workspace. */
export const checkTool: AgentTool<CheckInput> = {
  name: 'check',
  description: (locale) => toolMessage(locale, 'desc.check'),
  inputSchema: {
    type: 'object',
    properties: {
      paths: { type: 'array', items: { type: 'string', maxLength: 1000 }, maxItems: 100, description: 'Files or folders relative to the workspace; the whole workspace when absent' },
      limit: { type: 'integer', minimum: 1, maximum: 1000, default: 200, description: 'At most this many diagnostics are listed (the counts cover all)' },
    },
    additionalProperties: false,
  },
  async run(input, context) {
    const { specs, locale } = context;
    const targets = (input.paths ?? []).map((p) => pathInput(context, p));
    // As in the CLI: config and schema errors always show, since they change what every file means.
    const settings = new Set(specs.settingsDiagnosticPaths());
    const all = specs.allDiagnostics().filter((d) => targets.length === 0 || settings.has(d.path) || targets.some((t) => isInside(d.path, t)));
    const count = (s: string) => all.filter((d) => d.severity === s).length;
    const summary = { errors: count('error'), warnings: count('warning'), infos: count('info') };
    const sorted = [...all].sort((a, b) => a.path.localeCompare(b.path) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    const diagnostics = page(sorted, 0, input.limit ?? 200).items.map((d) => ({
      file: context.displayPath(d.path), line: d.range.start.line + 1, column: d.range.start.character + 1,
      endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1, severity: d.severity, code: d.code, message: d.message,
    }));
    const scope = targets.length ? targets.map((t) => context.displayPath(t)).join(', ') : toolMessage(locale, 'workspace');
    const head = all.length === 0 ? toolMessage(locale, 'checkClean', { scope }) : toolMessage(locale, 'checkSummary', { scope, ...summary });
    const text = [head, ...diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code} ${d.message}`)].join('\n');
    return { text, structured: { summary: { ...summary, total: all.length }, diagnostics } };
  },
};
