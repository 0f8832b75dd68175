import { EN_NOUNS, EN_VERBS, NOISE } from './corpusWords';
import type { Random } from './random';

export interface Language {
  readonly ext: string;
  readonly weight: number;
  readonly comment: string;
}

/** Languages of a typical product monorepo, weighted roughly by how much of it they make up. */
export const LANGUAGES: readonly Language[] = [
  { ext: 'ts', weight: 30, comment: '//' }, { ext: 'tsx', weight: 8, comment: '//' }, { ext: 'py', weight: 18, comment: '#' },
  { ext: 'go', weight: 14, comment: '//' }, { ext: 'java', weight: 14, comment: '//' }, { ext: 'kt', weight: 5, comment: '//' },
  { ext: 'rs', weight: 6, comment: '//' }, { ext: 'c', weight: 5, comment: '//' },
];
const TOTAL_WEIGHT = LANGUAGES.reduce((n, l) => n + l.weight, 0);

export function pickLanguage(rng: Random): Language {
  let r = rng.next() * TOTAL_WEIGHT;
  for (const l of LANGUAGES) if ((r -= l.weight) < 0) return l;
  return LANGUAGES[0];
}

/**
 * A plausible source file: functions whose comments, test names and log strings reference
 * requirement IDs (`refs`), plus ID-shaped noise (`UTF-8`, `SHA-256`) that must never count.
 */
export function sourceText(lang: Language, refs: readonly string[], rng: Random): string {
  const out: string[] = [header(lang, rng)];
  const functions = rng.int(3, 9);
  let ref = 0;
  for (let f = 0; f < functions; f++) {
    const name = identifier(rng);
    const id = ref < refs.length && (f === 0 || rng.chance(0.5)) ? refs[ref++] : undefined;
    out.push(...fn(lang, name, id, rng));
  }
  while (ref < refs.length) out.push(`${lang.comment} See also ${refs[ref++]}.`);
  return `${out.join('\n')}\n`;
}

function header(lang: Language, rng: Random): string {
  const c = lang.comment;
  switch (lang.ext) {
    case 'py': return `"""${rng.pick(EN_VERBS)} ${rng.pick(EN_NOUNS)}."""\nimport logging\nimport json\n\nlog = logging.getLogger(__name__)\n`;
    case 'go': return `package ${identifier(rng).toLowerCase()}\n\nimport (\n\t"context"\n\t"fmt"\n)\n`;
    case 'java': return `package com.example.${identifier(rng).toLowerCase()};\n\nimport java.util.List;\nimport java.nio.charset.StandardCharsets;\n\npublic class ${capital(identifier(rng))} {`;
    case 'kt': return `package com.example.${identifier(rng).toLowerCase()}\n\nimport kotlinx.coroutines.flow.Flow\n`;
    case 'rs': return `use std::collections::HashMap;\nuse serde::{Deserialize, Serialize};\n`;
    case 'c': return `#include <stdio.h>\n#include <string.h>\n${c} Encoding: ${rng.pick(NOISE)}\n`;
    default: return `import { ${identifier(rng)} } from './${identifier(rng)}';\nimport type { Context } from '../context';\n`;
  }
}

function fn(lang: Language, name: string, id: string | undefined, rng: Random): string[] {
  const c = lang.comment;
  const doc = id ? `${c} Implements ${id}: ${rng.pick(EN_VERBS).toLowerCase()} ${rng.pick(EN_NOUNS)}.` : `${c} ${rng.pick(EN_VERBS)} ${rng.pick(EN_NOUNS)}.`;
  const noise = rng.chance(0.3) ? rng.pick(NOISE) : 'json';
  const msg = id && rng.chance(0.3) ? `${id} ${name} failed` : `${name} failed`;
  const body = Array.from({ length: rng.int(4, 14) }, (_, i) => `value${i} := compute(${i}, "${name}")`);
  switch (lang.ext) {
    case 'py': return [
      '', '', doc.replace(/^#/, '#'), `def ${snake(name)}(ctx, items):`, `    """Encoding ${noise}."""`,
      ...body.map((b) => `    ${b.replace(':=', '=')}`), `    if not items:`, `        raise ValueError("${msg}")`, '    return items',
      ...(id && rng.chance(0.4) ? ['', '', `def test_${snake(name)}():`, `    """${id}: ${name} keeps order."""`, `    assert ${snake(name)}(None, [1]) == [1]`] : []),
    ];
    case 'go': return [
      '', doc, `func ${capital(name)}(ctx context.Context, items []string) ([]string, error) {`,
      ...body.map((b) => `\t${b}`), '\tif len(items) == 0 {', `\t\treturn nil, fmt.Errorf("${msg} (%s)", "${noise}")`, '\t}', '\treturn items, nil', '}',
    ];
    case 'rs': return [
      '', doc.replace('//', '///'), `pub fn ${snake(name)}(items: &[String]) -> Result<Vec<String>, String> {`,
      ...body.map((b) => `    let ${b.replace(':=', '=')};`), '    if items.is_empty() {', `        return Err("${msg}".into());`, '    }', '    Ok(items.to_vec())', '}',
    ];
    case 'c': return [
      '', doc, `int ${snake(name)}(const char **items, size_t n) {`, ...body.map((b) => `    int ${b.replace(':=', '=').replace(/"[^"]*"/, '0')};`),
      `    if (n == 0) { fprintf(stderr, "${msg}\\n"); return -1; }`, '    return 0;', '}',
    ];
    case 'java': case 'kt': return [
      '', `    ${doc}`, `    ${lang.ext === 'kt' ? 'fun' : 'public List<String>'} ${name}(${lang.ext === 'kt' ? 'items: List<String>): List<String>' : 'List<String> items)'} {`,
      ...body.map((b) => `        ${lang.ext === 'kt' ? 'val' : 'var'} ${b.replace(':=', '=')}${lang.ext === 'kt' ? '' : ';'}`),
      `        if (items.isEmpty()) throw new IllegalStateException("${msg}, charset ${noise}")${lang.ext === 'kt' ? '' : ';'}`, `        return items${lang.ext === 'kt' ? '' : ';'}`, '    }',
      ...(lang.ext === 'java' && rng.chance(0.1) ? ['}'] : []),
    ];
    default: return [
      '', doc, `export function ${name}(ctx: Context, items: string[]): string[] {`,
      ...body.map((b) => `  const ${b.replace(':=', '=')};`), `  if (items.length === 0) throw new Error('${msg}');`, `  ctx.log('encoding', '${noise}');`, '  return items;', '}',
      ...(id && rng.chance(0.4) ? ['', `it('${id}: ${name} keeps the order', () => {`, `  expect(${name}(ctx, ['a'])).toEqual(['a']);`, '});'] : []),
    ];
  }
}

function identifier(rng: Random): string {
  const noun = rng.pick(EN_NOUNS).split(/[\s-]+/).map(capital).join('');
  return `${rng.pick(EN_VERBS).toLowerCase()}${noun}${rng.int(1, 99)}`;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function snake(s: string): string {
  return s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
