import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import {
  CallToolRequestSchema, ErrorCode, ListResourcesRequestSchema, ListResourceTemplatesRequestSchema, ListToolsRequestSchema, McpError, ReadResourceRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import type { Logger } from '../core';
import { AGENT_TOOLS, callAgentTool, documentResources, readAgentResource, REQ_SCHEME, ToolError, type ToolContext } from '../core/agentTools';

export interface McpServerOptions {
  readonly version: string;
  readonly allowWrite: boolean;
  /** Brings the index up to date with changes seen on disk; awaited before every request. */
  readonly settle: () => Promise<void>;
  readonly logger: Logger;
}

/**
 * The MCP server: the agent tools and the workspace's documents and requirements as resources,
 * over whatever transport it is given (stdio for `specboard mcp`). Tool failures are tool results
 * with isError, as the protocol asks, so an agent can read and correct them.
 */
export function createMcpServer(context: ToolContext, options: McpServerOptions): Server {
  const server = new Server({ name: 'specboard', version: options.version }, { capabilities: { tools: {}, resources: {} } });
  // Without --allow-write the write tool is not offered; called anyway, it answers with the reason.
  const listed = AGENT_TOOLS.filter((t) => options.allowWrite || !t.writes);
  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: listed.map((t) => ({
      name: t.name, description: t.description(context.locale), inputSchema: t.inputSchema as { type: 'object'; properties: Record<string, object> },
      annotations: t.writes ? { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false } : { readOnlyHint: true, openWorldHint: false },
    })),
  }));
  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    await options.settle();
    const result = await callAgentTool(request.params.name, request.params.arguments, context, (e) => options.logger.error(`Tool ${request.params.name} failed`, e));
    return { content: [{ type: 'text', text: result.text }], structuredContent: result.structured, isError: result.isError ?? false };
  });
  server.setRequestHandler(ListResourcesRequestSchema, async () => {
    await options.settle();
    return { resources: documentResources(context) };
  });
  server.setRequestHandler(ListResourceTemplatesRequestSchema, async () => ({
    resourceTemplates: [{ uriTemplate: `${REQ_SCHEME}{id}`, name: 'requirement', description: 'A requirement with its text, attributes, traces and references', mimeType: 'text/markdown' }],
  }));
  server.setRequestHandler(ReadResourceRequestSchema, async (request) => {
    await options.settle();
    try {
      return { contents: [await readAgentResource(context, request.params.uri)] };
    } catch (e) {
      // A resource read has no error result: an unknown URI is the protocol's invalid-params error.
      if (e instanceof ToolError) throw new McpError(ErrorCode.InvalidParams, e.message);
      throw e;
    }
  });
  return server;
}

/** Serves until the transport closes (the client ends the session or closes stdin). */
export async function serveUntilClosed(server: Server, transport: Transport): Promise<void> {
  const closed = new Promise<void>((resolve) => {
    server.onclose = resolve;
  });
  await server.connect(transport);
  await closed;
}
