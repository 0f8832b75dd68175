/** Bytes of randomness in a nonce: 144 bits, 24 base64 characters, as VS Code's own previews use. */
const NONCE_BYTES = 18;

/**
 * A fresh nonce for a webview's Content-Security-Policy. It uses the Web Crypto API, which the
 * Node extension host and the browser's web worker host both provide; `node:crypto` exists only
 * in the first, and the extension would not load on vscode.dev.
 */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
  return btoa(String.fromCharCode(...bytes));
}
