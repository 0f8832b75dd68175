import * as vscode from 'vscode';
import { createApi, type SpecboardExports } from './api';
import { channelLogger } from './adapters/channelLogger';
import { EditorConfig } from './adapters/editorConfig';
import { SnapshotStore } from './adapters/snapshotStore';
import * as codeLens from './features/codeLens';
import * as completion from './features/completion';
import * as deliverableCommands from './features/deliverableCommands';
import * as diagnostics from './features/diagnostics';
import * as documentLinks from './features/documentLinks';
import * as fixAll from './features/fixAll';
import * as frontMatterHover from './features/frontMatterHover';
import * as hover from './features/hover';
import * as languageModelTools from './features/languageModelTools';
import * as lifecycleCommands from './features/lifecycleCommands';
import * as mcpServerDefinition from './features/mcpServerDefinition';
import * as navigation from './features/navigation';
import * as newDocument from './features/newDocument';
import * as quickFixes from './features/quickFixes';
import * as rename from './features/rename';
import * as savedIndex from './features/savedIndex';
import * as showLog from './features/showLog';
import * as statusBar from './features/statusBar';
import * as symbols from './features/symbols';
import type { Services } from './services';
import { SpecboardService } from './specboardService';
import * as views from './views/registerViews';
import { markdownPreviewPlugin } from './panels/markdownPreviewPlugin';
import * as panels from './panels/registerPanels';
import { VERSION } from '../shared/version';

/**
 * Wires adapters and features, starts the background index and returns the public API. It does no
 * indexing work itself, so activation stays in the low milliseconds on any workspace size.
 */
export function activate(context: vscode.ExtensionContext): SpecboardExports {
  const channel = vscode.window.createOutputChannel('Specboard', { log: true });
  context.subscriptions.push(channel);
  showLog.register(context, channel);
  const log = channelLogger(channel);
  const config = new EditorConfig();
  const specs = new SpecboardService(config, log, new SnapshotStore(context.storageUri));
  context.subscriptions.push(specs);
  const services: Services = { specs, config, log };
  diagnostics.register(context, services);
  completion.register(context, services);
  hover.register(context, services);
  frontMatterHover.register(context, services);
  navigation.register(context, services);
  rename.register(context, services);
  symbols.register(context, services);
  codeLens.register(context, services);
  documentLinks.register(context, services);
  quickFixes.register(context, services);
  fixAll.register(context, services);
  newDocument.register(context, services);
  views.register(context, services);
  lifecycleCommands.register(context, services);
  deliverableCommands.register(context, services);
  statusBar.register(context, services);
  panels.register(context, services);
  languageModelTools.register(context, services);
  mcpServerDefinition.register(context, services);
  savedIndex.register(context, services);
  void specs.reindex({ restore: true });
  return Object.assign(createApi(specs, VERSION), { extendMarkdownIt: markdownPreviewPlugin(context, services) });
}

export function deactivate(): void {}
