import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { compareIds } from '../../src/core/compareIds';

describe('compareIds', () => {
  it('orders exactly as localeCompare with English numeric collation, which it replaces', () => {
    const id = fc.tuple(fc.constantFrom('REQ', 'FR', 'req', 'US', 'REQ-PAY', '需求', 'v'), fc.constantFrom('-', '.', '', '_'), fc.nat(100_000), fc.constantFrom('', '.1', '-a', 'b'))
      .map(([stem, sep, n, tail]) => `${stem}${sep}${n}${tail}`);
    fc.assert(fc.property(id, id, (a, b) => Math.sign(compareIds(a, b)) === Math.sign(a.localeCompare(b, 'en', { numeric: true }))), { numRuns: 5_000, seed: 14 });
  });

  it('puts REQ-2 before REQ-10', () => {
    assert.deepEqual(['REQ-10', 'REQ-2', 'REQ-1'].sort(compareIds), ['REQ-1', 'REQ-2', 'REQ-10']);
  });
});
