import { promises as fsp } from 'node:fs';
import { FileType } from './enums';
import { CancellationTokenSource, EventEmitter } from './events';
import { FakeTextDocument } from './textDocument';
import { Disposable, Uri, type Diagnostic } from './values';

export interface WorkspaceFolder {
  readonly uri: Uri;
  readonly name: string;
  readonly index: number;
}

export interface Registration {
  readonly selector: unknown;
  readonly provider: Record<string, (...args: unknown[]) => unknown>;
}

/** What the harness controls and observes: folders, open documents, registrations, progress. */
export const host = {
  folders: [] as WorkspaceFolder[],
  textDocuments: [] as FakeTextDocument[],
  settings: new Map<string, unknown>(),
  providers: new Map<string, Registration[]>(),
  commands: new Map<string, (...args: unknown[]) => unknown>(),
  diagnostics: new Map<string, readonly Diagnostic[]>(),
  progress: { tasks: 0, reports: 0, cancellable: 0, titles: [] as string[], shown: [] as { cancellable: boolean; source: CancellationTokenSource; at: number }[] },
  /** API members the extension used that this shim only stubs (listed in the results). */
  stubbed: new Set<string>(),
  events: {
    configuration: new EventEmitter<unknown>(),
    changeText: new EventEmitter<unknown>(),
    open: new EventEmitter<unknown>(),
    close: new EventEmitter<unknown>(),
    save: new EventEmitter<unknown>(),
    folders: new EventEmitter<unknown>(),
    fileCreate: new EventEmitter<Uri>(),
    fileChange: new EventEmitter<Uri>(),
    fileDelete: new EventEmitter<Uri>(),
    diagnostics: new EventEmitter<unknown>(),
  },
};

const register = (kind: string) => (selector: unknown, provider: Registration['provider']) => {
  const list = host.providers.get(kind) ?? [];
  list.push({ selector, provider });
  host.providers.set(kind, list);
  return new Disposable(() => list.splice(list.indexOf(list.find((r) => r.provider === provider)!), 1));
};

/**
 * A stand-in for any API object the shim does not model (a TreeView, a webview panel...): callable,
 * every `on...` member is an event, every other member is another stand-in, and it can be disposed.
 */
export function stub(): unknown {
  const values = new Map<PropertyKey, unknown>();
  return new Proxy(function stand() { return undefined; }, {
    apply: () => stub(),
    get(_t, key) {
      if (values.has(key)) return values.get(key);
      if (typeof key === 'symbol' || key === 'then') return undefined;
      if (key === 'dispose') return () => undefined;
      return key.startsWith('on') ? new EventEmitter<unknown>().event : stub();
    },
    set(_t, key, value) {
      values.set(key, value);
      return true;
    },
  });
}

/** Unknown members of a namespace become stand-ins (events for `on...`), recorded in host.stubbed. */
function withStubs<T extends object>(name: string, ns: T): T {
  return Object.setPrototypeOf(ns, new Proxy({}, {
    get(_target, key) {
      if (typeof key === 'symbol' || key === 'then') return undefined;
      host.stubbed.add(`${name}.${key}`);
      return key.startsWith('onDid') || key.startsWith('onWill') ? new EventEmitter<unknown>().event : stub();
    },
  })) as T;
}

export const languages = withStubs('languages', {
  createDiagnosticCollection: (name = '') => ({
    name,
    set: (uri: Uri, list?: readonly Diagnostic[]) => { if (list?.length) host.diagnostics.set(uri.toString(), list); else host.diagnostics.delete(uri.toString()); },
    delete: (uri: Uri) => host.diagnostics.delete(uri.toString()),
    get: (uri: Uri) => host.diagnostics.get(uri.toString()),
    has: (uri: Uri) => host.diagnostics.has(uri.toString()),
    clear: () => host.diagnostics.clear(),
    forEach: (fn: (uri: Uri, list: readonly Diagnostic[]) => void) => host.diagnostics.forEach((l, u) => fn(Uri.parse(u), l)),
    dispose: () => host.diagnostics.clear(),
  }),
  registerCompletionItemProvider: register('completion'),
  registerHoverProvider: register('hover'),
  registerDefinitionProvider: register('definition'),
  registerReferenceProvider: register('references'),
  registerRenameProvider: register('rename'),
  registerDocumentSymbolProvider: register('documentSymbols'),
  registerWorkspaceSymbolProvider: (provider: Registration['provider']) => register('workspaceSymbols')(undefined, provider),
  registerCodeLensProvider: register('codeLens'),
  registerDocumentLinkProvider: register('documentLinks'),
  registerCodeActionsProvider: register('codeActions'),
  match: () => 10,
  getDiagnostics: (uri?: Uri) => (uri ? host.diagnostics.get(uri.toString()) ?? [] : [...host.diagnostics].map(([u, list]) => [Uri.parse(u), list])),
  onDidChangeDiagnostics: host.events.diagnostics.event,
});

export const commands = withStubs('commands', {
  registerCommand: (id: string, fn: (...args: unknown[]) => unknown) => {
    host.commands.set(id, fn);
    return new Disposable(() => host.commands.delete(id));
  },
  executeCommand: async (id: string, ...args: unknown[]) => host.commands.get(id)?.(...args),
});

interface ProgressOptions { location: number; title?: string; cancellable?: boolean }

export const window = withStubs('window', {
  withProgress: <R>(options: ProgressOptions, task: (progress: { report(v: unknown): void }, token: CancellationTokenSource['token']) => Thenable<R>) => {
    host.progress.tasks++;
    if (options.cancellable) host.progress.cancellable++;
    if (options.title) host.progress.titles.push(options.title);
    const source = new CancellationTokenSource();
    host.progress.shown.push({ cancellable: !!options.cancellable, source, at: performance.now() });
    return Promise.resolve(task({ report: () => { host.progress.reports++; } }, source.token));
  },
  showErrorMessage: async (message: string) => { console.error(`[extension error] ${message}`); return undefined; },
  showWarningMessage: async () => undefined,
  showInformationMessage: async () => undefined,
  showQuickPick: async () => undefined,
  showInputBox: async () => undefined,
  showTextDocument: async () => undefined,
  showWorkspaceFolderPick: async () => host.folders[0],
  // A LogOutputChannel (`{ log: true }`): warnings and errors reach the bench's stderr, so a run
  // that went wrong says why instead of measuring it.
  createOutputChannel: (name: string) => ({
    name, append() {}, appendLine() {}, clear() {}, show() {}, hide() {}, dispose() {},
    trace() {}, debug() {}, info() {},
    warn: (message: string) => console.error(`[${name} warn] ${message}`),
    error: (message: string) => console.error(`[${name} error] ${message}`),
    logLevel: 2, onDidChangeLogLevel: new EventEmitter<number>().event,
  }),
  createStatusBarItem: () => ({ text: '', tooltip: '', command: undefined, show() {}, hide() {}, dispose() {} }),
  setStatusBarMessage: () => new Disposable(),
  get activeTextEditor() { return undefined; },
  get visibleTextEditors() { return []; },
});

const watcher = () => ({
  onDidCreate: host.events.fileCreate.event, onDidChange: host.events.fileChange.event, onDidDelete: host.events.fileDelete.event,
  ignoreCreateEvents: false, ignoreChangeEvents: false, ignoreDeleteEvents: false, dispose() {},
});

export const workspace = withStubs('workspace', {
  get workspaceFolders() { return host.folders.length ? host.folders : undefined; },
  get textDocuments() { return host.textDocuments; },
  get name() { return host.folders[0]?.name; },
  getConfiguration: (section?: string) => ({
    get: <T>(key: string, fallback?: T) => (host.settings.has(`${section}.${key}`) ? host.settings.get(`${section}.${key}`) as T : fallback),
    has: (key: string) => host.settings.has(`${section}.${key}`),
    inspect: () => undefined,
    update: async () => undefined,
  }),
  getWorkspaceFolder: (uri: Uri) => host.folders.find((f) => uri.toString().startsWith(`${f.uri.toString()}/`)),
  asRelativePath: (p: Uri | string) => String(p),
  onDidChangeConfiguration: host.events.configuration.event,
  onDidChangeTextDocument: host.events.changeText.event,
  onDidOpenTextDocument: host.events.open.event,
  onDidCloseTextDocument: host.events.close.event,
  onDidSaveTextDocument: host.events.save.event,
  onDidChangeWorkspaceFolders: host.events.folders.event,
  createFileSystemWatcher: watcher,
  fs: {
    readDirectory: async (uri: Uri): Promise<[string, number][]> => (await fsp.readdir(uri.fsPath, { withFileTypes: true }))
      .map((e) => [e.name, e.isSymbolicLink() ? FileType.SymbolicLink : e.isDirectory() ? FileType.Directory : e.isFile() ? FileType.File : FileType.Unknown]),
    readFile: async (uri: Uri): Promise<Uint8Array> => fsp.readFile(uri.fsPath),
    stat: async (uri: Uri) => {
      const s = await fsp.stat(uri.fsPath);
      return { type: s.isDirectory() ? FileType.Directory : FileType.File, size: s.size, mtime: s.mtimeMs, ctime: s.ctimeMs };
    },
    writeFile: async (uri: Uri, bytes: Uint8Array) => fsp.writeFile(uri.fsPath, bytes),
    createDirectory: async (uri: Uri) => { await fsp.mkdir(uri.fsPath, { recursive: true }); },
    rename: async (from: Uri, to: Uri) => fsp.rename(from.fsPath, to.fsPath),
    delete: async (uri: Uri) => fsp.rm(uri.fsPath, { recursive: true }),
  },
  applyEdit: async () => true,
  openTextDocument: async (uri: Uri) => new FakeTextDocument(uri, await fsp.readFile(uri.fsPath, 'utf8')),
});

export const env = { language: 'en', appName: 'Specboard bench', machineId: 'bench', uiKind: 1 };

/** vscode.l10n with the bundle left out: `{0}` placeholders are filled like VS Code does. */
export const l10n = {
  t(message: string | { message: string; args?: unknown[] }, ...args: unknown[]): string {
    const text = typeof message === 'string' ? message : message.message;
    const values = typeof message === 'string' ? args : message.args ?? [];
    return text.replace(/\{(\d+)\}/g, (whole, i: string) => (values[Number(i)] === undefined ? whole : String(values[Number(i)])));
  },
  bundle: undefined,
  uri: undefined,
};
