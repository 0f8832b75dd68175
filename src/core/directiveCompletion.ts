import { DIRECTIVE_KINDS, type DirectiveKind } from './directives';

/** What can be completed at a place inside a `<!-- specboard-... -->` comment. */
export interface DirectiveCompletion {
  /** `kind`: the directive's name (`specboard-disable-next-line`); `rule`: a rule it names. */
  readonly what: 'kind' | 'rule';
  /** The word being completed: from `start` to `end` on the line. */
  readonly start: number;
  readonly end: number;
  /** The directive being written, for `rule`. */
  readonly kind?: DirectiveKind;
  /** Rules the comment names already (lower-cased), so they are not offered twice. */
  readonly named: readonly string[];
}

const TAKES_RULES = new Set<string>(['disable', 'enable', 'disable-line', 'disable-next-line', 'disable-file']);
const KIND_WORD = /^(\s*)([\w-]*)$/;
const RULES_PART = /^\s*specboard-([a-z-]+)(\s[^]*)$/i;

/**
 * Where the cursor at `character` of `line` stands in a suppression comment, or undefined when it
 * is not inside one (after its `-->`, or in no comment at all). Works on the line's text alone, so
 * it also answers while the comment is half typed.
 */
export function directiveCompletionAt(line: string, character: number): DirectiveCompletion | undefined {
  const before = line.slice(0, character);
  const open = before.lastIndexOf('<!--');
  if (open < 0 || before.includes('-->', open + 4)) return undefined;
  const inside = before.slice(open + 4);
  const end = character + (/^[\w-]*/.exec(line.slice(character))?.[0].length ?? 0);
  const word = KIND_WORD.exec(inside);
  if (word) {
    const typed = word[2].toLowerCase();
    if (!'specboard-'.startsWith(typed) && !typed.startsWith('specboard-')) return undefined;
    return { what: 'kind', start: character - word[2].length, end, named: [] };
  }
  const rules = RULES_PART.exec(inside);
  const kind = rules?.[1].toLowerCase();
  if (!rules || !kind || !TAKES_RULES.has(kind) || !(DIRECTIVE_KINDS as readonly string[]).includes(kind)) return undefined;
  const current = lastWord(rules[2]);
  const rest = line.slice(character, line.indexOf('-->', character) < 0 ? line.length : line.indexOf('-->', character));
  const named = `${rules[2].slice(0, rules[2].length - current.length)} ${rest.slice(end - character)}`.split(/[\s,]+/).filter(Boolean).map((r) => r.toLowerCase());
  return { what: 'rule', start: character - current.length, end, kind: kind as DirectiveKind, named };
}

/** The run of characters other than spaces and commas at the end of `text` (scanned backwards). */
function lastWord(text: string): string {
  let i = text.length;
  while (i > 0 && !/[\s,]/.test(text[i - 1])) i--;
  return text.slice(i);
}
