import { buildCoverage } from '../coverage';
import type { AgentTool } from './agentTool';
import { findDocument } from './toolLookups';
import { toolMessage } from './toolMessages';

export interface TraceInput {
  readonly document?: string;
  readonly release?: string;
}

/** `trace`: which requirements of a document or release code covers, and which it does not. */
export const traceTool: AgentTool<TraceInput> = {
  name: 'trace',
  description: (locale) => toolMessage(locale, 'desc.trace'),
  inputSchema: {
    type: 'object',
    properties: {
      document: { type: 'string', maxLength: 1000, description: 'A document ID (PRD-CHECKOUT) or path' },
      release: { type: 'string', maxLength: 100, description: 'A release, e.g. 2.0' },
    },
    additionalProperties: false,
  },
  async run(input, context) {
    const { locale } = context;
    const doc = input.document !== undefined ? findDocument(context, input.document) : undefined;
    const release = input.release?.trim();
    const requirements = buildCoverage(context.specs, doc ? (p) => p === doc.path : undefined).documents
      .flatMap((d) => d.requirements)
      .filter((r) => release === undefined || r.release === release)
      .map((r) => ({
        id: r.id, title: r.title, file: context.displayPath(r.path), line: r.line + 1, status: r.status, release: r.release, state: r.state,
        code: r.codeReferences.map((c) => ({ file: context.displayPath(c.path), line: c.line + 1 })), coveredVia: r.coveredVia,
      }));
    const covered = requirements.filter((r) => r.state !== 'none');
    const uncovered = requirements.filter((r) => r.state === 'none');
    const scope = [doc ? doc.id ?? context.displayPath(doc.path) : undefined, release !== undefined ? toolMessage(locale, 'release', { release }) : undefined]
      .filter(Boolean).join(', ') || toolMessage(locale, 'workspace');
    const text = [
      toolMessage(locale, 'traceSummary', { scope, total: requirements.length, covered: covered.length, uncovered: uncovered.length }),
      ...(covered.length ? [toolMessage(locale, 'covered')] : []),
      ...covered.map((r) => `- ${r.id} ${r.title}: ${r.code.length ? r.code.map((c) => `${c.file}:${c.line}`).join(', ') : toolMessage(locale, 'state.downstream', { via: r.coveredVia.join(', ') })}`),
      ...(uncovered.length ? [toolMessage(locale, 'uncovered')] : []),
      ...uncovered.map((r) => `- ${r.id} ${r.title} (${r.file}:${r.line})`),
    ].join('\n');
    return {
      text,
      structured: {
        document: doc ? { id: doc.id, file: context.displayPath(doc.path) } : undefined, release,
        total: requirements.length, covered: covered.length, uncovered: uncovered.length, requirements,
      },
    };
  },
};
