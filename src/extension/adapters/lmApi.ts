import * as vscode from 'vscode';

/*
 * The parts of VS Code's language-model tool and MCP APIs Specboard uses. engines.vscode is
 * ^1.90 and @types/vscode with it, which predate them (tools: 1.95, MCP providers: 1.101), so they
 * are declared here and looked up at run time: on an older VS Code, or where a host lacks them,
 * the features that need them are simply not registered.
 */

export interface LmToolInvocationOptions<T> {
  readonly input: T;
  readonly toolInvocationToken: unknown;
}

export interface LmPreparedInvocation {
  readonly invocationMessage?: string;
  readonly confirmationMessages?: { readonly title: string; readonly message: string | vscode.MarkdownString };
}

export interface LmTool<T> {
  invoke(options: LmToolInvocationOptions<T>, token: vscode.CancellationToken): Promise<unknown>;
  prepareInvocation?(options: { readonly input: T }, token: vscode.CancellationToken): Promise<LmPreparedInvocation | undefined>;
}

export interface McpServerDefinitionProvider {
  readonly onDidChangeMcpServerDefinitions?: vscode.Event<void>;
  provideMcpServerDefinitions(token: vscode.CancellationToken): unknown[];
}

export interface LmApi {
  readonly lm: {
    registerTool<T>(name: string, tool: LmTool<T>): vscode.Disposable;
    registerMcpServerDefinitionProvider?(id: string, provider: McpServerDefinitionProvider): vscode.Disposable;
  };
  readonly LanguageModelToolResult: new (content: unknown[]) => unknown;
  readonly LanguageModelTextPart: new (value: string) => unknown;
  readonly LanguageModelDataPart?: { json(value: unknown): unknown };
  readonly McpStdioServerDefinition?: new (label: string, command: string, args?: string[], env?: Record<string, string>, version?: string) => unknown;
}

/** The language-model API when this VS Code has tools, else undefined. */
export function lmApi(): LmApi | undefined {
  const api = vscode as unknown as Partial<LmApi> & { lm?: Partial<LmApi['lm']> };
  return typeof api.lm?.registerTool === 'function' && api.LanguageModelToolResult && api.LanguageModelTextPart ? (api as LmApi) : undefined;
}
