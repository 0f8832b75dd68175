import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { scoreCorpus, totals } from '../../bench/src/recallScore';

/**
 * The repository's own corpus (test/fixtures/corpus): documents written in the forms real teams
 * use (spec-kit specs and their plans and tasks, Kiro requirements, Chinese PRDs full of tables,
 * IEEE-style SRS, a PRD with MoSCoW tables, and a library's README and CHANGELOG), each set with
 * the definitions a careful reader counts. Scored the same way as an outside corpus (npm run recall).
 */
const CORPUS = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'corpus');

describe('documents as real teams write them', () => {
  it('recognises every definition of the fixture corpus and invents none', async () => {
    const scores = await scoreCorpus(CORPUS);
    const t = totals(scores);
    console.log(`      ${scores.length} sets: ${t.matched}/${t.expected} definitions recognised, ${t.spurious} spurious`);
    assert.ok(scores.length >= 10, 'every set is found');
    for (const s of scores) {
      assert.deepEqual(s.missed, [], `${s.category}/${s.set} missed`);
      assert.deepEqual(s.spurious, [], `${s.category}/${s.set} invented`);
      assert.equal(s.sameLine, s.matched, `${s.category}/${s.set}: a definition on another line`);
    }
  });

  it('reports no duplicate or unknown ID where the documents have none, and nothing at all on ordinary Markdown', async () => {
    const scores = await scoreCorpus(CORPUS);
    for (const s of scores) {
      assert.equal(s.diagnostics['duplicate-id'] ?? 0, 0, `${s.set} duplicate-id`);
      assert.equal(s.diagnostics['unknown-id'] ?? 0, 0, `${s.set} unknown-id`);
      if (s.category === 'ordinary') assert.deepEqual(s.diagnostics, {}, s.set);
    }
  });
});
