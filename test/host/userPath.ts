import { resolve } from 'node:path';

/**
 * Resolves a path the user typed. `npm run` always runs scripts from the package root, so a path
 * given relative to where the user actually was (npm's INIT_CWD) must be resolved against that.
 */
export function userPath(path: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}
