import type { AgentTool, ToolContext } from './agentTool';
import { coverageOf, definitionOf, sectionEnd, textCache } from './toolLookups';
import { toolMessage } from './toolMessages';

export interface GetRequirementInput {
  readonly id: string;
  /** Which definition, when scoped IDs (spec-kit's FR-001) are defined in several features. */
  readonly file?: string;
}

/** `get_requirement`: everything Specboard knows about one requirement, with the text around it. */
export const getRequirement: AgentTool<GetRequirementInput> = {
  name: 'get_requirement',
  description: (locale) => toolMessage(locale, 'desc.get_requirement'),
  inputSchema: {
    type: 'object',
    properties: {
      id: { type: 'string', minLength: 1, maxLength: 200, description: 'The requirement ID, e.g. REQ-CHK-001' },
      file: { type: 'string', maxLength: 1000, description: 'The defining document\'s path, when the ID is defined in several features' },
    },
    required: ['id'],
    additionalProperties: false,
  },
  async run(input, context) {
    const structured = await requirementDetails(context, input.id, input.file);
    return { text: requirementMarkdown(context, structured), structured };
  },
};

export type RequirementDetails = Awaited<ReturnType<typeof requirementDetails>>;

/** The facts `get_requirement` and the `specboard://req/<id>` resource give. */
export async function requirementDetails(context: ToolContext, id: string, file?: string) {
  const { specs } = context;
  const def = definitionOf(context, id, file);
  const text = textCache(context);
  const lines = await text(def.path);
  const fm = specs.file(def.path)?.frontMatter?.data;
  const str = (v: unknown) => (v === undefined || v === null ? undefined : String(v));
  const coverage = coverageOf(context)(def);
  const references = [];
  for (const r of specs.index.references(def)) {
    references.push({ file: context.displayPath(r.path), line: r.line + 1, kind: r.kind, text: ((await text(r.path))?.[r.line] ?? '').trim() });
  }
  return {
    id: def.id, title: def.title, file: context.displayPath(def.path), line: def.line + 1, endLine: def.endLine + 1, form: def.form,
    section: lines ? lines.slice(def.line, sectionEnd(context.specs, def) + 1).join('\n').trimEnd() : def.excerpt,
    attributes: { ...def.attributes },
    document: { id: str(fm?.id), type: specs.file(def.path)?.docType, title: str(fm?.title), file: context.displayPath(def.path) },
    upstream: def.traces.filter((t) => specs.index.definitions(t).length > 0),
    brokenTraces: def.traces.filter((t) => specs.index.definitions(t).length === 0),
    downstream: [...(coverage?.downstream ?? [])],
    coverage: coverage?.state ?? 'none',
    coveredVia: [...(coverage?.coveredVia ?? [])],
    references,
  };
}

/** The details as Markdown: what a model reads, and the resource's text. */
export function requirementMarkdown(context: ToolContext, r: RequirementDetails): string {
  const m = (key: Parameters<typeof toolMessage>[1], args?: Record<string, string>) => toolMessage(context.locale, key, args);
  const list = (ids: readonly string[]) => (ids.length ? ids.join(', ') : m('none'));
  const attrs = Object.entries(r.attributes).map(([k, v]) => `${k}: ${v}`).join('; ');
  const state = r.coverage === 'downstream' ? m('state.downstream', { via: r.coveredVia.join(', ') }) : m(r.coverage === 'code' ? 'state.code' : 'state.none');
  return [
    `# ${r.id} ${r.title}`,
    `${r.file}:${r.line}-${r.endLine}`,
    `${m('document')}: ${[r.document.id, r.document.type, r.document.title].filter(Boolean).join(' · ') || r.file}`,
    `${m('attributes')}: ${attrs || m('none')}`,
    `${m('upstream')}: ${list(r.upstream)}${r.brokenTraces.length ? ` (${m('brokenTraces')}: ${r.brokenTraces.join(', ')})` : ''}`,
    `${m('downstream')}: ${list(r.downstream)}`,
    `${m('coverage')}: ${state}`,
    '',
    r.section,
    '',
    `## ${m('references')} (${r.references.length})`,
    ...r.references.map((x) => `- ${x.file}:${x.line} (${x.kind}) ${x.text}`),
  ].join('\n');
}
