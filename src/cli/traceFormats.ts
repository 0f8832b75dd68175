import type { Locale, TraceRequirement } from '../core';
import { csvRow } from './csv';

/** Trace output rows with CLI paths (relative) and 1-based lines. */
export interface TraceRow extends Omit<TraceRequirement, 'path' | 'line' | 'references'> {
  readonly file: string;
  readonly line: number;
  readonly references: readonly { file: string; line: number; kind: 'doc' | 'code' }[];
}

export function toTraceRows(reqs: readonly TraceRequirement[], rel: (p: string) => string): TraceRow[] {
  return reqs.map(({ path, line, references, ...rest }) => ({
    ...rest, file: rel(path), line: line + 1,
    references: references.map((r) => ({ file: rel(r.path), line: r.line + 1, kind: r.kind })),
  }));
}

export function traceJson(rows: readonly TraceRow[]): string {
  const requirements = rows.map((r) => ({
    id: r.id, title: r.title, file: r.file, line: r.line, docType: r.docType ?? null, status: r.status ?? null,
    priority: r.priority ?? null, release: r.release ?? null, owner: r.owner ?? null,
    traces: r.traces, downstream: r.downstream, brokenTraces: r.brokenTraces, references: r.references,
  }));
  return `${JSON.stringify({ version: 1, requirements }, null, 2)}\n`;
}

export function traceCsv(rows: readonly TraceRow[]): string {
  const header = csvRow(['ID', 'Title', 'Status', 'Priority', 'Release', 'Owner', 'Doc type', 'File', 'Line', 'Traces', 'Downstream', 'Code references', 'Doc references']);
  const body = rows.map((r) => csvRow([
    r.id, r.title, r.status, r.priority, r.release, r.owner, r.docType, r.file, r.line, r.traces.join(' '), r.downstream.join(' '),
    r.references.filter((x) => x.kind === 'code').map((x) => `${x.file}:${x.line}`).join(' '),
    r.references.filter((x) => x.kind === 'doc').map((x) => `${x.file}:${x.line}`).join(' '),
  ]));
  return `${[header, ...body].join('\n')}\n`;
}

const MATRIX_HEADERS: Record<Locale, readonly string[]> = {
  en: ['ID', 'Title', 'Status', 'Priority', 'Traces', 'Downstream', 'Code', 'Docs'],
  'zh-cn': ['ID', '标题', '状态', '优先级', '上游', '下游', '代码引用', '文档引用'],
};

/** A Markdown traceability matrix, pasteable into a review doc, with headers in the reader's language. */
export function traceMarkdown(rows: readonly TraceRow[], locale: Locale = 'en'): string {
  const esc = (s: string | undefined) => (s ?? '').replace(/\|/g, '\\|');
  const lines = [
    `| ${MATRIX_HEADERS[locale].join(' | ')} |`,
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.id} | ${esc(r.title)} | ${esc(r.status)} | ${esc(r.priority)} | ${r.traces.join(', ')} | ${r.downstream.join(', ')} | ${
      r.references.filter((x) => x.kind === 'code').length} | ${r.references.filter((x) => x.kind === 'doc').length} |`),
  ];
  return `${lines.join('\n')}\n`;
}
