import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, EXTENSION_ID, fixture } from './helpers';

describe('public API returned from activate()', () => {
  it('answers requirement queries from the index', async () => {
    const specboard = await api();
    const req = specboard.getRequirement('REQ-LNK-001');
    assert.ok(req, 'REQ-LNK-001 is indexed');
    assert.equal(req.title, 'Deep links');
    assert.equal(req.status, 'approved');
    assert.equal(req.priority, 'P1');
    assert.equal(req.docId, 'PRD-LINKS');
    assert.deepEqual(req.traces, ['BR-LNK-1']);
    assert.equal(req.uri, fixture('editor/links.prd.md').toString());
  });

  it('reads table-form requirements with Chinese titles', async () => {
    const req = (await api()).getRequirement('REQ-LNK-002');
    assert.equal(req?.form, 'table');
    assert.equal(req?.title, '分享链接');
  });

  it('lists references in code and docs', async () => {
    const refs = (await api()).getReferences('REQ-LNK-002');
    const files = refs.map((r) => r.uri.slice(r.uri.lastIndexOf('/') + 1)).sort();
    assert.deepEqual(files, ['deeplink.ts', 'share.py']);
    assert.ok(refs.every((r) => r.kind === 'code'));
  });

  it('lists documents and the trace model', async () => {
    const specboard = await api();
    const docs = specboard.documents().map((d) => d.id);
    assert.ok(docs.includes('PRD-LINKS') && docs.includes('BRD-LINKS'));
    const br = specboard.trace().find((t) => t.id === 'BR-LNK-1');
    assert.deepEqual(br?.downstream, ['REQ-LNK-001']);
    assert.equal(specboard.nextFreeId('REQ-LNK-'), 'REQ-LNK-003');
  });

  it('reports the version package.json states', async () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { version?: string } | undefined;
    assert.ok(manifest?.version);
    assert.equal((await api()).version, manifest.version);
  });
});
