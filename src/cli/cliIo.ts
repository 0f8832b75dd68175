/**
 * What one CLI run may touch of its process: the current folder, the environment and the two
 * output streams. The bin wraps the real process in it; tests pass strings to collect.
 */
export interface CliIo {
  readonly cwd: string;
  readonly env: Record<string, string | undefined>;
  write(text: string): void;
  error(text: string): void;
}
