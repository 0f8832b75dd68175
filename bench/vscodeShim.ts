/**
 * Just enough of the `vscode` module to load Specboard's extension bundle and call its providers
 * in plain Node: the benchmark measures the real feature code, not re-implementations. Members the
 * extension uses that are not implemented here fall through to stubs and are listed in the results.
 */
export * from './shim/values';
export * from './shim/enums';
export { EventEmitter, CancellationTokenSource } from './shim/events';
export { host, languages, commands, window, workspace, env, l10n } from './shim/host';
export { FakeTextDocument, languageOf } from './shim/textDocument';
export const version = '1.90.0';
