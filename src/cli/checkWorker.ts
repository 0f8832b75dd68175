import { parentPort, workerData } from 'node:worker_threads';
import { createFileParser, encodeDiagnostics, encodeParse, type Locale } from '../core';
import { NodeWorkspace } from './nodeWorkspace';
import type { ParsedBatch, ParsedItem, WorkerInput } from './workerProtocol';

// A `check` worker thread (dist/checkWorker.js): reads and parses the files the main thread
// sends, a batch at a time, and sends each file's parse back as the JSON of the core's cache codec.
// Batches run one after the other: reads are synchronous, so running two at once gains nothing.
const { roots, locale, excerpts } = workerData as WorkerInput;
const parser = createFileParser(new NodeWorkspace(roots), locale as Locale, excerpts);
const port = parentPort!;
let queue = Promise.resolve();

port.on('message', (paths: string[]) => {
  queue = queue.then(() => parseBatch(paths)).then((batch) => port.postMessage(batch));
});
port.postMessage('ready');

async function parseBatch(paths: readonly string[]): Promise<ParsedBatch> {
  const keys: string[] = [];
  const key = (k: string) => {
    let i = keys.indexOf(k);
    if (i < 0) i = keys.push(k) - 1;
    return i;
  };
  const items: ParsedItem[] = [];
  for (const path of paths) {
    let item: ParsedItem = [path];
    try {
      const p = await parser.parse(path);
      const parse = p && encodeParse(p.parsed);
      if (p && parse !== undefined) item = [path, p.kind, key(p.keys.parse), key(p.keys.check), p.hash, parse, encodeDiagnostics(p.diagnostics)];
    } catch {
      // The main thread reads the file itself, and logs what goes wrong there.
    }
    items.push(item);
  }
  return { keys, items };
}
