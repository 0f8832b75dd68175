import * as fs from 'node:fs';
import { FakeTextDocument, Position, Uri } from '../vscodeShim';
import { ZH_NOUNS } from './corpusWords';
import { Random } from './random';

/** One provider call: a document (real text, possibly with the line being typed) and a cursor. */
export interface Query {
  readonly kind: string;
  readonly document: FakeTextDocument;
  readonly position: Position;
}

const KNOWN_ID = /\b(?:REQ|BR|NFR)-[A-Z]+-\d+\b/g;

/** Files of the corpus by kind, sorted so the same seed picks the same files everywhere. */
export function corpusFiles(root: string): { docs: string[]; sources: string[] } {
  const docs: string[] = [];
  const sources: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = `${dir}/${e.name}`;
      if (e.isDirectory()) { if (e.name !== '.specboard') walk(p); } else (p.endsWith('.md') ? docs : sources).push(p);
    }
  };
  walk(root);
  return { docs: docs.sort(), sources: sources.sort() };
}

class Texts {
  private readonly cache = new Map<string, string[]>();
  lines(file: string): string[] {
    let l = this.cache.get(file);
    if (!l) this.cache.set(file, (l = fs.readFileSync(file, 'utf8').split('\n')));
    return l;
  }
}

/** Cursors on requirement IDs in docs and code, for hover and go-to-definition. */
export function idQueries(root: string, n: number, seed: number): Query[] {
  const { docs, sources } = corpusFiles(root);
  const rng = new Random(seed);
  const texts = new Texts();
  const docsOf = new Map<string, FakeTextDocument>();
  const out: Query[] = [];
  while (out.length < n) {
    const file = rng.pick(out.length % 2 ? sources : docs);
    const lines = texts.lines(file);
    const hits: { line: number; at: number; len: number }[] = [];
    lines.forEach((l, i) => { for (const m of l.matchAll(KNOWN_ID)) hits.push({ line: i, at: m.index ?? 0, len: m[0].length }); });
    if (hits.length === 0) continue;
    const hit = rng.pick(hits);
    let document = docsOf.get(file);
    if (!document) docsOf.set(file, (document = new FakeTextDocument(Uri.file(file), lines)));
    out.push({ kind: out.length % 2 ? 'code' : 'doc', document, position: new Position(hit.line, hit.at + Math.floor(hit.len / 2)) });
  }
  return out;
}

/**
 * Completion requests as typing produces them, each on a copy of a real file with one line being
 * typed: a stem and a partial number, a bare stem, a prefix, a Chinese title word, a `Traces:`
 * value, and the same in source comments.
 */
export function completionQueries(root: string, n: number, seed: number): Query[] {
  const { docs, sources } = corpusFiles(root);
  const rng = new Random(seed);
  const texts = new Texts();
  const out: Query[] = [];
  for (let q = 0; out.length < n; q++) {
    const inCode = q % 3 === 2;
    const file = rng.pick(inCode ? sources : docs);
    const lines = texts.lines(file);
    const ids = lines.join('\n').match(KNOWN_ID);
    if (!ids) continue;
    const id = rng.pick(ids);
    const stem = id.slice(0, id.lastIndexOf('-') + 1);
    const variants = [`${stem}${id.slice(stem.length, stem.length + 2)}`, stem, `${id.slice(0, id.indexOf('-') + 1)}`, id.slice(0, 2), `${stem}${rng.pick(ZH_NOUNS).slice(0, 2)}`];
    const typed = variants[q % variants.length];
    const copy = [...lines];
    let line: number;
    let text: string;
    if (inCode) {
      line = rng.int(0, copy.length - 1);
      text = `${/\.py$/.test(file) ? '#' : '//'} Implements ${typed}`;
      copy.splice(line, 0, text);
    } else {
      const traces = copy.findIndex((l, i) => i > q % 40 && /^- (Traces|追溯)[:：]/.test(l));
      const body = copy.findIndex((l, i) => i > 15 + (q % 60) && /^[A-Z\u4e00-\u9fff]/.test(l) && !l.includes('|'));
      line = q % 4 === 1 && traces >= 0 ? traces : body >= 0 ? body : copy.length - 1;
      text = line === traces ? `- Traces: ${typed}` : `${copy[line]} See ${typed}`;
      copy[line] = text;
    }
    out.push({ kind: `${inCode ? 'code' : 'doc'}:${q % variants.length}`, document: new FakeTextDocument(Uri.file(file), copy), position: new Position(line, text.length) });
  }
  return out;
}
