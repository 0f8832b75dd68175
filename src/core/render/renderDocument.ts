import type { MarkdownIt as MarkdownItType } from 'markdown-it';
import { markdownItClass } from '../libraries';
import { cjkBreaks } from './joinCjkBreaks';
import type { ParsedFile } from '../model';
import { parseMarkdown } from '../parseMarkdown';
import { splitLines } from '../text';
import { escapeHtml } from './escape';
import { headerCard } from './headerCard';
import { iconSprite } from './icons';
import { ENV_KEY, type RenderContext } from './renderContext';
import { renderMessage } from './renderMessages';
import { isExternalLink, isSafeLink } from './safeUrl';
import { specboardPlugin, type RenderEnv } from './specboardPlugin';

export interface DocumentRenderContext extends RenderContext {
  /** Display name of a document type, for the header card. */
  readonly typeName?: (type: string) => string | undefined;
}

export interface RenderedDocument {
  /** The icon sprite, the header card and the body; safe to insert as HTML. */
  readonly html: string;
  readonly parsed: ParsedFile;
}

let shared: MarkdownItType | undefined;

/**
 * Specboard's own markdown-it: raw HTML off (a `<script>` in a doc stays text), links limited to
 * http(s), mailto and relative targets, images routed through the context's `imageSrc`.
 */
export function createMarkdown(): MarkdownItType {
  const md = new (markdownItClass())({ html: false, linkify: false, typographer: false });
  md.validateLink = isSafeLink;
  const renderLink = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const context = (env as Record<string, RenderEnv | undefined>)[ENV_KEY]?.context;
    const token = tokens[idx];
    let href = String(token.attrGet('href') ?? '');
    // ID links carry data-sb-id and are already final; other document links may be rewritten.
    if (context?.linkHref && !token.attrGet('data-sb-id')) token.attrSet('href', (href = context.linkHref(href)));
    if (isExternalLink(href)) token.attrSet('rel', 'noopener noreferrer');
    return renderLink(tokens, idx, options, env, self);
  };
  const renderImage = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const context = (env as Record<string, RenderEnv | undefined>)[ENV_KEY]?.context;
    const token = tokens[idx];
    if (!context?.imageSrc) return renderImage(tokens, idx, options, env, self);
    const src = context.imageSrc(String(token.attrGet('src') ?? ''));
    if (src !== undefined) {
      token.attrSet('src', src);
      return renderImage(tokens, idx, options, env, self);
    }
    const alt = self.renderInlineAsText(token.children ?? [], options, env);
    const title = escapeHtml(renderMessage(context.locale, 'image.blocked', { alt }));
    return `<span class="sb-image-blocked" title="${title}">${escapeHtml(alt || '🖼')}</span>`;
  };
  // Chinese written over several lines reads as one run of text, not with a space at each break.
  md.use(cjkBreaks);
  md.use(specboardPlugin);
  return md;
}

/**
 * Renders a product doc: header card from the front matter, then the body. The front matter's
 * lines are blanked rather than cut so markdown-it's line map still matches the editor's lines.
 */
export function renderDocument(text: string, context: DocumentRenderContext): RenderedDocument {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = parseMarkdown(context.source?.path ?? '', source, context.locale, context.source?.options);
  const lines = splitLines(source);
  const fm = parsed.frontMatter;
  if (fm) for (let i = 0; i <= fm.endLine && i < lines.length; i++) lines[i] = '';
  const env: Record<string, RenderEnv> = { [ENV_KEY]: { context, parsed } };
  shared ??= createMarkdown();
  const fmProblems = (context.diagnostics ?? []).filter((d) => fm && d.range.start.line <= fm.endLine);
  const type = parsed.docType;
  const header = headerCard({
    data: fm?.data, locale: context.locale, problems: fmProblems,
    typeName: type ? context.typeName?.(type) : undefined,
  });
  return { html: iconSprite() + header + shared.render(lines.join('\n'), env), parsed };
}
