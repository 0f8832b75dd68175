import * as vscode from 'vscode';
import type { Logger } from '../../core';

/** How long the same failure stays quiet after it was shown: a failure on every keystroke is one notification. */
const QUIET_MS = 30_000;
const shown = new Map<string, number>();

/**
 * For work nobody awaits (watcher events, webview messages, timers): logs the failure with its
 * stack and tells the user in `message`, which should say what failed and why; the notification
 * offers the log. Never throws, so it is safe in a `catch` and in a rejection handler.
 */
export function reportFailure(log: Logger, message: string, error: unknown): void {
  log.error(message, error);
  const now = Date.now();
  if (now - (shown.get(message) ?? -Infinity) < QUIET_MS) return;
  shown.set(message, now);
  const showLog = vscode.l10n.t('Show Log');
  void vscode.window.showErrorMessage(message, showLog).then((choice) => {
    if (choice === showLog) void vscode.commands.executeCommand('specboard.showLog');
  });
}
