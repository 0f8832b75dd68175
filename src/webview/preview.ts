import { isHostToPreview, type HostToPreview, type PreviewToHost } from '../shared/protocol';
import { bodyData, vscodeApi } from './vscodeApi';

interface PreviewState {
  readonly path?: string;
  readonly line?: number;
  /** Whether the code references panel is unfolded; unset until the user toggles it. */
  readonly asideOpen?: boolean;
}

const WIDE = 900;

/**
 * The rendered-document preview. The host sends HTML from the core renderer (escaped, raw HTML
 * disabled) and this script only places it, follows the editor's scroll position and turns clicks
 * into messages: the host decides what a link may open.
 */
class Preview {
  private readonly vscode = vscodeApi<PreviewState, PreviewToHost>();
  private readonly content = document.getElementById('content')!;
  private readonly aside = document.getElementById('aside')!;
  private state: PreviewState = this.vscode.getState() ?? {};
  private active: string | null = null;
  private readonly strings = bodyData<{ show: string; hide: string }>('strings') ?? { show: '', hide: '' };
  private readonly layout = document.getElementById('layout')!;
  private readonly toggle = document.getElementById('aside-toggle')!;

  constructor() {
    this.toggle.addEventListener('click', () => this.setAside(!this.asideOpen));
    document.getElementById('aside-title')?.addEventListener('click', () => { if (!this.asideOpen) this.setAside(true); });
    this.setAside(this.asideOpen, false);
    window.addEventListener('message', (e: MessageEvent<unknown>) => {
      if (isHostToPreview(e.data)) this.receive(e.data);
    });
    document.addEventListener('click', (e) => this.onClick(e), true);
    this.content.addEventListener('dblclick', (e) => {
      const line = lineOf(e.target as Element);
      if (line !== undefined) this.vscode.postMessage({ type: 'revealLine', line });
    });
    this.vscode.postMessage({ type: 'ready' });
  }

  private receive(message: HostToPreview): void {
    switch (message.type) {
      case 'render': {
        const samePage = this.state.path === message.path;
        const scroll = window.scrollY;
        this.content.innerHTML = message.html;
        this.aside.innerHTML = message.aside;
        document.title = message.title;
        if (samePage) window.scrollTo(0, scroll);
        else if (message.line !== undefined) this.scrollTo(message.line);
        this.state = { ...this.state, path: message.path, line: message.line };
        this.vscode.setState(this.state);
        this.highlight(this.active);
        this.vscode.postMessage({
          type: 'rendered', version: message.version,
          scripts: document.querySelectorAll('#content script, #aside script').length,
          handlers: countInlineHandlers(this.content) + countInlineHandlers(this.aside),
          badges: this.content.querySelectorAll('.sb-badge').length,
        });
        break;
      }
      case 'scrollTo':
        this.scrollTo(message.line);
        this.vscode.setState((this.state = { ...this.state, line: message.line }));
        break;
      case 'activeRequirement':
        this.highlight(message.id);
        break;
    }
  }

  /** Open by default in a wide panel, folded in a narrow one, until the user chooses. */
  private get asideOpen(): boolean {
    return this.state.asideOpen ?? window.innerWidth >= WIDE;
  }

  private setAside(open: boolean, remember = true): void {
    this.layout.classList.toggle('sb-aside-folded', !open);
    this.toggle.setAttribute('aria-expanded', String(open));
    const label = open ? this.strings.hide : this.strings.show;
    this.toggle.setAttribute('aria-label', label);
    this.toggle.title = label;
    this.toggle.firstElementChild?.classList.replace(open ? 'codicon-chevron-left' : 'codicon-chevron-right', open ? 'codicon-chevron-right' : 'codicon-chevron-left');
    if (remember) this.vscode.setState((this.state = { ...this.state, asideOpen: open }));
  }

  /** Scrolls so the block for `line` is at the top, interpolating inside long blocks. */
  private scrollTo(line: number): void {
    const blocks = [...this.content.querySelectorAll<HTMLElement>('[data-line]')];
    let before: HTMLElement | undefined;
    let after: HTMLElement | undefined;
    for (const b of blocks) {
      const l = Number(b.dataset.line);
      if (l <= line) before = b;
      else { after = b; break; }
    }
    if (!before) { window.scrollTo(0, 0); return; }
    const top = before.getBoundingClientRect().top + window.scrollY;
    let offset = 0;
    if (after) {
      const from = Number(before.dataset.line);
      const to = Number(after.dataset.line);
      const span = after.getBoundingClientRect().top + window.scrollY - top;
      offset = to > from ? ((line - from) / (to - from)) * span : 0;
    }
    window.scrollTo(0, Math.max(0, top + offset - 8));
  }

  private highlight(id: string | null): void {
    this.active = id;
    for (const el of document.querySelectorAll('.sb-active')) el.classList.remove('sb-active');
    if (!id) return;
    for (const el of document.querySelectorAll(`[data-sb-req="${CSS.escape(id)}"], [data-sb-aside="${CSS.escape(id)}"]`)) {
      el.classList.add('sb-active');
      if (el instanceof HTMLDetailsElement) {
        el.open = true;
        el.scrollIntoView({ block: 'nearest' });
      }
    }
  }

  private onClick(e: MouseEvent): void {
    const target = e.target as Element;
    const link = target.closest('a');
    if (!link) return;
    e.preventDefault();
    const id = link.getAttribute('data-sb-id');
    const path = link.getAttribute('data-sb-path');
    const href = link.getAttribute('href') ?? '';
    if (id) this.vscode.postMessage({ type: 'reveal', id });
    else if (path) this.vscode.postMessage({ type: 'open', path, line: Number(link.getAttribute('data-sb-line') ?? 0) });
    else if (href.startsWith('#') && href.length > 1) document.getElementById(decodeURIComponent(href.slice(1)))?.scrollIntoView();
    else if (href) this.vscode.postMessage({ type: 'openLink', href });
  }
}

function lineOf(target: Element | null): number | undefined {
  const block = target?.closest<HTMLElement>('[data-line]');
  return block ? Number(block.dataset.line) : undefined;
}

/** Elements carrying on* attributes or javascript: URLs: a rendered doc must have none. */
function countInlineHandlers(root: Element): number {
  let n = 0;
  for (const el of root.querySelectorAll('*')) {
    for (const attr of el.getAttributeNames()) {
      const value = el.getAttribute(attr) ?? '';
      if (/^on/i.test(attr) || (/^(href|src|xlink:href|action|formaction)$/i.test(attr) && /^\s*(javascript|vbscript|data):/i.test(value))) n++;
    }
  }
  return n;
}

new Preview();
