import type { ErrorObject, ValidateFunction } from 'ajv';
import { ajvClass } from '../libraries';
import { ToolError, type AgentTool, type ToolContext, type ToolResult } from './agentTool';
import { checkTool } from './checkTool';
import { findRequirements } from './findRequirements';
import { getRequirement } from './getRequirement';
import { nextFreeIdTool } from './nextFreeIdTool';
import { setRequirementAttribute } from './setRequirementAttribute';
import { toolMessage } from './toolMessages';
import { traceTool } from './traceTool';

/** Every agent tool, in the order agents list them. The MCP server and the chat tools publish these. */
export const AGENT_TOOLS: readonly AgentTool[] = [findRequirements, getRequirement, checkTool, traceTool, nextFreeIdTool, setRequirementAttribute] as readonly AgentTool<never>[] as readonly AgentTool[];

const validators = new Map<string, ValidateFunction>();

function validatorOf(tool: AgentTool): ValidateFunction {
  let validate = validators.get(tool.name);
  if (!validate) {
    const Ajv = ajvClass();
    validators.set(tool.name, (validate = new Ajv({ allErrors: true, strict: false, useDefaults: false }).compile(tool.inputSchema)));
  }
  return validate;
}

/**
 * Calls a tool by name on untrusted input: an unknown name, input that fails the tool's schema,
 * a refusal or an unexpected exception all come back as an error result with a message, never as
 * a throw, so neither adapter can be brought down by what an agent sends.
 */
export async function callAgentTool(name: string, input: unknown, context: ToolContext, onError?: (error: unknown) => void): Promise<ToolResult> {
  const { locale } = context;
  const tool = AGENT_TOOLS.find((t) => t.name === name);
  if (!tool) return errorResult(toolMessage(locale, 'unknownTool', { name, tools: AGENT_TOOLS.map((t) => t.name).join(', ') }), { reason: 'unknownTool' });
  const args = input ?? {};
  const validate = validatorOf(tool);
  if (!validate(args)) {
    return errorResult(toolMessage(locale, 'badInput', { tool: name, detail: describeErrors(validate.errors ?? []) }), { reason: 'badInput' });
  }
  try {
    return await tool.run(args as Record<string, unknown>, context);
  } catch (e) {
    if (e instanceof ToolError) return errorResult(e.message, e.structured);
    onError?.(e);
    return errorResult(e instanceof Error ? e.message : String(e), { reason: 'internal' });
  }
}

function errorResult(text: string, structured: Record<string, unknown>): ToolResult {
  return { text, structured: { error: text, ...structured }, isError: true };
}

/** Ajv's errors as one line: `limit must be <= 200; 'foo' is not allowed`. */
function describeErrors(errors: readonly ErrorObject[]): string {
  return errors.slice(0, 5).map((e) => {
    const where = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : 'input';
    if (e.keyword === 'additionalProperties') return `'${String((e.params as { additionalProperty?: unknown }).additionalProperty)}' is not a parameter`;
    return `${where} ${e.message ?? e.keyword}`;
  }).join('; ');
}
