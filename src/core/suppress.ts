import type { Directive, DirectiveRule } from './directives';
import { message } from './messages';
import { SUPPRESSIBLE_CODES } from './rules';
import { range } from './text';
import type { Locale, Range, SpecDiagnostic } from './types';

const SUPPRESSIBLE: ReadonlySet<string> = new Set(SUPPRESSIBLE_CODES);

/** Which directive (and which of its rules, -1 for "all") turned a rule off. */
interface Use {
  readonly directive: number;
  readonly rule: number;
}

type State = Map<string, Use>;

/**
 * Drops the diagnostics a file's suppression comments cover, and adds an `unused-suppression`
 * warning for each comment (or rule named in one) that covered none. The most specific directive
 * gets the credit: a `disable-next-line` before a `disable` block, a block before `disable-file`,
 * so a comment made redundant by a narrower one is reported. Follows markdownlint: a `disable` or
 * `enable` applies from its own line on (all comments of one line count together), `capture`
 * saves the state and `restore` brings it back (the initial state is captured by default).
 */
export function applySuppressions(path: string, diagnostics: readonly SpecDiagnostic[], directives: readonly Directive[], locale: Locale): SpecDiagnostic[] {
  const used = new Set<string>();
  const mark = (u: Use) => used.add(`${u.directive}:${u.rule}`);
  const onLine = new Map<number, [string, Use][]>();
  const file: State = new Map();
  directives.forEach((d, i) => {
    if (d.kind === 'disable-line' || d.kind === 'disable-next-line') {
      const line = d.kind === 'disable-line' ? d.line : d.line + 1;
      const list = onLine.get(line) ?? [];
      list.push(...disabled(d, i));
      onLine.set(line, list);
    } else if (d.kind === 'disable-file') {
      for (const [rule, u] of disabled(d, i)) file.set(rule, u);
    }
  });
  const order = diagnostics.map((_, i) => i).sort((a, b) => diagnostics[a].range.start.line - diagnostics[b].range.start.line);
  let state: State = new Map();
  let saved: State = new Map();
  let next = 0;
  const kept = new Set<number>(order);
  for (const i of order) {
    const d = diagnostics[i];
    const line = d.range.start.line;
    for (; next < directives.length && directives[next].line <= line; next++) {
      const dir = directives[next];
      switch (dir.kind) {
        case 'disable':
          for (const [rule, u] of disabled(dir, next)) state.set(rule, u);
          break;
        case 'enable':
          if (dir.rules.length === 0) state.clear();
          else for (const r of dir.rules) state.delete(r.rule);
          break;
        case 'capture':
          saved = new Map(state);
          break;
        case 'restore':
          state = new Map(saved);
          break;
        default:
          break;
      }
    }
    if (!SUPPRESSIBLE.has(d.code)) continue;
    const use = onLine.get(line)?.find(([rule]) => rule === d.code)?.[1] ?? state.get(d.code) ?? file.get(d.code);
    if (!use) continue;
    mark(use);
    kept.delete(i);
  }
  const out = diagnostics.filter((_, i) => kept.has(i));
  directives.forEach((d, i) => out.push(...unusedOf(path, d, i, used, locale)));
  return out;
}

/** The rules a disabling directive turns off (those it names that can be suppressed, or all), each with its use. */
function disabled(d: Directive, directive: number): [string, Use][] {
  if (d.rules.length === 0) return SUPPRESSIBLE_CODES.map((code) => [code, { directive, rule: -1 }]);
  return d.rules.flatMap((r, rule): [string, Use][] => (SUPPRESSIBLE.has(r.rule) ? [[r.rule, { directive, rule }]] : []));
}

/** The unused-suppression warnings of one directive, each with the edit that removes what is unused. */
function unusedOf(path: string, d: Directive, index: number, used: ReadonlySet<string>, locale: Locale): SpecDiagnostic[] {
  if (d.kind === 'enable' || d.kind === 'capture' || d.kind === 'restore') return [];
  const rules = SUPPRESSIBLE_CODES.join(', ');
  const kind = d.kind;
  const whole = (text: string): SpecDiagnostic => ({
    path, range: range(d.line, d.start, d.line, d.end), severity: 'warning', code: 'unused-suppression', message: text,
    data: { fix: removeDirective(d) },
  });
  if (d.rules.length === 0) return used.has(`${index}:-1`) ? [] : [whole(message(locale, 'suppress.unused', { kind }))];
  const unused = d.rules.map((r, i) => ({ r, i })).filter(({ i }) => !used.has(`${index}:${i}`));
  if (unused.length === 0) return [];
  // Removing every rule would leave a comment that disables all: the whole comment goes instead.
  if (unused.length === d.rules.length) {
    const unknown = d.rules.find((r) => !SUPPRESSIBLE.has(r.rule));
    return [whole(unknown ? message(locale, 'suppress.unusedUnknown', { kind, rule: unknown.rule, rules }) : message(locale, 'suppress.unused', { kind }))];
  }
  return unused.map(({ r }) => ({
    path, range: range(d.line, r.start, d.line, r.end), severity: 'warning' as const, code: 'unused-suppression' as const,
    message: SUPPRESSIBLE.has(r.rule) ? message(locale, 'suppress.unusedRule', { kind, rule: r.rule }) : message(locale, 'suppress.unknownRule', { rule: r.rule, rules }),
    data: { fix: removeRule(d, r) },
  }));
}

/**
 * Removes a whole comment; when it stood alone on its line, the line goes too (on the last line,
 * an edit past the end is clamped to it, by VS Code and by applyEdits alike).
 */
function removeDirective(d: Directive): { range: Range; newText: string } {
  return d.alone ? { range: range(d.line, 0, d.line + 1, 0), newText: '' } : { range: range(d.line, d.start, d.line, d.end), newText: '' };
}

/** Removes one rule name and the space or comma before it. */
function removeRule(d: Directive, r: DirectiveRule): { range: Range; newText: string } {
  const before = d.rules[d.rules.indexOf(r) - 1];
  // The separator before the rule goes with it; the first rule takes the separator after it.
  if (before) return { range: range(d.line, before.end, d.line, r.end), newText: '' };
  const after = d.rules[1];
  return { range: range(d.line, r.start, d.line, after ? after.start : r.end), newText: '' };
}
