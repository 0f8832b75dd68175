import * as vscode from 'vscode';
import { api, EXTENSION_ID } from '../../integration/helpers';
import { deepEqual, equal, ok } from './assert';

describe('the web extension host', () => {
  it('runs Specboard from its browser entry in a web worker, on a virtual file system', async () => {
    equal(vscode.env.uiKind, vscode.UIKind.Web, 'the workbench is the web one');
    const folder = vscode.workspace.workspaceFolders?.[0];
    ok(folder, 'a workspace folder is open');
    ok(folder.uri.scheme !== 'file', `the folder is served by a file system provider, not the disk (${folder.uri.toString()})`);
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    ok(extension, `${EXTENSION_ID} is loaded`);
    equal((extension.packageJSON as { browser?: string }).browser, './dist/web/extension.js');
    // A web worker has no Node: had the Node bundle been loaded, it would have failed on require.
    equal(typeof (globalThis as { importScripts?: unknown }).importScripts, 'function', 'this code runs in a web worker');
  });

  it('indexes the example workspace through vscode.workspace.fs', async () => {
    const specboard = await api();
    const stats = specboard.stats();
    deepEqual([stats.files, stats.documents], [18, 12], 'the documents under docs/ and the code under src/');
    const ids = new Set(specboard.listRequirements().map((r) => r.id));
    ok(['REQ-CHK-001', 'REQ-CHK-010', 'NFR-PERF-3', 'BR-001'].every((id) => ids.has(id)), `requirements of both products, got ${[...ids].slice(0, 8).join(', ')}…`);
    ok(stats.references > 100, `references in docs and code, got ${stats.references}`);
  });
});
