import { RULES, type Locale } from '../core';
import type { CheckReport } from './checkReport';
import { cliMessage, counted } from './cliMessages';

const MAX_NOTES = 20;

/** `file:line:col: severity code message`, then notes and a summary line: grep- and editor-friendly. */
export function formatText(report: CheckReport, locale: Locale): string {
  // A fixed problem's line says `fixed` where a problem's says its severity: the problem matcher
  // (package.json) takes only error, warning and info, so fixed lines never reach the Problems panel.
  const lines = (report.fixed ?? []).map((d) => cliMessage(locale, 'fixedLine', { file: d.file, line: d.line, column: d.column, code: d.code, message: d.message }));
  if (report.fixed) {
    const files = new Set(report.fixed.map((d) => d.file)).size;
    lines.push(report.fixed.length ? cliMessage(locale, 'fixedSummary', { problems: counted(locale, 'problem', report.fixed.length), files: counted(locale, 'file', files) }) : cliMessage(locale, 'fixedNone'));
  }
  for (const d of report.diagnostics) lines.push(`${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code} ${d.message}`);
  for (const s of report.skipped.slice(0, MAX_NOTES)) lines.push(cliMessage(locale, 'skipped', { path: s.file, reason: s.reason }));
  if (report.skipped.length > MAX_NOTES) lines.push(cliMessage(locale, 'skippedMore', { files: counted(locale, 'file', report.skipped.length - MAX_NOTES) }));
  const s = report.summary;
  const clean = s.errors === 0 && s.warnings === 0;
  lines.push(cliMessage(locale, clean ? 'summaryClean' : 'summary', {
    files: counted(locale, 'file', s.files), documents: counted(locale, 'document', s.documents),
    requirements: counted(locale, 'requirement', s.requirements), references: counted(locale, 'reference', s.references),
    errors: counted(locale, 'error', s.errors), warnings: counted(locale, 'warning', s.warnings),
  }));
  return `${lines.join('\n')}\n`;
}

export function formatJson(report: CheckReport): string {
  const fixed = report.fixed ? { fixed: report.fixed } : {};
  return `${JSON.stringify({ version: 1, diagnostics: report.diagnostics, summary: report.summary, skipped: report.skipped, ...fixed }, null, 2)}\n`;
}

const INFORMATION_URI = 'https://github.com/specboard/specboard';

/**
 * SARIF 2.1.0, the format GitHub code scanning reads. Every rule is listed, with its description,
 * full description and help in the run's language (--lang), so a code-scanning alert explains
 * itself; results point at their rule by id and index.
 */
export function formatSarif(report: CheckReport, toolVersion: string, locale: Locale): string {
  const index = new Map(RULES.map((r, i) => [r.code as string, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'specboard', version: toolVersion, informationUri: INFORMATION_URI, language: locale === 'zh-cn' ? 'zh-CN' : 'en-US',
          rules: RULES.map((r) => {
            const text = r.text[locale];
            return {
              id: r.code,
              shortDescription: { text: text.short },
              fullDescription: { text: text.full },
              help: { text: text.help },
              helpUri: `${INFORMATION_URI}#rule-${r.code}`,
              defaultConfiguration: { level: sarifLevel(r.severity) },
            };
          }),
        },
      },
      language: locale === 'zh-cn' ? 'zh-CN' : 'en-US',
      results: report.diagnostics.map((d) => ({
        ruleId: d.code,
        ruleIndex: index.get(d.code) ?? -1,
        level: sarifLevel(d.severity),
        message: { text: d.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: encodeURI(d.file), uriBaseId: '%SRCROOT%' },
            region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
          },
        }],
      })),
    }],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

function sarifLevel(severity: 'error' | 'warning' | 'info'): 'error' | 'warning' | 'note' {
  return severity === 'info' ? 'note' : severity;
}
