// The example workspace has no node_modules: these declarations let the editor type-check its
// TypeScript on its own, so the Problems panel shows Specboard's findings and not missing typings.
declare module 'node:crypto' {
  export function createHmac(algorithm: string, key: string): {
    update(data: string, encoding: 'utf8'): { digest(encoding: 'hex'): string };
  };
}
declare const process: { env: Record<string, string | undefined> };
