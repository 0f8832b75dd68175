import * as assert from 'node:assert/strict';
import { newNonce } from '../../src/extension/panels/nonce';

describe('webview nonce', () => {
  it('is 18 random bytes in base64, fresh on every call, from the Web Crypto API the web host also has', () => {
    const nonces = new Set(Array.from({ length: 200 }, newNonce));
    assert.equal(nonces.size, 200, 'no nonce repeats');
    for (const nonce of nonces) {
      assert.match(nonce, /^[A-Za-z0-9+/]{24}$/);
      assert.equal(Buffer.from(nonce, 'base64').length, 18);
    }
  });
});
