import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';

export interface RunOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Send output to this file instead of the terminal; its tail is printed if the command fails. */
  readonly logFile?: string;
  /** Printed every 30 s while a long, quiet step runs, so CI does not look (or get killed as) stuck. */
  readonly label?: string;
}

/** Runs a command to completion and resolves with its exit code (it never rejects on failure). */
export function runCommand(command: string, args: readonly string[], options: RunOptions = {}): Promise<number> {
  const started = Date.now();
  const fd = options.logFile ? openSync(options.logFile, 'w') : undefined;
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: fd === undefined ? 'inherit' : ['ignore', fd, fd],
  });
  const heartbeat = options.label
    ? setInterval(() => console.log(`  … ${options.label}: ${Math.round((Date.now() - started) / 1000)} s`), 30_000)
    : undefined;
  return new Promise((resolve) => {
    const done = (code: number): void => {
      if (heartbeat) clearInterval(heartbeat);
      if (fd !== undefined) closeSync(fd);
      if (code !== 0 && options.logFile) printTail(options.logFile);
      resolve(code);
    };
    child.on('error', (err) => {
      console.error(`could not run ${command}: ${err.message}`);
      done(127);
    });
    child.on('exit', (code, signal) => done(code ?? (signal ? 128 : 1)));
  });
}

function printTail(file: string, lines = 60): void {
  const tail = readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  console.error(`--- last ${lines} lines of ${file} ---\n${tail}\n---`);
}
