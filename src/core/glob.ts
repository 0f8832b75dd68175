/**
 * Glob patterns of `.specboard/config.json` (`include`, `exclude`, `sources`, `types`), matched
 * against workspace-relative posix paths by picomatch. `picomatch/posix` is the entry that needs
 * neither Node's `path` nor `process`, so the core stays usable in a browser.
 *
 * On top of picomatch's syntax, a pattern keeps the meaning it had with Specboard's earlier matcher:
 * - a pattern without '/' matches a name at any depth, like .gitignore (`*.md`, `drafts`);
 * - a pattern naming a folder covers everything in it (`docs/old`, `docs/old/`, `archive`);
 * - a leading './' or '/' (the folder's root) and surrounding spaces are ignored;
 * - dot folders are not special (`**` reaches `.kiro/specs/`, as spec folders live there).
 */
import picomatch from 'picomatch/posix';
import { trimEndChars } from './trimChars';

/** Why a pattern cannot be used; the config reports it and the other patterns still apply. */
export type GlobProblem =
  | { readonly kind: 'notString' }
  | { readonly kind: 'empty' }
  | { readonly kind: 'unclosed' | 'unopened'; readonly char: string }
  | { readonly kind: 'invalid'; readonly detail: string }
  | { readonly kind: 'tooManyStars'; readonly limit: number };

export type CompiledGlob =
  | { readonly ok: true; readonly match: (relPath: string) => boolean }
  | { readonly ok: false; readonly problem: GlobProblem };

const OPTIONS: picomatch.PicomatchOptions = {
  dot: true,
  // `[!a]` negates a class only in posix mode; elsewhere picomatch reads it as `\[!a\]` or `[!a]`.
  posix: true,
  // A leading '!' would otherwise invert an include list silently; it stays a literal character.
  nonegate: true,
  // Without it an unclosed `{`, `[` or `(` quietly becomes a literal and the pattern matches nothing.
  strictBrackets: true,
  // `+` stays a literal character (`c++`) instead of a regex quantifier after `]` or `}`.
  regex: false,
  // Without it an unusable regular expression becomes one that never matches, without a word.
  debug: true,
};

const cache = new Map<string, CompiledGlob>();
/** Patterns come from config files, so a long-running editor sees only a handful; the cap is a backstop. */
const MAX_CACHED = 1000;

/** Compiles one pattern, or says why it cannot be used. Never throws. */
export function compileGlob(pattern: unknown): CompiledGlob {
  if (typeof pattern !== 'string') return { ok: false, problem: { kind: 'notString' } };
  const cached = cache.get(pattern);
  if (cached) return cached;
  const result = compile(pattern);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(pattern, result);
  return result;
}

/**
 * One predicate for a list of patterns. Patterns that do not compile match nothing here: the
 * config reader reports them as config errors (see configGlobs.ts), so they are never silent.
 */
export function globMatcher(globs: readonly string[]): (relPath: string) => boolean {
  const matchers: ((relPath: string) => boolean)[] = [];
  for (const glob of globs) {
    const compiled = compileGlob(glob);
    if (compiled.ok) matchers.push(compiled.match);
  }
  return (relPath) => matchers.some((m) => m(relPath));
}

function compile(raw: string): CompiledGlob {
  let pattern = raw.trim().replace(/^\.\//, '');
  // A leading '/' anchors the pattern at the folder's root, as in .gitignore.
  const anchored = pattern.startsWith('/');
  pattern = pattern.replace(/^\/+/, '');
  if (!trimEndChars(pattern, '/')) return { ok: false, problem: { kind: 'empty' } };
  if (!anchored && !pattern.includes('/')) pattern = `**/${pattern}`;
  pattern = trimEndChars(pattern, '/');
  // picomatch 4.0.7 drops the escaping of the text after three or more stars in a row
  // (`**/***a.md` matches `x/aXmd`); two stars mean the same there and are escaped correctly.
  pattern = escapeOuterPipes(pattern.replace(/\*{3,}/g, '**'));
  if (pattern.split('/').some((segment) => starRuns(segment) > MAX_STAR_RUNS)) return { ok: false, problem: { kind: 'tooManyStars', limit: MAX_STAR_RUNS } };
  try {
    const isMatch = picomatch(pattern.endsWith('/**') ? pattern : [pattern, `${pattern}/**`], OPTIONS);
    return { ok: true, match: (relPath) => isMatch(relPath) };
  } catch (e) {
    return { ok: false, problem: problemOf(e) };
  }
}

/**
 * picomatch turns each `*` into a pattern that backtracks against the others in the same name:
 * matching a 60-character path took 0.03 ms with three in a name (`*a*a*`), 1 ms with four,
 * 13 ms with five and 130 ms with six, growing tenfold with each. A name may have four.
 */
const MAX_STAR_RUNS = 4;

function starRuns(segment: string): number {
  let runs = 0;
  for (let i = 0; i < segment.length; i++) if (segment[i] === '*' && segment[i - 1] !== '*') runs++;
  return runs;
}

/**
 * picomatch passes a '|' outside parentheses into its regular expression as is, so `docs/a|*`
 * would match every file at the top; there it is a literal character, as it always was here.
 * Inside `@(a|b)` and the like it still separates alternatives.
 */
function escapeOuterPipes(pattern: string): string {
  if (!pattern.includes('|')) return pattern;
  let out = '';
  let parens = 0;
  let inBracket = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') { out += c + (pattern[++i] ?? ''); continue; }
    if (inBracket) inBracket = c !== ']';
    else if (c === '[') inBracket = true;
    else if (c === '(') parens++;
    else if (c === ')') parens = Math.max(0, parens - 1);
    out += c === '|' && !inBracket && parens === 0 ? '\\|' : c;
  }
  return out;
}

function problemOf(error: unknown): GlobProblem {
  const detail = error instanceof Error ? error.message : String(error);
  // picomatch words these as `Missing closing: "}" - use "\\}" to match literal characters`.
  const missing = /^Missing (closing|opening): "(.)"/.exec(detail);
  if (!missing) return { kind: 'invalid', detail };
  // picomatch names the bracket that is missing; the user has to look for its partner.
  const char = PARTNER[missing[2]] ?? missing[2];
  return { kind: missing[1] === 'closing' ? 'unclosed' : 'unopened', char };
}

const PARTNER: Readonly<Record<string, string>> = { '{': '}', '}': '{', '[': ']', ']': '[', '(': ')', ')': '(' };
