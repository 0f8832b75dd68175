import * as assert from 'node:assert/strict';
import { createSpecboard } from '../../src/core';
import { NodeWorkspace } from '../../src/cli/nodeWorkspace';
import { prd } from './helpers/docs';
import { pathIn, removeTrees, writeTree } from './helpers/tree';

describe('multi-root workspaces', () => {
  after(removeTrees);

  it('applies each folder\'s own config to its files and resolves IDs across folders', async () => {
    const product = writeTree({
      '.specboard/config.json': '{ "statuses": ["open", "closed"] }',
      'docs/prd.md': prd('### REQ-1: Search\n- Priority: P1\n- Status: open\n'),
    });
    const service = writeTree({
      '.specboard/config.json': '{ "exclude": ["legacy/**"] }',
      'src/search.ts': '// implements REQ-1 and REQ-2\n',
      'legacy/old.ts': '// REQ-77\n',
    });
    const board = createSpecboard({ workspace: new NodeWorkspace([product, service]) });
    await board.indexAll();

    assert.deepEqual(board.diagnostics(pathIn(product, 'docs/prd.md')).map((d) => d.code), [],
      "'open' is valid under the product folder's own statuses");
    assert.deepEqual(board.index.references('REQ-1').map((r) => r.path), [pathIn(service, 'src/search.ts')],
      'a reference in the other folder resolves to the definition');
    assert.deepEqual(board.diagnostics(pathIn(service, 'src/search.ts')).map((d) => d.message), [
      'REQ-2 is not defined in any document. Did you mean REQ-1?',
    ]);
    assert.equal(board.file(pathIn(service, 'legacy/old.ts')), undefined, "the service folder's exclude applies to it");
  });

  it('rejects a status that only the other folder allows', async () => {
    const strict = writeTree({ 'docs/prd.md': prd('### REQ-5: Export\n- Priority: P2\n- Status: triaged\n') });
    const loose = writeTree({ '.specboard/config.json': '{ "statuses": ["triaged"] }' });
    const board = createSpecboard({ workspace: new NodeWorkspace([strict, loose]) });
    await board.indexAll();
    const codes = board.diagnostics(pathIn(strict, 'docs/prd.md')).map((d) => d.code);
    assert.deepEqual(codes, ['invalid-value']);
  });
});
