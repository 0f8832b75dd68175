/** The document renderer shared by the preview webview, `specboard export html` and VS Code's Markdown preview. */
export { renderDocument, createMarkdown, type DocumentRenderContext, type RenderedDocument } from './renderDocument';
export { specboardPlugin, type HostDocument, type PluginOptions } from './specboardPlugin';
export type { RenderContext, RequirementFacts } from './renderContext';
export { referencesAside, type AsideRequirement } from './referencesAside';
export { escapeHtml } from './escape';
export { isSafeLink } from './safeUrl';
export { docStatusLabel, renderMessage, statusLabel, stageLabel } from './renderMessages';
export { statusTone, priorityRank } from './badges';
