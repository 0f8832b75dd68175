import * as vscode from 'vscode';
import type { Logger } from '../../core';

/** The part of the built-in Git extension's API (`vscode.git`, version 1) read here. */
interface GitApi {
  getRepository(uri: vscode.Uri): { getConfig(key: string): Promise<string>; getGlobalConfig(key: string): Promise<string> } | null;
}

/**
 * `user.name` from git for the repository holding `uri` (its own config, then the global one), for
 * a new document's owner. Undefined where git is not available (the web, Git disabled, no
 * repository) or names nobody; never throws.
 */
export async function gitUserName(uri: vscode.Uri, log: Logger): Promise<string | undefined> {
  try {
    const git = vscode.extensions.getExtension<{ getAPI(version: 1): GitApi }>('vscode.git');
    if (!git) {
      // The web (vscode.dev, github.dev) has no Git extension: the owner stays TBD, and the log says why.
      log.info("No Git extension in this window (as on vscode.dev and github.dev): a new document's owner is TBD");
      return undefined;
    }
    const api = (git.isActive ? git.exports : await git.activate()).getAPI(1);
    const repository = api.getRepository(uri);
    if (!repository) return undefined;
    // git fails on a key that is not set: that is an answer (no name), not an error.
    const name = (await repository.getConfig('user.name').catch(() => '')) || (await repository.getGlobalConfig('user.name').catch(() => ''));
    return name.trim() || undefined;
  } catch (e) {
    log.debug(`No git user name for a new document's owner: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}
