// Straight from its file, not the core's index: the webview bundle takes this one function only.
import { formatMessage } from '../core/formatMessage';

/** The API VS Code injects into a webview; `acquireVsCodeApi` may be called only once per page. */
export interface VsCodeApi<State, Message> {
  postMessage(message: Message): void;
  getState(): State | undefined;
  setState(state: State): void;
}

declare function acquireVsCodeApi<State, Message>(): VsCodeApi<State, Message>;

export function vscodeApi<State, Message>(): VsCodeApi<State, Message> {
  return acquireVsCodeApi<State, Message>();
}

/** Reads the JSON the host put in an escaped `data-` attribute of the body. */
export function bodyData<T>(name: string): T | undefined {
  const raw = document.body.dataset[name];
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return undefined;
  }
}

/** Fills the `{0}`, `{1}` placeholders of a string from vscode.l10n.t, by position. */
export function format(template: string, ...args: (string | number)[]): string {
  return formatMessage(template, Object.fromEntries(args.map((value, i) => [i, value])));
}
