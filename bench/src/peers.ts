import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { shellQuote, timeCommand, type ScanTiming } from './scanTimes';

/**
 * What users would otherwise run on the same documents: markdownlint-cli2 (Markdown style, its
 * default rules) and remark-lint-frontmatter-schema (front matter checked against Specboard's own
 * JSON schemas, one per document type). Both read only the docs; `check` also reads the sources.
 */
export const PEERS = [
  { name: 'markdownlint-cli2', label: 'markdownlint-cli2, default rules, docs only' },
  { name: 'remark-lint-frontmatter-schema', label: 'remark + frontmatter-schema, Specboard schemas, docs only' },
] as const;

export type PeerName = (typeof PEERS)[number]['name'];

export interface PeerResult extends ScanTiming {
  readonly name: PeerName;
}

/**
 * Times each peer on `root`'s docs (wall median of `runs`, after the CLI and ripgrep have put the
 * files in the page cache, so without a warm-up). A peer that is missing or fails on the corpus
 * gets a note, not an error: the other columns still count.
 */
export function measurePeers(root: string, runs: number, notes: string[], log: (m: string) => void): PeerResult[] {
  const repo = path.resolve('.');
  const configs = fs.mkdtempSync(path.join(os.tmpdir(), 'specboard-peers-'));
  const out: PeerResult[] = [];
  try {
    for (const peer of PEERS) {
      const command = peerCommand(peer.name, repo, root, configs);
      if (typeof command !== 'string') {
        notes.push(`${peer.name} skipped on ${path.basename(root)}: ${command.skipped}.`);
        continue;
      }
      log(`${path.basename(root)}: ${peer.name} ×${runs}`);
      try {
        // Exit code 1 is "found problems", which is what a linter is for.
        out.push({ name: peer.name, ...timeCommand(command, runs, [0, 1], false) });
      } catch (e) {
        notes.push(`${peer.name} failed on ${path.basename(root)}, so it has no row there: ${String((e as Error).message).slice(0, 300)}`);
      }
    }
  } finally {
    fs.rmSync(configs, { recursive: true, force: true });
  }
  return out;
}

/** The shell command that runs `name` on the corpus docs, or why it cannot run. */
function peerCommand(name: PeerName, repo: string, root: string, configs: string): string | { skipped: string } {
  const bin = (b: string) => path.join(repo, 'node_modules', '.bin', b);
  const cd = `cd ${shellQuote([root])} && `;
  if (name === 'markdownlint-cli2') {
    if (!fs.existsSync(bin('markdownlint-cli2'))) return { skipped: 'markdownlint-cli2 is not installed (npm install)' };
    // An explicit, empty configuration: the default rules, whatever a parent folder holds.
    const config = path.join(configs, '.markdownlint-cli2.jsonc');
    fs.writeFileSync(config, '{}\n');
    return `${cd}${shellQuote([bin('markdownlint-cli2'), '--config', config, 'docs/**/*.md'])} > /dev/null 2>&1`;
  }
  const plugins = ['remark-frontmatter', 'remark-lint-frontmatter-schema'];
  for (const p of ['remark-cli', ...plugins]) if (!fs.existsSync(path.join(repo, 'node_modules', p, 'package.json'))) return { skipped: `${p} is not installed (npm install)` };
  // The plugin resolves schema paths against the working directory, so they are written relative
  // to the corpus root; each document type's files (`prd-12.md`) get that type's schema.
  const schemas: Record<string, string[]> = {};
  for (const file of fs.readdirSync(path.join(repo, 'schemas'))) {
    const type = /^(.+)\.schema\.json$/.exec(file)?.[1];
    if (!type || type === 'common' || type === 'specboard-config') continue;
    schemas[path.relative(root, path.join(repo, 'schemas', file))] = [`docs/**/${type}-*.md`];
  }
  const rc = path.join(configs, 'remarkrc.json');
  fs.writeFileSync(rc, JSON.stringify({ plugins: [entryFile(repo, plugins[0]), [entryFile(repo, plugins[1]), { schemas }]] }));
  const args = (target: string) => [bin('remark'), target, '--rc-path', rc, '--ignore-path', '/dev/null', '--no-stdout', '--quiet', '--no-color'];
  // remark exits 1 both for findings and for a plugin it cannot load: one file first, so a broken
  // setup is a note rather than the time it takes to fail on every file.
  const probe = spawnSync(args('docs')[0], args(firstMarkdown(path.join(root, 'docs'))).slice(1), { cwd: root, encoding: 'utf8' });
  if (/Cannot (?:process|parse|import)/.test(probe.stderr)) return { skipped: `remark could not run with its plugins (${probe.stderr.split('\n').find((l) => /Cannot/.test(l))?.trim()})` };
  return `${cd}${shellQuote(args('docs'))} > /dev/null 2>&1`;
}

/**
 * A package's entry file: unified-engine imports plugins as ES modules, which cannot import a
 * folder, so the path must name the file its `exports` (or `main`) points at.
 */
function entryFile(repo: string, name: string): string {
  const folder = path.join(repo, 'node_modules', name);
  const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8')) as { exports?: unknown; main?: string };
  const exported = typeof manifest.exports === 'string' ? manifest.exports : (manifest.exports as Record<string, unknown> | undefined)?.['.'];
  return path.join(folder, typeof exported === 'string' ? exported : manifest.main ?? 'index.js');
}

/** The first Markdown file below `folder`, for the probe run. */
function firstMarkdown(folder: string): string {
  for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(folder, entry.name);
    if (entry.isFile() && entry.name.endsWith('.md')) return p;
    if (entry.isDirectory()) return firstMarkdown(p);
  }
  return folder;
}
