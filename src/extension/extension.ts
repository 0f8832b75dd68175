import * as vscode from 'vscode';
import { createApi, type SpecboardApi } from './api';
import { EditorConfig } from './adapters/editorConfig';
import * as diagnostics from './features/diagnostics';
import type { Services } from './services';
import { SpecboardService } from './specboardService';

const VERSION = '0.1.0';

/**
 * Wires adapters and features, starts the background index and returns the public API. It does no
 * indexing work itself, so activation stays in the low milliseconds on any workspace size.
 */
export function activate(context: vscode.ExtensionContext): SpecboardApi {
  const config = new EditorConfig();
  const index = new SpecboardService(config);
  context.subscriptions.push(index);
  const services: Services = { index, config };
  diagnostics.register(context, services);
  void index.reindex();
  return createApi(index, VERSION);
}

export function deactivate(): void {}
