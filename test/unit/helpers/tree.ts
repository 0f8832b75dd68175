/**
 * Real temp folders for unit tests: files are written to disk and read back through the real
 * NodeWorkspace and the real core, so nothing about file access or indexing is mocked.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createSpecboard, type Locale, type Specboard, type SpecDiagnostic } from '../../../src/core';
import { runCli } from '../../../src/cli/main';
import { NodeWorkspace, toPosix } from '../../../src/cli/nodeWorkspace';

const created: string[] = [];

/** Writes `files` (relative posix paths → content) into a fresh temp folder and returns its path. */
export function writeTree(files: Record<string, string | Buffer>): string {
  const dir = toPosix(fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'specboard-unit-'))));
  created.push(dir);
  for (const [rel, content] of Object.entries(files)) writeFile(dir, rel, content);
  return dir;
}

/** Writes (or overwrites) one file below `dir`, creating folders as needed. */
export function writeFile(dir: string, rel: string, content: string | Buffer): string {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return toPosix(file);
}

/** Makes a named pipe below `dir` with mkfifo(1); false where there is none (Windows). */
export function makeFifo(dir: string, rel: string): boolean {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return spawnSync('mkfifo', [file]).status === 0;
}

/** Makes a symbolic link below `dir` pointing at `target` (as given: absolute or relative to the link). */
export function symlinkIn(dir: string, rel: string, target: string): string {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.symlinkSync(target, file);
  return toPosix(file);
}

/** Removes every folder writeTree created in this test file; call from an `after` hook. */
export function removeTrees(): void {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** Indexes `dir` as a one-root workspace with the real core and the Node file-system adapter. */
export async function indexTree(dir: string, locale: Locale = 'en'): Promise<Specboard> {
  const board = createSpecboard({ workspace: new NodeWorkspace([toPosix(dir)]), locale });
  await board.indexAll();
  return board;
}

/** The core's path for a file below `dir`. */
export function pathIn(dir: string, rel: string): string {
  return `${toPosix(dir)}/${rel}`;
}

/** Diagnostics of one file (own and cross-file), optionally only those with `code`. */
export function diagnosticsOf(board: Specboard, dir: string, rel: string, code?: string): SpecDiagnostic[] {
  return board.diagnostics(pathIn(dir, rel)).filter((d) => code === undefined || d.code === code);
}

/** `line:column` of a diagnostic's start, 1-based like an editor shows it. */
export function startOf(d: SpecDiagnostic): string {
  return `${d.range.start.line + 1}:${d.range.start.character + 1}`;
}

/** The text a diagnostic's range covers (single-line ranges). */
export function textAt(dir: string, rel: string, d: SpecDiagnostic): string {
  const lines = fs.readFileSync(path.join(dir, rel), 'utf8').replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  return lines[d.range.start.line].slice(d.range.start.character, d.range.end.character);
}

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process with `cwd` as the current folder, collecting what it prints. */
export async function runCliIn(cwd: string, argv: readonly string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    cwd, env,
    write: (t) => { stdout += t; },
    error: (t) => { stderr += t; },
  });
  return { code, stdout, stderr };
}

/** 0-based index of the first line of a file below `dir` that contains `needle`. */
export function lineOf(dir: string, rel: string, needle: string): number {
  const lines = fs.readFileSync(path.join(dir, rel), 'utf8').split(/\r\n|\r|\n/);
  const i = lines.findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`'${needle}' not found in ${rel}`);
  return i;
}
