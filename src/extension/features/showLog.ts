import * as vscode from 'vscode';

/** `Specboard: Show Log`: the log output channel, where skipped files and failures are explained. */
export function register(context: vscode.ExtensionContext, channel: vscode.LogOutputChannel): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('specboard.showLog', () => channel.show(true)),
    // Internal (not in the palette): the folder that holds the channel's file, for the integration tests.
    vscode.commands.registerCommand('_specboard.log.folder', () => context.logUri.toString()),
  );
}
