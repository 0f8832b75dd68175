import * as vscode from 'vscode';

export async function activate(_context: vscode.ExtensionContext): Promise<{ version: string }> {
  return { version: '0.1.0' };
}

export function deactivate(): void {}
