import type { EditorConfig } from './adapters/editorConfig';
import type { SpecboardService } from './specboardService';

/** What every feature module receives from activate(). */
export interface Services {
  readonly index: SpecboardService;
  readonly config: EditorConfig;
}
