import { compareIds } from '../compareIds';
import type { RequirementDef } from '../model';
import { matchesPinyin } from '../pinyin';
import { defaultVocabulary } from '../vocabulary';
import type { AgentTool, ToolContext, ToolResult } from './agentTool';
import { coverageOf, findDocument, page, sectionEnd, textCache } from './toolLookups';
import { toolMessage } from './toolMessages';

export interface FindRequirementsInput {
  readonly query?: string;
  readonly idPrefix?: string;
  readonly status?: string;
  readonly priority?: string;
  readonly release?: string;
  readonly owner?: string;
  readonly document?: string;
  readonly uncovered?: boolean;
  readonly limit?: number;
  readonly offset?: number;
}

/** `find_requirements`: a filtered, paged listing of the index's requirements. */
export const findRequirements: AgentTool<FindRequirementsInput> = {
  name: 'find_requirements',
  description: (locale) => toolMessage(locale, 'desc.find_requirements'),
  inputSchema: {
    type: 'object',
    properties: {
      query: { type: 'string', maxLength: 500, description: 'Words that must all appear in the title or body (English or Chinese; Latin letters also match Chinese titles by pinyin).' },
      idPrefix: { type: 'string', maxLength: 100, description: 'Start of the ID, e.g. REQ-CHK or FR-' },
      status: { type: 'string', maxLength: 100, description: 'e.g. proposed, approved, in-progress, done (team words such as 进行中 work too)' },
      priority: { type: 'string', maxLength: 100, description: 'e.g. P0' },
      release: { type: 'string', maxLength: 100 },
      owner: { type: 'string', maxLength: 200, description: 'Part of the owner\'s name' },
      document: { type: 'string', maxLength: 1000, description: 'A document ID (PRD-CHECKOUT) or a path relative to the workspace' },
      uncovered: { type: 'boolean', description: 'Only requirements that no code covers' },
      limit: { type: 'integer', minimum: 1, maximum: 200, default: 20 },
      offset: { type: 'integer', minimum: 0, default: 0 },
    },
    additionalProperties: false,
  },
  async run(input, context) {
    const matches = await search(input, context);
    const { items, nextOffset } = page(matches, input.offset, input.limit);
    const coverage = coverageOf(context);
    const requirements = items.map((d) => ({
      id: d.id, title: d.title, file: context.displayPath(d.path), line: d.line + 1,
      document: docIdOf(context, d.path), status: d.attributes.status, priority: d.attributes.priority,
      release: d.attributes.release, owner: d.attributes.owner, coverage: coverage(d)?.state,
    }));
    const { locale } = context;
    const lines = requirements.length === 0
      ? [toolMessage(locale, 'foundNone')]
      : [toolMessage(locale, 'found', { shown: requirements.length, total: matches.length }),
        ...requirements.map((r) => `- ${r.id} ${r.title} [${[r.status, r.priority, r.release].filter(Boolean).join(', ')}] ${r.file}:${r.line}`)];
    if (nextOffset !== undefined) lines.push(toolMessage(locale, 'more', { offset: nextOffset }));
    return { text: lines.join('\n'), structured: { total: matches.length, offset: input.offset ?? 0, nextOffset, requirements } } satisfies ToolResult;
  },
};

async function search(input: FindRequirementsInput, context: ToolContext): Promise<RequirementDef[]> {
  const { specs } = context;
  const docPath = input.document !== undefined ? findDocument(context, input.document).path : undefined;
  const status = input.status !== undefined ? defaultVocabulary('status', input.status) : undefined;
  const priority = input.priority !== undefined ? defaultVocabulary('priority', input.priority) : undefined;
  const prefix = input.idPrefix?.toUpperCase();
  const owner = input.owner?.toLowerCase();
  const uncovered = input.uncovered ? coverageOf(context) : undefined;
  const candidates = [...specs.index.requirements()].filter((d) => {
    const a = d.attributes;
    return (!docPath || d.path === docPath) && (!prefix || d.id.toUpperCase().startsWith(prefix))
      && (status === undefined || a.status === status || a.status === input.status)
      && (priority === undefined || a.priority === priority || a.priority === input.priority)
      && (input.release === undefined || releaseOf(context, d) === input.release.trim())
      && (owner === undefined || (a.owner ?? '').toLowerCase().includes(owner))
      && (!uncovered || uncovered(d)?.state === 'none');
  });
  const words = (input.query ?? '').normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean);
  const found = words.length ? await byText(candidates, words, context) : candidates;
  return found.sort((x, y) => compareIds(x.id, y.id) || x.path.localeCompare(y.path));
}

/** Requirements whose title or body holds every word; a Latin word also matches the title's Chinese by pinyin. */
async function byText(defs: readonly RequirementDef[], words: readonly string[], context: ToolContext): Promise<RequirementDef[]> {
  const text = textCache(context);
  const out: RequirementDef[] = [];
  for (const d of defs) {
    const lines = await text(d.path);
    const body = (lines ? lines.slice(d.line, sectionEnd(context.specs, d) + 1).join('\n') : d.excerpt);
    const haystack = `${d.id}\n${d.title}\n${body}`.normalize('NFKC').toLowerCase();
    if (words.every((w) => haystack.includes(w) || matchesPinyin(d.title, w))) out.push(d);
  }
  return out;
}

/** The requirement's release, or its document's (a PRD's `release:` applies to its requirements). */
function releaseOf(context: ToolContext, d: RequirementDef): string | undefined {
  if (d.attributes.release !== undefined) return d.attributes.release;
  const release = context.specs.file(d.path)?.frontMatter?.data?.release;
  return release === undefined || release === null ? undefined : String(release);
}

function docIdOf(context: ToolContext, path: string): string | undefined {
  const id = context.specs.file(path)?.frontMatter?.data?.id;
  return typeof id === 'string' ? id : undefined;
}
