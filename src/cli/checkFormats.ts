import type { Locale } from '../core';
import type { CheckReport } from './checkReport';
import { cliMessage, counted } from './cliMessages';

const MAX_NOTES = 20;

/** `file:line:col: severity code message`, then notes and a summary line: grep- and editor-friendly. */
export function formatText(report: CheckReport, locale: Locale): string {
  const lines = report.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code} ${d.message}`);
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
  return `${JSON.stringify({ version: 1, diagnostics: report.diagnostics, summary: report.summary, skipped: report.skipped }, null, 2)}\n`;
}

/** SARIF 2.1.0, the format GitHub code scanning reads. */
export function formatSarif(report: CheckReport, toolVersion: string): string {
  const codes = [...new Set(report.diagnostics.map((d) => d.code))].sort();
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'specboard', version: toolVersion, informationUri: 'https://github.com/specboard/specboard',
          rules: codes.map((id) => ({ id, shortDescription: { text: id.replace(/-/g, ' ') } })),
        },
      },
      results: report.diagnostics.map((d) => ({
        ruleId: d.code,
        ruleIndex: codes.indexOf(d.code),
        level: d.severity === 'info' ? 'note' : d.severity,
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
