// Constants esbuild writes into every bundle with `define`, each read from its one source, so no
// source file repeats them. esbuild.mjs and bench/build.mjs both use this.
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** Identifier → JavaScript expression; declared for TypeScript in src/shared/version.ts. */
export const defines = {
  __SPECBOARD_VERSION__: JSON.stringify(pkg.version),
};
