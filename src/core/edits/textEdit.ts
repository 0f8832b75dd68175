import type { Range } from '../types';

/** A replacement of one range of a document's text; the extension turns it into a WorkspaceEdit. */
export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}
