import * as vscode from 'vscode';
import { lmApi } from '../adapters/lmApi';
import { hostExecPath, mcpLaunch } from '../mcpLaunch';
import type { Services } from '../services';

/**
 * Registers `specboard mcp` for each local workspace folder, so agents that read VS Code's MCP
 * servers (Copilot's agent mode, other extensions) find it without a `.vscode/mcp.json`. It runs
 * the CLI bundled with the extension under the extension host's own runtime (mcpLaunch.ts), read-only: writes from chat go through the
 * confirmed chat tool instead. Only where the extension is installed on disk (a stdio server
 * needs a process) and VS Code has the API (1.101 and later).
 */
export function register(context: vscode.ExtensionContext, services: Services): void {
  const api = lmApi();
  if (!api?.lm.registerMcpServerDefinitionProvider || !api.McpStdioServerDefinition || context.extensionUri.scheme !== 'file') return;
  const Definition = api.McpStdioServerDefinition;
  const changed = new vscode.EventEmitter<void>();
  const cli = vscode.Uri.joinPath(context.extensionUri, 'dist', 'cli.js').fsPath;
  context.subscriptions.push(changed, vscode.workspace.onDidChangeWorkspaceFolders(() => changed.fire()));
  context.subscriptions.push(api.lm.registerMcpServerDefinitionProvider('specboard.mcp', {
    onDidChangeMcpServerDefinitions: changed.event,
    provideMcpServerDefinitions: () => (vscode.workspace.workspaceFolders ?? [])
      .filter((f) => f.uri.scheme === 'file')
      .map((f) => {
        const launch = mcpLaunch(hostExecPath(), cli, f.uri.fsPath);
        return new Definition(vscode.l10n.t('Specboard: {0}', f.name), launch.command, [...launch.args], { ...launch.env }, context.extension.packageJSON.version as string);
      }),
  }));
  services.log.info(`Registered the Specboard MCP server for the workspace folders (runs ${hostExecPath() ?? 'node'})`);
}
