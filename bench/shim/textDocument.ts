import { EndOfLine } from './enums';
import { Position, Range, Uri } from './values';

export interface TextLine {
  readonly lineNumber: number;
  readonly text: string;
  readonly range: Range;
  readonly rangeIncludingLineBreak: Range;
  readonly firstNonWhitespaceCharacterIndex: number;
  readonly isEmptyOrWhitespace: boolean;
}

const LANGUAGES: Record<string, string> = {
  md: 'markdown', markdown: 'markdown', ts: 'typescript', tsx: 'typescriptreact', js: 'javascript', py: 'python',
  go: 'go', java: 'java', kt: 'kotlin', rs: 'rust', c: 'c', h: 'c', json: 'json',
};

/** The language VS Code would give a file, from its extension. */
export function languageOf(path: string): string {
  return LANGUAGES[path.slice(path.lastIndexOf('.') + 1)] ?? 'plaintext';
}

/** A read-only vscode.TextDocument over real text, as an open editor would present it. */
export class FakeTextDocument {
  readonly isClosed = false;
  readonly isDirty = false;
  readonly isUntitled = false;
  readonly version = 1;
  readonly eol = EndOfLine.LF;
  private readonly lines: readonly string[];
  private starts?: number[];

  constructor(readonly uri: Uri, textOrLines: string | readonly string[], readonly languageId = languageOf(uri.path)) {
    this.lines = typeof textOrLines === 'string' ? textOrLines.split(/\r\n|\r|\n/) : textOrLines;
  }

  get fileName(): string {
    return this.uri.fsPath;
  }

  get lineCount(): number {
    return this.lines.length;
  }

  lineAt(lineOrPosition: number | Position): TextLine {
    const n = typeof lineOrPosition === 'number' ? lineOrPosition : lineOrPosition.line;
    if (n < 0 || n >= this.lines.length) throw new Error(`Illegal value for line: ${n}`);
    const text = this.lines[n];
    const first = text.length - text.trimStart().length;
    return {
      lineNumber: n, text, range: new Range(n, 0, n, text.length), rangeIncludingLineBreak: new Range(n, 0, n + 1, 0),
      firstNonWhitespaceCharacterIndex: first, isEmptyOrWhitespace: first === text.length,
    };
  }

  getText(range?: Range): string {
    const all = this.lines.join('\n');
    return range ? all.slice(this.offsetAt(range.start), this.offsetAt(range.end)) : all;
  }

  offsetAt(p: Position): number {
    const starts = this.lineStarts();
    const line = Math.min(Math.max(p.line, 0), this.lines.length - 1);
    return starts[line] + Math.min(p.character, this.lines[line].length);
  }

  positionAt(offset: number): Position {
    const starts = this.lineStarts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return new Position(lo, offset - starts[lo]);
  }

  getWordRangeAtPosition(p: Position, regex = /[\w-]+/g): Range | undefined {
    const text = this.lines[p.line] ?? '';
    const re = new RegExp(regex.source, 'g');
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m.index <= p.character && p.character <= m.index + m[0].length) return new Range(p.line, m.index, p.line, m.index + m[0].length);
      if (m[0].length === 0) re.lastIndex++;
    }
    return undefined;
  }

  validatePosition(p: Position): Position {
    return p;
  }

  async save(): Promise<boolean> {
    return true;
  }

  private lineStarts(): number[] {
    if (!this.starts) {
      this.starts = [];
      let at = 0;
      for (const l of this.lines) {
        this.starts.push(at);
        at += l.length + 1;
      }
    }
    return this.starts;
  }
}
