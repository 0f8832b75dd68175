import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALWAYS_EXCLUDED_DIRS } from '../../src/core/config';
import { indexTree, removeTrees, writeTree } from './helpers/tree';

const NODE_MODULES = path.resolve(__dirname, '..', '..', '..', 'node_modules');

/** Every README, CHANGELOG and HISTORY under node_modules: Markdown written by people who never heard of requirements. */
function ordinaryDocs(): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  const walk = (dir: string, rel: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      // node_modules is always skipped by the indexer, so the copies live under plain folder names.
      const r = `${rel}/${entry.name === 'node_modules' ? 'deps' : entry.name}`;
      // A folder the indexer never reads (katex/dist, from the bench's markdownlint) is left out.
      if (entry.isDirectory()) {
        if (entry.name === 'node_modules' || !ALWAYS_EXCLUDED_DIRS.has(entry.name)) walk(p, r);
      }
      else if (entry.isFile() && /^(?:readme|changelog|history|changes)(?:\.[\w-]+)?\.md$/i.test(entry.name)) out[r.slice(1)] = fs.readFileSync(p);
    }
  };
  walk(NODE_MODULES, '');
  return out;
}

describe('ordinary Markdown', () => {
  after(removeTrees);

  it('defines no requirement and reports no problem in any README or CHANGELOG under node_modules', async function () {
    this.timeout(60_000);
    const docs = ordinaryDocs();
    assert.ok(Object.keys(docs).length > 100, `only ${Object.keys(docs).length} documents found`);
    const board = await indexTree(writeTree(docs));
    const stats = board.stats();
    console.log(`      ${stats.files} documents, ${stats.requirements} requirements, ${board.allDiagnostics().length} diagnostics`);
    assert.equal(stats.files, Object.keys(docs).length);
    assert.deepEqual(board.trace().map((r) => `${r.id} ${r.path}:${r.line}`), []);
    assert.deepEqual(board.allDiagnostics().map((d) => `${d.code} ${d.path}:${d.range.start.line + 1} ${d.message}`), []);
  });
});
