import { hasIdCandidate, idRegExp } from './ids';
import type { IdToken, ParsedFile } from './model';
import { own } from './strings';
import { LineOffsets } from './text';

/** One empty list for every source file's headings and requirements (20,000 files on the large corpus); tokens are copied at their size. */
const NONE: readonly never[] = Object.freeze([]);

/**
 * Finds ID-shaped tokens in a source file. One regex pass over the whole text (positions resolved
 * only for hits) keeps the scan of tens of thousands of files close to ripgrep's speed.
 */
export function parseSource(path: string, text: string): ParsedFile {
  const tokens: IdToken[] = [];
  if (hasIdCandidate(text)) {
    let offsets: LineOffsets | undefined;
    const re = idRegExp();
    for (let m = re.exec(text); m; m = re.exec(text)) {
      offsets ??= new LineOffsets(text);
      const p = offsets.positionAt(m.index);
      // own(): a match of 13 or more characters is a view that would keep the whole file's text alive.
      tokens.push({ id: own(m[0]), line: p.line, start: p.character, end: p.character + m[0].length });
    }
  }
  return { path, kind: 'source', lineCount: -1, headings: NONE, requirements: NONE, tokens: tokens.length ? tokens.slice() : NONE };
}
