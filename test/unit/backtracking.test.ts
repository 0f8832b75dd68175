import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { backtracksCatastrophically } from '../../src/core/backtracking';

/** Every `pattern` value and `patternProperties` key in the shipped schemas. */
function builtinPatterns(): string[] {
  const out: string[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        if (k === 'pattern' && typeof child === 'string') out.push(child);
        if (k === 'patternProperties' && child && typeof child === 'object') out.push(...Object.keys(child));
        visit(child);
      }
    }
  };
  for (const f of fs.readdirSync('schemas')) visit(JSON.parse(fs.readFileSync(`schemas/${f}`, 'utf8')));
  return out;
}

describe('catastrophic backtracking in schema patterns', () => {
  it('accepts every pattern of the built-in schemas, which teams copy', () => {
    const patterns = builtinPatterns();
    assert.ok(patterns.length >= 3, `found ${patterns.length}`);
    assert.deepEqual(patterns.filter(backtracksCatastrophically), []);
  });

  it('accepts a repeat inside a repeat when a literal no inner repeat can match splits the iterations', () => {
    for (const p of ['^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$', '^(\\d+\\.)*\\d+$', '(\\d{1,3}\\.){3}\\d{1,3}', '^(\\s*,\\s*[a-z]+)*$', '^(?:[a-z0-9]+(?:_[a-z0-9]+)*)$']) {
      assert.equal(backtracksCatastrophically(p), false, p);
    }
  });

  it('accepts optional groups, alternations of distinct characters, Unicode classes, named groups and lookbehind', () => {
    for (const p of ['^(\\.\\d+)?$', '(a|b)*', '(\\w|-)+', '^[\\p{Script=Han}a-z]+$', '^\\p{Script_Extensions=Han}+(-\\p{Script_Extensions=Han}+)*$', '(?<y>\\d{4})-\\k<y>', '(?<=a)b+', '^(P0|P1|P2|P3)$']) {
      assert.equal(backtracksCatastrophically(p), false, p);
    }
  });

  it('flags nested repeats with nothing between iterations, overlapping single-character alternatives and over-deep groups', () => {
    for (const p of ['^(a+)+$', '(x+x+)+y', '^([a-z]+\\s?)*$', '(.*a){20}', '(-[a-z-]+)*$', '(a\\p{L}+)*', '(.|\\s)*', '(\\w|\\d)+$', '(a|a)*b', `${'('.repeat(60)}a${')'.repeat(60)}`]) {
      assert.equal(backtracksCatastrophically(p), true, p);
    }
  });
});
