import { hasIdCandidate, idRegExp } from './ids';
import type { IdToken, ParsedFile } from './model';
import { LineOffsets } from './text';

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
      tokens.push({ id: m[0], line: p.line, start: p.character, end: p.character + m[0].length });
    }
  }
  return { path, kind: 'source', lineCount: -1, headings: [], requirements: [], tokens };
}
