/**
 * Replaced by package.json's `version` when esbuild bundles (scripts/defines.mjs). Every bundle
 * (extension, CLI, webviews, tests, bench) is built with it; code run unbundled would throw here.
 */
declare const __SPECBOARD_VERSION__: string;
/** A checksum of the core's sources and the built-in schemas (scripts/defines.mjs). */
declare const __SPECBOARD_BUILD__: string;

/** Specboard's version as package.json states it: `--version`, SARIF's driver and the extension API report it. */
export const VERSION: string = __SPECBOARD_VERSION__;

/** Which parser made a parse: the editor's saved index is kept only for the build that wrote it. */
export const PARSER_BUILD: string = __SPECBOARD_BUILD__;
