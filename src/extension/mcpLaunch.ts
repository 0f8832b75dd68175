/** How VS Code should start the bundled `specboard mcp` for one workspace folder. */
export interface McpLaunch {
  readonly command: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
}

/**
 * The stdio server runs under the runtime of the extension host itself, not a `node` looked up on
 * PATH: many PMs install VS Code and nothing else. In desktop VS Code that runtime is Electron,
 * which behaves as plain Node when ELECTRON_RUN_AS_NODE is set (VS Code starts its own language
 * servers the same way); under Node (remote hosts, code-server) the variable is ignored.
 * `execPath` is undefined where there is no process (the web worker host): then `node` is the
 * only guess left.
 */
export function mcpLaunch(execPath: string | undefined, cli: string, root: string): McpLaunch {
  return { command: execPath || 'node', args: [cli, 'mcp', '--root', root], env: { ELECTRON_RUN_AS_NODE: '1' } };
}

/** The extension host's executable, read without naming Node's `process` (the web build has none). */
export function hostExecPath(): string | undefined {
  const proc = (globalThis as { process?: { execPath?: unknown } }).process;
  return typeof proc?.execPath === 'string' ? proc.execPath : undefined;
}
