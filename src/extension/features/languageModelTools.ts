import * as vscode from 'vscode';
import { AGENT_TOOLS, callAgentTool, type ToolResult } from '../../core/agentTools';
import { editorToolContext } from '../adapters/editorToolContext';
import { lmApi, type LmApi } from '../adapters/lmApi';
import type { Services } from '../services';

/**
 * Specboard's agent tools as VS Code language-model tools (`#specboard` in chat), run by the same
 * core functions as `specboard mcp`, on the live index with the editors' unsaved text. The write
 * tool asks for VS Code's confirmation first and changes the file through a WorkspaceEdit.
 * Where this VS Code has no tool API (before 1.95) nothing is registered; the hidden command
 * `_specboard.agentTool` runs a tool the same way everywhere (tests, and hosts without the API).
 */
export function register(context: vscode.ExtensionContext, services: Services): void {
  const toolContext = editorToolContext(services);
  const run = async (name: string, input: unknown): Promise<ToolResult> => {
    await services.specs.ready;
    // What the user just typed counts: pending debounced edits reach the index first.
    services.specs.flush();
    return callAgentTool(name, input, toolContext, (e) => services.log.error(`Tool ${name} failed`, e));
  };
  context.subscriptions.push(vscode.commands.registerCommand('_specboard.agentTool', (name: string, input: unknown) => run(name, input)));
  const api = lmApi();
  if (!api) {
    services.log.info('This VS Code has no language-model tool API; the Specboard chat tools are not registered');
    return;
  }
  for (const tool of AGENT_TOOLS) {
    context.subscriptions.push(api.lm.registerTool<Record<string, unknown>>(tool.name, {
      async invoke(options) {
        const result = await run(tool.name, options.input);
        // VS Code tells the model a tool failed when invoke throws; the message says why.
        if (result.isError) throw new Error(result.text);
        return toolResult(api, result);
      },
      prepareInvocation: tool.writes ? async (options) => confirmation(options.input) : undefined,
    }));
  }
}

function toolResult(api: LmApi, result: ToolResult): unknown {
  const parts: unknown[] = [new api.LanguageModelTextPart(result.text)];
  if (api.LanguageModelDataPart) parts.push(api.LanguageModelDataPart.json(result.structured));
  return new api.LanguageModelToolResult(parts);
}

/** What VS Code shows before set_requirement_attribute runs: which requirement, which value, to what. */
function confirmation(input: Record<string, unknown>) {
  const id = String(input.id ?? '');
  const key = String(input.key ?? '');
  const value = String(input.value ?? '');
  return {
    invocationMessage: vscode.l10n.t('Setting {0} of {1} to {2}', key, id, value),
    confirmationMessages: {
      title: vscode.l10n.t('Change requirement {0}?', id),
      message: new vscode.MarkdownString(vscode.l10n.t('Set **{0}** of **{1}** to **{2}** in its document. The change is one undoable edit.', key, id, value)),
    },
  };
}
