import type { Logger } from '../core';
import type { EditorConfig } from './adapters/editorConfig';
import type { SpecboardService } from './specboardService';

/** What every feature module receives from activate(). */
export interface Services {
  /** The live workspace: the read-only core (`specs.core`), document views, and pending-edit flushing. */
  readonly specs: SpecboardService;
  readonly config: EditorConfig;
  /** The `Specboard` log output channel, as the core's Logger. */
  readonly log: Logger;
}
