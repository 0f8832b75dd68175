import { ToolError, type ToolContext } from './agentTool';
import { requirementDetails, requirementMarkdown } from './getRequirement';
import { findDocument } from './toolLookups';
import { toolMessage } from './toolMessages';

export const DOC_SCHEME = 'specboard://doc/';
export const REQ_SCHEME = 'specboard://req/';

export interface AgentResource {
  readonly uri: string;
  readonly name: string;
  readonly title?: string;
  readonly description?: string;
  readonly mimeType: 'text/markdown';
}

/**
 * Every product document as a resource, `specboard://doc/<doc id>` (or its path when the front
 * matter has no ID, as spec-kit and Kiro files do not). Requirements are not listed one by one
 * (a workspace can hold thousands); agents read them through the `specboard://req/{id}` template.
 */
export function documentResources(context: ToolContext): AgentResource[] {
  return context.specs.documents().map((d) => {
    const key = d.id ?? context.displayPath(d.path);
    return { uri: `${DOC_SCHEME}${encodeURIComponent(key)}`, name: key, title: d.title, description: `${d.type} · ${context.displayPath(d.path)}`, mimeType: 'text/markdown' };
  });
}

/** A resource's text: a document's Markdown as it is now, or a requirement's details as Markdown. */
export async function readAgentResource(context: ToolContext, uri: string): Promise<{ uri: string; mimeType: 'text/markdown'; text: string }> {
  if (uri.startsWith(REQ_SCHEME)) {
    const details = await requirementDetails(context, decode(context, uri.slice(REQ_SCHEME.length)));
    return { uri, mimeType: 'text/markdown', text: requirementMarkdown(context, details) };
  }
  if (uri.startsWith(DOC_SCHEME)) {
    const doc = findDocument(context, decode(context, uri.slice(DOC_SCHEME.length)));
    const text = await context.readText(doc.path);
    if (text === undefined) throw new ToolError(toolMessage(context.locale, 'unreadable', { file: context.displayPath(doc.path) }));
    return { uri, mimeType: 'text/markdown', text };
  }
  throw new ToolError(toolMessage(context.locale, 'unknownDocument', { document: uri }));
}

function decode(context: ToolContext, text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new ToolError(toolMessage(context.locale, 'unknownDocument', { document: text }));
  }
}
