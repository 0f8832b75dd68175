import * as assert from 'node:assert/strict';
import { readRegularFile } from '../../src/cli/nodeWorkspace';
import { decodeText } from '../../src/core/decode';
import { removeTrees, writeTree } from './helpers/tree';

describe('reading a file for the index', () => {
  after(removeTrees);

  it('reads a regular file whole, of any size, by the size its descriptor states', () => {
    const big = Buffer.alloc(3 * 65_536 + 17, 'ab');
    const dir = writeTree({ 'empty.md': '', 'one.md': 'x', 'big.md': big, 'text.md': '# 标题\nREQ-1\n' });
    assert.equal(readRegularFile(`${dir}/empty.md`).length, 0);
    assert.equal(readRegularFile(`${dir}/one.md`).toString(), 'x');
    assert.ok(readRegularFile(`${dir}/big.md`).equals(big));
    assert.equal(readRegularFile(`${dir}/text.md`).toString('utf8'), '# 标题\nREQ-1\n');
  });

  it('reads a file that states no size (procfs) to its end', () => {
    assert.match(readRegularFile('/proc/self/status').toString('utf8'), /^Name:/);
  });

  it('calls a file binary for a NUL within its first 8 KB only, and decodes the rest as UTF-8', () => {
    const at = (i: number) => { const b = Buffer.alloc(10_000, 0x61); b[i] = 0; return b; };
    assert.deepEqual(decodeText(at(0), 1e6), { ok: false, reason: 'skip.binary' });
    assert.deepEqual(decodeText(at(8191), 1e6), { ok: false, reason: 'skip.binary' });
    assert.equal(decodeText(at(8192), 1e6).ok, true);
    assert.deepEqual(decodeText(Buffer.from([0xe9, 0x61]), 1e6), { ok: false, reason: 'skip.encoding' });
    assert.deepEqual(decodeText(Buffer.from('\ufeffREQ-1'), 1e6), { ok: true, text: 'REQ-1' });
  });
});
