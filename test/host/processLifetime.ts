import { CleanupStack } from './cleanupStack';

/** How long cleanup may take before we exit anyway (a wedged browser must not hang CI). */
const CLEANUP_LIMIT_MS = 15_000;

export interface Lifetime {
  readonly cleanup: CleanupStack;
  /** Cleans up, prints `message` if given, and exits with `code`. Safe to call more than once. */
  finish(code: number, message?: string): Promise<never>;
}

/**
 * Ties a runner's cleanup to every way the process can end: normal completion, an error, Ctrl+C,
 * SIGTERM from CI, and an optional overall time limit (exit 124, like coreutils' timeout).
 */
export function startLifetime(options: { timeoutSeconds?: number; interruptCode?: number } = {}): Lifetime {
  const cleanup = new CleanupStack();
  let finishing: Promise<never> | undefined;
  let timer: NodeJS.Timeout | undefined;

  const finish = (code: number, message?: string): Promise<never> => {
    finishing ??= (async () => {
      if (timer) clearTimeout(timer);
      if (message) (code === 0 ? console.log : console.error)(message);
      const limit = new Promise<void>((resolve) => setTimeout(resolve, CLEANUP_LIMIT_MS).unref());
      await Promise.race([cleanup.run(), limit]);
      process.exit(code);
    })();
    return finishing;
  };

  // A server (npm start) is meant to be stopped with Ctrl+C and passes interruptCode 0, so npm
  // does not report the normal way to stop it as a failed script.
  const signals: Array<[NodeJS.Signals, number]> = [['SIGINT', options.interruptCode ?? 130], ['SIGTERM', 143], ['SIGHUP', 129]];
  for (const [signal, code] of signals) {
    process.on(signal, () => void finish(code, `\n${signal}: cleaning up`));
  }
  // A crash still cleans up. Once finishing, errors from what is being torn down (Playwright
  // throws if the browser closes mid-call) are expected and must not replace the chosen code.
  const crashed = (err: unknown): void => {
    if (finishing) return;
    void finish(1, `unexpected error: ${err instanceof Error ? err.stack : String(err)}`);
  };
  process.on('uncaughtException', crashed);
  process.on('unhandledRejection', crashed);
  process.on('exit', () => cleanup.runSync());
  if (options.timeoutSeconds !== undefined) {
    const seconds = options.timeoutSeconds;
    timer = setTimeout(() => void finish(124, `timed out after ${seconds} s`), seconds * 1000);
  }
  return { cleanup, finish };
}
