/** The agent tools' public surface, for the MCP server (src/cli) and the chat tools (src/extension). */
export { AGENT_TOOLS, callAgentTool } from './agentTools';
export { ToolError, type AgentTool, type InputSchema, type ToolContext, type ToolResult, type WriteOutcome } from './agentTool';
export { DOC_SCHEME, REQ_SCHEME, documentResources, readAgentResource, type AgentResource } from './agentResources';
export { toolMessage } from './toolMessages';
