/*
 * Spotting schema patterns that backtrack catastrophically. JavaScript's regex engine backtracks,
 * so `^(a+)+$` takes minutes on a 32-character title ending in `!`, and nothing can interrupt a
 * running match: the only defence is not to run such a pattern.
 *
 * Why not safe-regex2: it flags every repeat inside a repeat, including Specboard's own ID pattern
 * `^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$` and `(\.\d+)?`, which are linear; and its tokenizer (ret) reads
 * `\p{L}` as the letters `p{L}` and rejects lookbehind. Teams copy the built-in patterns, so a false
 * alarm there would be worse than none. This check is deliberately narrow:
 * - a loop (a repeat of more than once) containing another loop is risky unless every iteration
 *   must contain a literal character none of the inner loops can match (`(-[A-Z0-9]+)*` is safe:
 *   each `-` starts a new iteration, so the split is unique);
 * - a loop over alternatives of single characters that overlap (`(.|\s)*`, `(\w|\d)+`) is risky.
 * Not caught: polynomial patterns such as `\s*\s*$` (front-matter values are short) and overlapping
 * multi-character alternatives such as `(a|ab)*c`.
 */

type Node =
  | { readonly kind: 'char'; readonly source: string; readonly literal?: string }
  | { readonly kind: 'empty' }
  | { readonly kind: 'group'; readonly alternatives: readonly Node[][]; readonly lookaround: boolean }
  | { readonly kind: 'repeat'; readonly min: number; readonly max: number; readonly body: Node };

/** Groups nested deeper than this are not analysed but reported: no sane pattern needs them. */
const MAX_GROUP_DEPTH = 50;
/** Characters tried when asking whether two character classes overlap. */
const PROBES = [...Array.from({ length: 128 }, (_, i) => String.fromCharCode(i)), '\u00a0', '\u00e9', '\u2028', '\u3000', '中', '，'];

/**
 * True when `pattern` (a valid `u`-flag regular expression) can take exponential time on a short
 * text, or is too deeply nested to tell.
 */
export function backtracksCatastrophically(pattern: string): boolean {
  classes.clear();
  const tree = new Parser(pattern).parse();
  return tree === undefined || risky(tree);
}

function risky(node: Node): boolean {
  if (node.kind === 'group') return node.alternatives.some((seq) => seq.some(risky));
  if (node.kind !== 'repeat') return false;
  if (node.max > 1) {
    const inner = loopsIn(node.body);
    if (inner.length > 0 && !delimited(node.body, inner)) return true;
    if (overlappingAlternatives(node.body)) return true;
  }
  return risky(node.body);
}

/** The repeats of more than once inside `node`. */
function loopsIn(node: Node): Node[] {
  if (node.kind === 'group') return node.alternatives.flatMap((seq) => seq.flatMap(loopsIn));
  if (node.kind !== 'repeat') return [];
  return node.max > 1 ? [node, ...loopsIn(node.body)] : loopsIn(node.body);
}

/** Whether every alternative of a loop's body holds a mandatory literal that no inner loop can match. */
function delimited(body: Node, inner: readonly Node[]): boolean {
  const innerChars = inner.flatMap(charsIn);
  const sequences = body.kind === 'group' ? body.alternatives : [[body]];
  return sequences.every((seq) => mandatoryLiterals(seq).some((c) => !innerChars.some((n) => matches(n, c))));
}

function mandatoryLiterals(seq: readonly Node[]): string[] {
  return seq.flatMap((n) => {
    if (n.kind === 'char') return n.literal === undefined ? [] : [n.literal];
    if (n.kind === 'group' && !n.lookaround && n.alternatives.length === 1) return mandatoryLiterals(n.alternatives[0]);
    return [];
  });
}

function charsIn(node: Node): Extract<Node, { kind: 'char' }>[] {
  if (node.kind === 'char') return [node];
  if (node.kind === 'group') return node.alternatives.flatMap((seq) => seq.flatMap(charsIn));
  return node.kind === 'repeat' ? charsIn(node.body) : [];
}

function overlappingAlternatives(body: Node): boolean {
  if (body.kind !== 'group' || body.alternatives.length < 2) return false;
  const singles = body.alternatives.flatMap((seq) => (seq.length === 1 && seq[0].kind === 'char' ? [seq[0]] : []));
  const literals = new Set<string>();
  for (const n of singles) {
    if (n.literal === undefined) continue;
    if (literals.has(n.literal)) return true;
    literals.add(n.literal);
  }
  const sets = singles.filter((n) => n.literal === undefined);
  for (const c of new Set([...PROBES, ...literals])) {
    const hits = sets.filter((n) => matches(n, c)).length + (literals.has(c) ? 1 : 0);
    if (hits > 1) return true;
  }
  return false;
}

const classes = new Map<string, RegExp>();

function matches(node: Extract<Node, { kind: 'char' }>, c: string): boolean {
  if (node.literal !== undefined) return node.literal === c;
  let re = classes.get(node.source);
  if (!re) classes.set(node.source, (re = new RegExp(`^(?:${node.source})$`, 'u')));
  return re.test(c);
}

// Sticky, so each matches at the parser's position without copying the rest of the pattern.
const GROUP_OPEN = /\((?:\?(?::|=|!|<=|<!|<[^>]*>))?/y;
const ESCAPE = /\\(?:[pP]\{[^}]*\}|u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[a-zA-Z]|k<[^>]*>|[1-9]\d*|.)/suy;
const QUANTIFIER = /(?:([*+?])|\{(\d+)(,(\d*))?\})\??/y;

/** A parser for the parts of regex syntax that matter here; its input has already compiled with the `u` flag. */
class Parser {
  private i = 0;
  private depth = 0;
  constructor(private readonly src: string) {}

  parse(): Node | undefined {
    return this.alternatives(false);
  }

  private alternatives(lookaround: boolean): Node | undefined {
    if (++this.depth > MAX_GROUP_DEPTH) return undefined;
    const alternatives: Node[][] = [[]];
    while (this.i < this.src.length && this.src[this.i] !== ')') {
      if (this.src[this.i] === '|') {
        this.i++;
        alternatives.push([]);
        continue;
      }
      const atom = this.atom();
      if (!atom) return undefined;
      alternatives[alternatives.length - 1].push(this.quantified(atom));
    }
    this.depth--;
    return { kind: 'group', alternatives, lookaround };
  }

  private atom(): Node | undefined {
    const c = this.src[this.i];
    if (c === '(') {
      const prefix = this.match(GROUP_OPEN)![0];
      const group = this.alternatives(prefix === '(?=' || prefix === '(?!' || prefix === '(?<=' || prefix === '(?<!');
      this.i++; // ')'
      return group;
    }
    if (c === '[') return this.charClass();
    if (c === '\\') return this.escape();
    if (c === '^' || c === '$') {
      this.i++;
      return { kind: 'empty' };
    }
    const literal = String.fromCodePoint(this.src.codePointAt(this.i)!);
    this.i += literal.length;
    return c === '.' ? { kind: 'char', source: '.' } : { kind: 'char', source: escapeLiteral(literal), literal };
  }

  private charClass(): Node {
    const start = this.i++;
    while (this.src[this.i] !== ']') this.i += this.src[this.i] === '\\' ? 2 : 1;
    this.i++;
    return { kind: 'char', source: this.src.slice(start, this.i) };
  }

  private escape(): Node {
    const token = this.match(ESCAPE)![0].slice(1);
    if (token === 'b' || token === 'B') return { kind: 'empty' };
    // A back-reference repeats whatever its group matched: treat it as matching anything.
    if (/^(?:k<|[1-9])/.test(token)) return { kind: 'char', source: '[^]' };
    if (/^(?:[dDwWsSpP])/.test(token)) return { kind: 'char', source: `\\${token}` };
    return { kind: 'char', source: `\\${token}`, literal: literalOf(token) };
  }

  /** Matches a sticky regex at the current position and moves past what it matched. */
  private match(re: RegExp): RegExpExecArray | null {
    re.lastIndex = this.i;
    const m = re.exec(this.src);
    if (m) this.i += m[0].length;
    return m;
  }

  private quantified(atom: Node): Node {
    const m = this.match(QUANTIFIER);
    if (!m) return atom;
    const [min, max] = m[1] === '*' ? [0, Infinity] : m[1] === '+' ? [1, Infinity] : m[1] === '?' ? [0, 1]
      : [Number(m[2]), m[3] === undefined ? Number(m[2]) : m[4] === '' ? Infinity : Number(m[4])];
    return { kind: 'repeat', min, max, body: atom };
  }
}

/** The character an escape such as `\.`, `\n`, `\x41` or `\u{4E2D}` stands for. */
function literalOf(token: string): string | undefined {
  const simple: Record<string, string> = { t: '\t', n: '\n', r: '\r', v: '\v', f: '\f', '0': '\0' };
  if (token in simple) return simple[token];
  const hex = /^(?:u\{([0-9a-fA-F]+)\}|u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2}))$/.exec(token);
  if (hex) return String.fromCodePoint(parseInt(hex[1] ?? hex[2] ?? hex[3], 16));
  if (token[0] === 'c') return String.fromCharCode(token.charCodeAt(1) % 32);
  return token.length === 1 ? token : undefined;
}

function escapeLiteral(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c;
}
