/**
 * code-server starts helpers (extension host, file watcher, agent host) that outlive a SIGTERM to
 * the main process, so it is spawned as a group leader and the whole group is signalled.
 */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Sends SIGTERM to the group, waits up to `graceMs` for it to go, then SIGKILLs what is left. */
export async function killProcessGroup(pgid: number, graceMs = 3000): Promise<void> {
  if (!groupAlive(pgid)) return;
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {
    return;
  }
  for (const deadline = Date.now() + graceMs; Date.now() < deadline && groupAlive(pgid); ) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  killProcessGroupNow(pgid);
}

/** The synchronous last resort, for process 'exit' handlers. */
export function killProcessGroupNow(pgid: number): void {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
