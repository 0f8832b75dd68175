import * as vscode from 'vscode';
import { errorSummary, normalizeLocale } from '../../core';
import { escapeHtml, isSafeLink } from '../../core/render';
import { parsePreviewMessage, type HostToPreview, type PreviewToHost } from '../../shared/protocol';
import { toRange, toUri } from '../adapters/convert';
import { reportFailure } from '../adapters/reportFailure';
import type { Services } from '../services';
import { previewContent, type PreviewContent } from './previewContent';
import { localResourceRoots, webviewHtml } from './webviewHtml';

const RENDER_DELAY = 120;

/** What the webview last reported about a render (tests read it). */
export type RenderReport = Extract<PreviewToHost, { type: 'rendered' }>;

/**
 * The rendered-document preview beside the editor. It follows the active Markdown editor, re-renders
 * as the user types (from the editor's text, saved or not), scrolls with the editor and highlights
 * the requirement under the cursor. Links are resolved here, never by the webview.
 */
export class PreviewPanel implements vscode.Disposable {
  static readonly viewType = 'specboard.preview';
  private static current: PreviewPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private version = 0;
  private content: PreviewContent | undefined;
  private readyResolve!: () => void;
  readonly ready = new Promise<void>((resolve) => { this.readyResolve = resolve; });
  /** The last render sent, and the webview's report on it. */
  lastRender: (HostToPreview & { type: 'render' }) | undefined;
  lastReport: RenderReport | undefined;

  static get instance(): PreviewPanel | undefined {
    return PreviewPanel.current;
  }

  static show(context: vscode.ExtensionContext, services: Services, uri: vscode.Uri): PreviewPanel {
    const current = PreviewPanel.current;
    if (current) {
      current.setDocument(uri);
      current.panel.reveal(vscode.ViewColumn.Beside, true);
      return current;
    }
    const panel = vscode.window.createWebviewPanel(PreviewPanel.viewType, vscode.l10n.t('Preview'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true, enableFindWidget: true,
      localResourceRoots: localResourceRoots(context.extensionUri, vscode.Uri.joinPath(uri, '..')),
    });
    return new PreviewPanel(panel, context, services, uri);
  }

  static revive(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, services: Services, state: unknown): PreviewPanel | undefined {
    const path = (state as { path?: unknown } | undefined)?.path;
    if (typeof path !== 'string') {
      panel.dispose();
      return undefined;
    }
    PreviewPanel.current?.dispose();
    const uri = toUri(path);
    panel.webview.options = { enableScripts: true, localResourceRoots: localResourceRoots(context.extensionUri, vscode.Uri.joinPath(uri, '..')) };
    return new PreviewPanel(panel, context, services, uri);
  }

  private constructor(readonly panel: vscode.WebviewPanel, private readonly context: vscode.ExtensionContext, private readonly services: Services, private uri: vscode.Uri) {
    PreviewPanel.current = this;
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'specboard.svg');
    panel.webview.html = webviewHtml({
      webview: panel.webview, extensionUri: context.extensionUri, title: vscode.l10n.t('Preview'),
      styles: ['dist/codicon.css', 'render.css', 'preview.css'],
      scripts: ['dist/preview.js'],
      data: { strings: { show: vscode.l10n.t('Show code references'), hide: vscode.l10n.t('Hide code references') } },
      body: `<div id="layout" class="sb-layout sb-panel">
<main id="content" class="sb-doc"></main>
<aside class="sb-aside" aria-labelledby="aside-title">
<div class="sb-aside-head"><button id="aside-toggle" class="sb-aside-toggle" type="button" aria-controls="aside"><span class="codicon codicon-chevron-right" aria-hidden="true"></span></button>
<h2 id="aside-title" class="sb-aside-title">${escapeHtml(vscode.l10n.t('Code references'))}</h2></div>
<div id="aside"></div>
</aside>
</div>`,
    });
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      // handleMessage reports its own failures and never rejects.
      panel.webview.onDidReceiveMessage((raw: unknown) => void this.handleMessage(raw)),
      vscode.workspace.onDidChangeTextDocument((e) => { if (e.document.uri.toString() === this.uri.toString()) this.schedule(); }),
      services.specs.onDidChange((e) => { if (e.full || e.affected.has(this.uri.toString())) this.schedule(); }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && editor.document.languageId === 'markdown' && editor.document.uri.scheme !== 'output') this.setDocument(editor.document.uri);
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        if (e.textEditor.document.uri.toString() === this.uri.toString() && e.visibleRanges[0]) {
          void this.post({ type: 'scrollTo', line: e.visibleRanges[0].start.line });
        }
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor.document.uri.toString() !== this.uri.toString()) return;
        const line = e.selections[0]?.active.line ?? 0;
        const def = this.content?.requirements.find((d) => line >= d.line && line <= d.endLine);
        void this.post({ type: 'activeRequirement', id: def?.id ?? null });
      }),
    );
  }

  get document(): vscode.Uri {
    return this.uri;
  }

  setDocument(uri: vscode.Uri): void {
    if (uri.toString() === this.uri.toString()) return;
    this.uri = uri;
    this.panel.webview.options = { ...this.panel.webview.options, localResourceRoots: localResourceRoots(this.context.extensionUri, vscode.Uri.joinPath(uri, '..')) };
    this.schedule(0);
  }

  /**
   * Handles one webview message; exposed so integration tests drive the real handler. Never
   * rejects: the webview posts and forgets, so a failure is logged and shown here.
   */
  async handleMessage(raw: unknown): Promise<void> {
    const message = parsePreviewMessage(raw);
    if (!message) return;
    try {
      await this.dispatch(message);
    } catch (e) {
      reportFailure(this.services.log, vscode.l10n.t('The preview could not handle that: {0}', errorSummary(e)), e);
    }
  }

  private async dispatch(message: PreviewToHost): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.readyResolve();
        await this.render();
        return;
      case 'rendered':
        this.lastReport = message;
        if (message.scripts || message.handlers) this.services.log.warn(`Preview: the rendered page holds ${message.scripts} scripts and ${message.handlers} inline handlers`);
        return;
      case 'reveal':
        return this.reveal(message.id);
      case 'revealLine':
        return this.showSource(this.uri, new vscode.Range(message.line, 0, message.line, 0));
      case 'open':
        if (this.services.specs.core.file(message.path)) await this.showSource(toUri(message.path), new vscode.Range(message.line, 0, message.line, 0));
        return;
      case 'openLink':
        return this.openLink(message.href);
    }
  }

  /** Renders the current document now and sends it; returns what was sent. */
  async render(): Promise<void> {
    clearTimeout(this.timer);
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(this.uri);
    } catch (e) {
      // Deleted or unreadable since the preview opened: it keeps its last render.
      this.services.log.warn(`Preview: could not open ${this.uri.toString()}; the last render stays`, e);
      return;
    }
    const text = document.getText();
    const content = previewContent(this.services.specs.core, this.services.specs.view(document), this.uri, text, this.panel.webview, normalizeLocale(vscode.env.language));
    this.content = content;
    this.panel.title = vscode.l10n.t('Preview: {0}', content.title);
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
    const message: HostToPreview = {
      type: 'render', version: ++this.version, path: this.uri.toString(), title: content.title, html: content.html, aside: content.aside,
      ...(editor?.visibleRanges[0] ? { line: editor.visibleRanges[0].start.line } : {}),
    };
    this.lastRender = message;
    await this.post(message);
  }

  private schedule(delay = RENDER_DELAY): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.render().catch((e: unknown) => reportFailure(this.services.log, vscode.l10n.t('The preview could not be updated: {0}', errorSummary(e)), e));
    }, delay);
  }

  private async reveal(id: string): Promise<void> {
    const def = this.services.specs.core.definition(id);
    if (!def) {
      void vscode.window.showWarningMessage(vscode.l10n.t('{0} is not defined in any document.', id));
      return;
    }
    await this.showSource(toUri(def.path), toRange(def.idRange));
  }

  /** Opens a file in the editor group beside the preview (the source's group), not over the preview. */
  private async showSource(uri: vscode.Uri, selection: vscode.Range): Promise<void> {
    const source = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri.toString());
    const viewColumn = source?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    const editor = await vscode.window.showTextDocument(uri, { viewColumn, selection, preserveFocus: false });
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /** Web links open in the browser; relative links open the linked file. Nothing else is followed. */
  private async openLink(href: string): Promise<void> {
    if (!isSafeLink(href)) return;
    if (/^(https?|mailto):/i.test(href)) {
      await vscode.env.openExternal(vscode.Uri.parse(href, true));
      return;
    }
    const [path, fragment] = href.split('#', 2);
    if (!path) return;
    let target: vscode.Uri;
    try {
      target = vscode.Uri.joinPath(this.uri, '..', decodeURIComponent(path));
    } catch {
      return;
    }
    const line = /^L(\d+)$/.exec(fragment ?? '');
    await this.showSource(target, new vscode.Range(line ? Number(line[1]) - 1 : 0, 0, line ? Number(line[1]) - 1 : 0, 0));
  }

  private post(message: HostToPreview): Thenable<boolean> {
    return this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (PreviewPanel.current === this) PreviewPanel.current = undefined;
    clearTimeout(this.timer);
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
