// Constants esbuild writes into every bundle with `define`, each read from its one source, so no
// source file repeats them. esbuild.mjs and bench/build.mjs both use this.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/**
 * A checksum of what decides a parse and its diagnostics: the core's sources and the built-in
 * schemas. The editor's saved index is keyed on it as well as the version, so a build whose parser
 * changed (a development build, a pre-release of the same version) never restores parses made by
 * another one.
 */
function parserBuild() {
  const hash = createHash('sha1');
  for (const dir of ['src/core', 'src/shared', 'schemas']) {
    const root = fileURLToPath(new URL(`../${dir}/`, import.meta.url));
    const files = readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath ?? e.path, e.name)).sort();
    // Paths relative to the checkout, so the same sources give the same checksum wherever they are.
    for (const file of files) hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 12);
}

/** Identifier → JavaScript expression; declared for TypeScript in src/shared/version.ts. */
export const defines = {
  __SPECBOARD_VERSION__: JSON.stringify(pkg.version),
  __SPECBOARD_BUILD__: JSON.stringify(parserBuild()),
};
