/**
 * Where the core reports what it did and what went wrong. The extension backs it with the
 * `Specboard` log output channel, the CLI with standard error under `--verbose`, tests with a list.
 * The method names match vscode.LogOutputChannel's, so an adapter is a few lines.
 */
export interface Logger {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  /** A problem the core worked around (a file skipped, a folder not listed); `error` adds its cause. */
  warn(message: string, error?: unknown): void;
  /** A failure; `error` is the exception caught, whose stack the log keeps. */
  error(message: string, error?: unknown): void;
}

/** The default: a core nobody listens to (a one-off script, a benchmark) logs nothing. */
export const NO_LOGGER: Logger = {
  trace: () => {},
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
};
