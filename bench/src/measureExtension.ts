import { existsSync, rmSync, statSync } from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as shim from '../vscodeShim';
import { idQueries, completionQueries, type Query } from './providerQueries';
import { round, summarize, type Summary } from './stats';

const { host, Uri } = shim;
const QUERIES = 1000;

/** A window opened again with the index a previous one saved (`--warm`). */
export interface WarmStartResult {
  /** The saved index's size on disk. */
  readonly snapshotKb: number;
  /** activate() returned → the index answers: its requirement count, a completion, the Problems. */
  readonly answersMs: number;
  /** activate() returned → the requirement count, and → the first diagnostics published. */
  readonly requirementsMs: number;
  readonly diagnosticsMs: number;
  readonly requirements: number;
  readonly completionItems: number;
  readonly filesWithDiagnostics: number;
  /** activate() returned → every file checked against the disk by its stat (whenReady). */
  readonly revalidatedMs: number;
  readonly maxBlockMs: number;
  readonly heapAfterRestoreMb: number;
  readonly rssPeakMb: number;
}

export interface ExtensionResult {
  /** Loading the bundle (require) and running activate(): what VS Code reports as activation. */
  readonly requireMs: number;
  readonly activateMs: number;
  /** activate() returned → background index complete and diagnostics published. */
  readonly backgroundIndexMs: number;
  /** Longest the event loop was blocked while the background index ran (the host's responsiveness). */
  readonly maxBlockMs: number;
  readonly blockP99Ms: number;
  readonly progressReports: number;
  readonly progressCancellable: boolean;
  /** From the user's cancel (progress UI) to the index stopping; undefined when it cannot be cancelled. */
  readonly cancelMs?: number;
  readonly filesAtCancel?: number;
  /** When the cancellable notification appeared after indexing started. */
  readonly notificationAfterMs?: number;
  readonly files: number;
  /** The extension host's heap after the background index and a full GC, and its peak RSS. */
  readonly heapAfterIndexMb: number;
  readonly rssPeakMb: number;
  readonly completion: Summary;
  /** p95 per kind of completion query (see providerQueries.ts), to find which one is slow. */
  readonly completionP95ByKind: Record<string, number>;
  readonly completionItems: number;
  readonly hover: Summary;
  readonly hoverHits: number;
  readonly definition: Summary;
  readonly definitionHits: number;
  readonly stubbed: string[];
}

interface Api {
  whenReady(): Promise<void>;
  stats(): { files: number; requirements: number };
}

/**
 * Loads the production extension bundle with `vscode` resolved to the shim, activates it on one
 * corpus, waits for its background index while watching the event loop, then calls its registered
 * completion, hover and definition providers 1,000 times each.
 */
async function main(root: string, bundle: string, activationOnly: boolean): Promise<ExtensionResult> {
  const { api, context, t0, t1, t2 } = activateExtension(root, bundle, false);
  if (activationOnly) return { requireMs: round(t1 - t0), activateMs: round(t2 - t1) } as ExtensionResult;
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  await api.whenReady();
  const t3 = performance.now();
  delay.disable();
  const files = api.stats().files;
  const progressReports = host.progress.reports;
  (globalThis as { gc?: () => void }).gc?.();
  const heapAfterIndexMb = Math.round(process.memoryUsage().heapUsed / 2 ** 20);

  const completion = timeQueries(completionQueries(root, QUERIES, 11), 'completion', 'provideCompletionItems');
  const hover = timeQueries(idQueries(root, QUERIES, 12), 'hover', 'provideHover');
  const definition = timeQueries(idQueries(root, QUERIES, 13), 'definition', 'provideDefinition');

  const cancel = await cancelReindex(api);
  for (const d of context.subscriptions) d.dispose();
  return {
    requireMs: round(t1 - t0), activateMs: round(t2 - t1), backgroundIndexMs: round(t3 - t2),
    maxBlockMs: round(delay.max / 1e6), blockP99Ms: round(delay.percentile(99) / 1e6),
    progressReports, progressCancellable: host.progress.cancellable > 0, ...cancel, files,
    heapAfterIndexMb, rssPeakMb: Math.round(process.resourceUsage().maxRSS / 1024),
    completion: completion.summary, completionP95ByKind: completion.byKind, completionItems: completion.results,
    hover: hover.summary, hoverHits: hover.results, definition: definition.summary, definitionHits: definition.results,
    stubbed: [...host.stubbed].sort(),
  };
}

/**
 * Loads the bundle with `vscode` resolved to the shim and activates it. The cold measurement runs
 * without a storage folder, as every measurement before the warm start did, so nothing is saved
 * or restored; `persist` gives it the bench's storage folder next to the corpus.
 */
function activateExtension(root: string, bundle: string, persist: boolean) {
  host.folders = [{ uri: Uri.file(root), name: path.basename(root), index: 0 }];
  const vscodeModule = withTopLevelStubs(shim);
  const mod = Module as unknown as { _load(request: string, ...rest: unknown[]): unknown };
  const load = mod._load;
  mod._load = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? vscodeModule : load.call(this, request, ...rest);
  };
  const t0 = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const extension = require(bundle) as { activate(context: unknown): Api };
  const t1 = performance.now();
  const context = extensionContext(root, persist);
  const api = extension.activate(context);
  const t2 = performance.now();
  return { api, context, t0, t1, t2 };
}

/** Where the bench's extension keeps its saved index for a corpus. */
function snapshotFile(root: string): string {
  return path.join(storageFolder(root), 'index.snapshot');
}

function storageFolder(root: string): string {
  return path.join(path.dirname(root), '.bench-storage', path.basename(root));
}

/** `--save`: a first window, from no saved index to one written; prints the snapshot's size. */
async function saveSnapshot(root: string, bundle: string): Promise<{ snapshotKb: number; coldIndexMs: number }> {
  rmSync(storageFolder(root), { recursive: true, force: true });
  const { api, t2 } = activateExtension(root, bundle, true);
  await api.whenReady();
  const coldIndexMs = round(performance.now() - t2);
  const file = snapshotFile(root);
  // The extension saves a second after its first index, in slices: wait for the rename.
  for (const deadline = Date.now() + 600_000; !existsSync(file); await new Promise((r) => setTimeout(r, 50))) {
    if (Date.now() > deadline) throw new Error(`no snapshot written to ${file}`);
  }
  return { snapshotKb: Math.round(statSync(file).size / 1024), coldIndexMs };
}

/**
 * `--warm`: a window opened again with the saved index there. Measures from activate() to the
 * index answering (its requirement count, a completion from the real provider, diagnostics
 * published), then to the background check against the disk finishing.
 */
async function warmStart(root: string, bundle: string): Promise<WarmStartResult> {
  const snapshotKb = Math.round(statSync(snapshotFile(root)).size / 1024);
  const { api, t2 } = activateExtension(root, bundle, true);
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const query = completionQueries(root, 1, 11)[0];
  let requirementsMs = 0;
  let diagnosticsMs = 0;
  while (!requirementsMs || !diagnosticsMs) {
    await new Promise((r) => setTimeout(r, 1));
    if (!requirementsMs && api.stats().requirements > 0) requirementsMs = round(performance.now() - t2);
    if (!diagnosticsMs && host.diagnostics.size > 0) diagnosticsMs = round(performance.now() - t2);
  }
  const provider = host.providers.get('completion')?.[0]?.provider;
  const items = provider?.provideCompletionItems(query.document, query.position, new shim.CancellationTokenSource().token, { triggerKind: 0 });
  const answersMs = round(performance.now() - t2);
  const requirements = api.stats().requirements;
  const filesWithDiagnostics = host.diagnostics.size;
  await api.whenReady();
  const revalidatedMs = round(performance.now() - t2);
  delay.disable();
  (globalThis as { gc?: () => void }).gc?.();
  const completionItems = Array.isArray(items) ? items.length : items && typeof items === 'object' && 'items' in items ? (items as { items: unknown[] }).items.length : 0;
  return {
    snapshotKb, answersMs, requirementsMs, diagnosticsMs, requirements, completionItems, filesWithDiagnostics, revalidatedMs, maxBlockMs: round(delay.max / 1e6),
    heapAfterRestoreMb: Math.round(process.memoryUsage().heapUsed / 2 ** 20), rssPeakMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

function timeQueries(queries: readonly Query[], kind: string, method: string): { summary: Summary; results: number; byKind: Record<string, number> } {
  const provider = host.providers.get(kind)?.[0]?.provider;
  if (!provider) throw new Error(`no ${kind} provider registered`);
  const token = new shim.CancellationTokenSource().token;
  const samples: number[] = [];
  const perKind = new Map<string, number[]>();
  let results = 0;
  for (const q of queries) {
    const t = performance.now();
    const r = provider[method](q.document, q.position, token, { triggerKind: 0 });
    const ms = performance.now() - t;
    samples.push(ms);
    perKind.set(q.kind, [...(perKind.get(q.kind) ?? []), ms]);
    const n = Array.isArray(r) ? r.length : r && typeof r === 'object' && 'items' in r ? (r as { items: unknown[] }).items.length : r ? 1 : 0;
    results += kind === 'completion' ? n : n > 0 ? 1 : 0;
  }
  return { summary: summarize(samples), results, byKind: Object.fromEntries([...perKind].map(([k, v]) => [k, summarize(v).p95])) };
}

/**
 * Re-indexes (a workspace-folder change) and, once a cancellable progress notification appears
 * (the extension shows one when indexing runs long), cancels it like a user would; measures how
 * long until indexing stops and how many files it had indexed.
 */
async function cancelReindex(api: Api): Promise<{ cancelMs?: number; filesAtCancel?: number; notificationAfterMs?: number }> {
  const before = host.progress.shown.length;
  const started = performance.now();
  let settled = false;
  host.events.folders.fire({ added: [], removed: [] });
  void api.whenReady().then(() => { settled = true; });
  let shown: (typeof host.progress.shown)[number] | undefined;
  while (!settled && !shown) {
    await new Promise((r) => setTimeout(r, 20));
    shown = host.progress.shown.slice(before).find((p) => p.cancellable);
  }
  if (!shown) return {};
  const t = performance.now();
  shown.source.cancel();
  await api.whenReady();
  return { cancelMs: round(performance.now() - t), filesAtCancel: api.stats().files, notificationAfterMs: round(shown.at - started) };
}

function extensionContext(root: string, persist: boolean) {
  const memento = () => {
    const data = new Map<string, unknown>();
    return { get: (k: string, d?: unknown) => (data.has(k) ? data.get(k) : d), update: async (k: string, v: unknown) => { data.set(k, v); }, keys: () => [...data.keys()], setKeysForSync() {} };
  };
  const storage = Uri.file(storageFolder(root));
  return {
    subscriptions: [] as { dispose(): unknown }[],
    extensionUri: Uri.file(process.cwd()), extensionPath: process.cwd(), asAbsolutePath: (p: string) => path.join(process.cwd(), p),
    storageUri: persist ? storage : undefined, globalStorageUri: storage, logUri: storage, storagePath: storage.fsPath, globalStoragePath: storage.fsPath,
    workspaceState: memento(), globalState: memento(), secrets: { get: async () => undefined, store: async () => undefined, delete: async () => undefined },
    extensionMode: 1, extension: { id: 'specboard.specboard', packageJSON: {} }, environmentVariableCollection: {},
  };
}

/** The module object the bundle receives: the shim, with stubs recorded for anything it lacks. */
function withTopLevelStubs(ns: object): object {
  const stubs = new Proxy({}, {
    get(_t, key) {
      if (typeof key === 'symbol' || key === 'then' || key === '__esModule' || key === 'default') return undefined;
      host.stubbed.add(String(key));
      return class Stub { constructor(...args: unknown[]) { Object.assign(this, { args }); } };
    },
  });
  return Object.setPrototypeOf({ ...ns }, stubs);
}

const [rootArg, bundleArg] = [path.resolve(process.argv[2]).split(path.sep).join('/'), path.resolve(process.argv[3])];
const run = process.argv.includes('--save') ? saveSnapshot(rootArg, bundleArg)
  : process.argv.includes('--warm') ? warmStart(rootArg, bundleArg)
    : main(rootArg, bundleArg, process.argv.includes('--activation-only'));
run.then((r) => {
  process.stdout.write(`${JSON.stringify(r)}\n`);
  process.exit(0);
}, (e: unknown) => {
  console.error(e);
  process.exit(1);
});
