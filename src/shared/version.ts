/**
 * Replaced by package.json's `version` when esbuild bundles (scripts/defines.mjs). Every bundle
 * (extension, CLI, webviews, tests, bench) is built with it; code run unbundled would throw here.
 */
declare const __SPECBOARD_VERSION__: string;

/** Specboard's version as package.json states it: `--version`, SARIF's driver and the extension API report it. */
export const VERSION: string = __SPECBOARD_VERSION__;
