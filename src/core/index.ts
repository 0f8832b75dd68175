/** Public surface of the core, for the CLI, the extension and tests. */
export * from './types';
export * from './workspace';
export * from './specboard';
export * from './model';
export type { FileEntry, IndexDelta, Reference } from './requirementIndex';
export type { TraceRequirement, TraceReference } from './trace';
export type { DocTypeInfo } from './schemaSet';
export type { SpecConfig } from './config';
export { CONFIG_PATH, DEFAULT_CONFIG } from './config';
export { isRequirementId, prefixOf, stemOf, scanIds } from './ids';
export { message, normalizeLocale } from './messages';
export { normalizeTitle } from './sections';
export { canonicalKey, KNOWN_ATTRIBUTES } from './attributes';
export { IdCatalog } from './idCatalog';
export { renderTemplate, type TemplateOptions } from './templates';
export type { SectionSpec } from './sections';
export { isDelimiterRow, splitRow } from './tableRow';
