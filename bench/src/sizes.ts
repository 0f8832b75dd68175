import type { CorpusOptions } from './corpusPlan';

/** The bench's corpora, by name (`--sizes`). */
export const SIZES: Record<string, CorpusOptions> = {
  small: { docs: 100, reqsPerDoc: 10, codeFiles: 200, seed: 1 },
  medium: { docs: 1000, reqsPerDoc: 10, codeFiles: 2000, seed: 1 },
  large: { docs: 10000, reqsPerDoc: 10, codeFiles: 20000, seed: 1 },
};
