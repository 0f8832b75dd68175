import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { textLocale, type DocSummary, type Locale, type SpecQueries } from '../core';
import { escapeHtml, isSafeLink, referencesAside, renderDocument, docStatusLabel, renderMessage, stageLabel, type DocumentRenderContext } from '../core/render';
import { prioritiesOf, statusesOf } from '../core/transitions';
import { exportPage } from './exportPage';
import { checkOutputFiles, checkOutputFolder, writeOutput } from './outputPaths';

export interface HtmlExportInput {
  readonly board: SpecQueries;
  readonly docs: readonly DocSummary[];
  readonly outDir: string;
  readonly locale: Locale;
  /** Path shown to readers for a file (relative to where the command ran). */
  readonly rel: (p: string) => string;
  /** Used for the footer; injected so tests get stable output. */
  readonly now: Date;
  /** How an error message names an output path. */
  readonly shown: (p: string) => string;
}

const IMAGE_TYPES: Record<string, string> = {
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp', '.svg': 'image/svg+xml',
};
const MAX_IMAGE = 5_000_000;

/**
 * Writes one page per document plus index.html. Pages keep the documents' folder structure below
 * their workspace root; IDs link across pages, images inside the workspace are embedded as data:
 * URIs, and `.md` links to exported documents point at their pages. Returns the files written.
 */
export function exportHtml(input: HtmlExportInput): string[] {
  const { board, docs, outDir, locale } = input;
  const pageOf = new Map(docs.map((d) => [d.path, pagePath(board, d.path)]));
  const fileOf = (rel: string) => path.join(outDir, ...rel.split('/'));
  // Every page's place is known before the first is written: a file in the way fails the export
  // up front instead of leaving half a site behind.
  checkOutputFolder(outDir, input.shown);
  checkOutputFiles([...pageOf.values(), 'index.html'].map(fileOf), input.shown);
  const written: string[] = [];
  const write = (rel: string, html: string) => {
    const file = fileOf(rel);
    writeOutput(file, html, input.shown);
    written.push(file);
  };
  for (const doc of docs) {
    const page = pageOf.get(doc.path)!;
    const text = readFileSync(doc.path, 'utf8');
    const project = board.projectFor(doc.path);
    const hrefTo = (target: string) => path.posix.relative(path.posix.dirname(page), target) || path.posix.basename(target);
    const context: DocumentRenderContext = {
      locale,
      source: project ? { path: doc.path, options: project.parseOptions(doc.path) } : undefined,
      isRequirementId: (id) => board.index.isReference(id, doc.path),
      isDefined: (id) => board.index.resolve(id, doc.path).length > 0,
      idHref: (id) => {
        const def = board.index.resolve(id, doc.path)[0];
        const target = def && pageOf.get(def.path);
        return target ? `${target === page ? '' : hrefTo(target)}#${encodeURIComponent(id)}` : undefined;
      },
      facts: (id) => ({ codeReferences: board.index.referenceCounts(id).code }),
      diagnostics: board.diagnostics(doc.path),
      statuses: statusesOf(project?.config),
      priorities: prioritiesOf(project?.config),
      typeName: (type) => project?.schemas.get(type)?.name[locale],
      imageSrc: (src) => embedImage(doc.path, project?.root, src),
      linkHref: (href) => {
        const target = linkedDoc(doc.path, href);
        const linked = target && pageOf.get(target.file);
        return linked ? `${hrefTo(linked)}${target.fragment}` : href;
      },
    };
    const { html, parsed } = renderDocument(text, context);
    const aside = referencesAside(parsed.requirements.map((def) => ({
      id: def.id, title: def.title,
      references: board.index.references(def.id).filter((r) => r.kind === 'code')
        .sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line)
        .map((r) => ({ path: r.path, label: input.rel(r.path), line: r.line })),
    })), locale, false);
    const back = `<nav class="sb-export-nav"><a href="${escapeHtml(hrefTo('index.html'))}">← ${escapeHtml(renderMessage(locale, 'index.back'))}</a></nav>`;
    // The page's labels are in the chosen language; the document keeps the language it is written in.
    const written = textLocale(text);
    const lang = written && written !== locale ? ` lang="${written === 'zh-cn' ? 'zh-CN' : 'en'}"` : '';
    const body = `${back}\n<div class="sb-layout"><main class="sb-doc"${lang}>${html}</main><aside class="sb-aside">${aside}</aside></div>\n${footer(input)}`;
    write(page, exportPage({ title: doc.title ?? path.basename(doc.path), locale, body }));
  }
  write('index.html', exportPage({ title: renderMessage(locale, 'index.title'), locale, body: indexBody(input, pageOf) }));
  return written;
}

/** Where a document's page goes: its path below its workspace root, `.md` → `.html`. */
function pagePath(board: SpecQueries, file: string): string {
  const root = board.projectFor(file)?.root ?? path.posix.dirname(file);
  const rel = path.posix.relative(root, file);
  return rel.replace(/\.(md|markdown)$/i, '') + '.html';
}

/** A relative link to another Markdown file, resolved against the linking document. */
function linkedDoc(from: string, href: string): { file: string; fragment: string } | undefined {
  if (!isSafeLink(href) || /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#')) return undefined;
  const hash = href.indexOf('#');
  const target = hash < 0 ? href : href.slice(0, hash);
  if (!/\.(md|markdown)$/i.test(target)) return undefined;
  try {
    return { file: path.posix.resolve(path.posix.dirname(from), decodeURIComponent(target)), fragment: hash < 0 ? '' : href.slice(hash) };
  } catch {
    return undefined;
  }
}

/** An image file inside the workspace, as a data: URI; anything else shows its alt text. */
function embedImage(docPath: string, root: string | undefined, src: string): string | undefined {
  if (!isSafeLink(src) || /^[a-z][a-z0-9+.-]*:/i.test(src)) return undefined;
  let file: string;
  try {
    file = path.posix.resolve(path.posix.dirname(docPath), decodeURIComponent(src.split(/[?#]/)[0]));
  } catch {
    return undefined;
  }
  const type = IMAGE_TYPES[path.posix.extname(file).toLowerCase()];
  if (!type || !root || !file.startsWith(`${root}/`) || !existsSync(file)) return undefined;
  const stat = statSync(file);
  if (!stat.isFile() || stat.size > MAX_IMAGE) return undefined;
  return `data:${type};base64,${readFileSync(file).toString('base64')}`;
}

function footer(input: HtmlExportInput): string {
  const date = input.now.toISOString().slice(0, 10);
  return `<footer class="sb-export-footer">${escapeHtml(renderMessage(input.locale, 'index.generated', { date }))}</footer>`;
}

/** The type's short name, with its full name in the reader's language beside it when the schema has one. */
function typeCell(input: HtmlExportInput, d: DocSummary): string {
  const name = input.board.projectFor(d.path)?.schemas.get(d.type)?.name[input.locale];
  return `${escapeHtml(d.type.toUpperCase())}${name ? `<div class="sb-muted">${escapeHtml(name)}</div>` : ''}`;
}

function indexBody(input: HtmlExportInput, pageOf: ReadonlyMap<string, string>): string {
  const { locale } = input;
  const head = ['field.title', 'field.type', 'field.id', 'field.stage', 'field.status', 'field.owner', 'field.release'] as const;
  const rows = [...input.docs].sort((a, b) => (a.product ?? '').localeCompare(b.product ?? '') || a.path.localeCompare(b.path)).map((d) => {
    const cells = [
      `<a href="${escapeHtml(pageOf.get(d.path)!)}">${escapeHtml(d.title ?? path.basename(d.path))}</a><div class="sb-muted">${escapeHtml(input.rel(d.path))} · ${escapeHtml(renderMessage(locale, d.requirementCount === 1 ? 'index.oneRequirement' : 'index.requirements', { count: d.requirementCount }))}</div>`,
      typeCell(input, d), escapeHtml(d.id ?? ''), escapeHtml(d.stage ? stageLabel(locale, d.stage) : ''),
      escapeHtml(d.status ? docStatusLabel(locale, d.status) : ''), escapeHtml(d.owner ?? ''), escapeHtml(d.release ?? ''),
    ];
    return `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
  }).join('\n');
  return `<div class="sb-index"><h1>${escapeHtml(renderMessage(locale, 'index.title'))}</h1>`
    + `<table><thead><tr>${head.map((k) => `<th>${escapeHtml(renderMessage(locale, k))}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table></div>\n${footer(input)}`;
}
