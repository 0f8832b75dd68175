import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkSync } from 'recheck';
import * as ts from 'typescript';

// Bundled to out/test/unit/: the repository is three folders up.
const ROOT = join(__dirname, '..', '..', '..');

/**
 * Patterns recheck calls super-linear that run only on input whose length is bounded where they
 * are used. Each entry says where the bound comes from; an entry that no longer matches a pattern
 * in the sources fails the test, so the list cannot go stale.
 */
const BOUNDED: Readonly<Record<string, string>> = {
  '/^(\\*\\*|__)?([^:：*]{1,40}?)[ \\t]*(?:[:：][ \\t]*\\1|\\1[ \\t]*[:：])/': 'keyValue.ts runs it on the first 120 characters of a line',
  '/(?<![A-Za-z0-9_-])([A-Z][A-Z0-9]*(?:-[A-Z0-9]*)*)(-?[\\p{Script=Han}\\w]*)$/u': 'idCompletion.ts runs it on the last 160 characters before the cursor',
  '/^\\s*[-*+]\\s+([^:：]*)$/': 'structureCompletion.ts returns before matching a line longer than 400 characters',
  '/^\\s*[-*+]\\s+([^:：]{1,40}?)\\s*[:：]\\s*([^,]*)$/': 'structureCompletion.ts returns before matching a line longer than 400 characters',
  '/([^/]+)\\.schema\\.json$/': 'schemaSet.ts matches schema file names, at most 255 characters',
  '/(?:^|\\/)(?:(?:plan|tasks|design|research|data-model|quickstart|changelog|history)\\.md|[^/]*(?:coverage|traceability|trace-matrix|matrix|追溯|跟踪)[^/]*|(?:checklists?|contracts)\\/[^/]+)$/i':
    'requirementContext.ts matches workspace paths, whose names are at most 255 characters',
};

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (path.endsWith('.ts')) out.push(path);
  }
  return out;
}

/** Every regular-expression literal in src/, with where it is. */
function regexLiterals(): { literal: string; where: string }[] {
  const found: { literal: string; where: string }[] = [];
  for (const file of sourceFiles(join(ROOT, 'src'))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        found.push({ literal: node.getText(), where: `${relative(ROOT, file)}:${line + 1}` });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

describe('regular expressions in the sources', () => {
  it('run in linear time (recheck), or only on input of bounded length', function () {
    this.timeout(120_000);
    const literals = regexLiterals();
    const unsafe: string[] = [];
    const used = new Set<string>();
    for (const { literal, where } of literals) {
      const slash = literal.lastIndexOf('/');
      const result = checkSync(literal.slice(1, slash), literal.slice(slash + 1), { timeout: 10_000 });
      if (result.status === 'safe') continue;
      if (literal in BOUNDED) { used.add(literal); continue; }
      const complexity = result.status === 'vulnerable' ? result.complexity.type : result.status;
      unsafe.push(`${where} ${literal} (${complexity})`);
    }
    console.log(`      ${literals.length} regular expressions: ${literals.length - unsafe.length - used.size} linear, ${used.size} on bounded input`);
    assert.deepEqual(unsafe, [], 'super-linear patterns: rewrite them, or bound their input and list them in BOUNDED');
    assert.deepEqual(Object.keys(BOUNDED).filter((k) => !used.has(k)), [], 'BOUNDED entries that no longer match a super-linear pattern');
  });
});
