import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { editDistance } from '../../src/core/editDistance';
import { numberOf, prefixOf, stemOf } from '../../src/core/ids';
import type { RequirementDef } from '../../src/core/model';
import { RequirementIndex, type Replacing } from '../../src/core/requirementIndex';

/**
 * "Did you mean" suggestions come from IDs kept sorted by number per stem and from the stems of
 * the unknown ID's prefix. They are proved here against the exhaustive search they replaced
 * (every ID of the stem sorted for each unknown ID; every stem of the workspace compared when
 * nothing defines the stem), on generated indexes, after adds and removes, and with an editor's
 * definitions replacing a file's. The speed is measured by the bench, not asserted here.
 */

// The replaced implementation, verbatim but for `stems`, which it read from the index.
function oldSuggestions(stems: Map<string, Set<string>>, id: string, max: number): string[] {
  const idsOf = (s: string) => stems.get(s) ?? new Set<string>();
  let stem = stemOf(id);
  if (!idsOf(stem).size) {
    const prefix = prefixOf(id);
    const candidates = [...stems.keys()].filter((s) => prefixOf(s) === prefix && idsOf(s).size > 0);
    if (candidates.length === 0) return [];
    const wanted = stem;
    stem = candidates.map((s) => ({ s, d: editDistance(s, wanted) })).reduce((best, c) => (c.d < best.d || (c.d === best.d && c.s < best.s) ? c : best)).s;
  }
  const target = numberOf(id).value;
  const byNearness = (list: Iterable<string>) => [...list]
    .map((candidate) => ({ candidate, d: Math.abs(numberOf(candidate).value - target) }))
    .sort((a, b) => a.d - b.d || a.candidate.localeCompare(b.candidate))
    .map((c) => c.candidate);
  // Typos of the ID's own stem: its number one edit away (optimal string alignment), found by
  // comparing with every ID rather than by generating the variants as the index does.
  const own = stemOf(id);
  const typos = stem === own ? byNearness([...idsOf(stem)].filter((c) => c !== id && numberEdits(c.slice(own.length), id.slice(own.length)) === 1)).slice(0, max) : [];
  return [...typos, ...byNearness(idsOf(stem)).filter((c) => !typos.includes(c))].slice(0, max);
}

/** Optimal string alignment distance: edits with adjacent swaps, each character edited once. */
function numberEdits(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

const RANGE = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };

function def(id: string, path: string, line = 0): RequirementDef {
  return { id, title: id, path, form: 'heading', line, idRange: RANGE, range: RANGE, endLine: line, attributes: {}, attributeSpans: {}, traces: [], excerpt: '' };
}

function load(index: RequirementIndex, path: string, ids: readonly string[]): void {
  const requirements = ids.map((id, line) => def(id, path, line));
  index.set({ path, root: '/', hash: 0, parsed: { path, kind: 'doc', lineCount: ids.length, headings: [], requirements, tokens: [] }, diagnostics: [] });
}

function stemsOf(files: ReadonlyMap<string, readonly string[]>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const ids of files.values()) {
    for (const id of ids) {
      const set = out.get(stemOf(id)) ?? new Set<string>();
      set.add(id);
      out.set(stemOf(id), set);
    }
  }
  return out;
}

// IDs from a few prefixes and near stems, numbers with and without padding (REQ-1, REQ-01 tie), and
// spec-kit's undashed `FR2`, whose stem `FR` has a prefix its ID does not name.
const prefixes = ['REQ', 'RQ', 'BR', 'FR'];
const middles = ['', 'CHK-', 'CHEK-', 'CKH-', 'PAY-', 'A', 'AB-', 'LONGNAME-'];
const idArb = fc
  .tuple(fc.constantFrom(...prefixes), fc.constantFrom(...middles), fc.integer({ min: 0, max: 60 }), fc.constantFrom(1, 2, 3))
  .map(([p, m, n, w]) => (m === 'A' ? `${p}${n}` : `${p}-${m}${String(n).padStart(w, '0')}`));
const filesArb = fc.array(fc.array(idArb, { maxLength: 40 }), { minLength: 1, maxLength: 6 });

describe('suggestions from the stem index', () => {
  it('agree with the exhaustive search on generated indexes, after adds and removes', () => {
    let asked = 0;
    let agreed = 0;
    fc.assert(
      fc.property(filesArb, fc.array(idArb, { minLength: 1, maxLength: 30 }), fc.integer({ min: 0, max: 5 }), (fileIds, unknown, max) => {
        const index = new RequirementIndex();
        const files = new Map<string, readonly string[]>();
        fileIds.forEach((ids, i) => {
          files.set(`f${i}.md`, ids);
          load(index, `f${i}.md`, ids);
        });
        const check = () => {
          const stems = stemsOf(files);
          for (const id of unknown) {
            asked++;
            const want = oldSuggestions(stems, id, max);
            assert.deepEqual(index.suggestions(id, max), want, `suggestions for ${id}`);
            agreed++;
          }
        };
        check();
        // Drop the first file and change the second: the sorted lists must follow.
        index.remove('f0.md');
        files.delete('f0.md');
        if (files.has('f1.md')) {
          const next = [...(files.get('f1.md') ?? []).slice(1), ...unknown.slice(0, 3)];
          files.set('f1.md', next);
          load(index, 'f1.md', next);
        }
        check();
      }),
      { numRuns: 300, seed: 14 },
    );
    assert.equal(agreed, asked);
    assert.ok(asked > 1000);
  });

  it('agree with the exhaustive search while an editor replaces a file’s definitions', () => {
    fc.assert(
      fc.property(filesArb, fc.array(idArb, { maxLength: 20 }), fc.array(idArb, { minLength: 1, maxLength: 20 }), (fileIds, own, unknown) => {
        const index = new RequirementIndex();
        const files = new Map<string, readonly string[]>();
        fileIds.forEach((ids, i) => {
          files.set(`f${i}.md`, ids);
          load(index, `f${i}.md`, ids);
        });
        const byId = new Map<string, RequirementDef[]>();
        own.forEach((id, line) => byId.set(id, [...(byId.get(id) ?? []), def(id, 'f0.md', line)]));
        const replacing: Replacing = { path: 'f0.md', own: byId, prefixShift: new Map(), scopeShift: new Map() };
        const stems = stemsOf(new Map([...files, ['f0.md', own]]));
        for (const id of unknown) assert.deepEqual(index.suggestions(id, 3, replacing), oldSuggestions(stems, id, 3), `suggestions for ${id}`);
      }),
      { numRuns: 200, seed: 41 },
    );
  });

  it('suggest a mistyped number first, then the nearest numbers, and no typos of another stem', () => {
    const index = new RequirementIndex();
    load(index, 'spec.md', Array.from({ length: 17 }, (_, i) => `FR-0${33 + i}`));
    assert.deepEqual(index.suggestions('FR-021', 3), ['FR-041', 'FR-033', 'FR-034'], 'FR-041 is one digit away, FR-033 the nearest number');
    assert.deepEqual(index.suggestions('FR-304', 2), ['FR-034', 'FR-049'], 'two digits swapped');
    assert.deepEqual(index.suggestions('FR-0404', 2), ['FR-044', 'FR-040'], 'a digit too many');
    assert.deepEqual(index.suggestions(`FR-${'9'.repeat(5000)}`, 1), ['FR-033'], 'a number nobody typed: no variants, ties at an infinite distance in ID order');
    load(index, 'other.md', ['FR-X-041']);
    assert.deepEqual(index.suggestions('FR-Y-021', 1), ['FR-X-041'], 'the closest stem: its nearest number, no typo search');
  });

  it('suggest the nearest numbers of the closest stem of the prefix', () => {
    const index = new RequirementIndex();
    load(index, 'a.md', ['REQ-CHK-001', 'REQ-CHK-002', 'REQ-CHK-010', 'REQ-PAY-001', 'BR-CHK-005']);
    assert.deepEqual(index.suggestions('REQ-CHK-009', 2), ['REQ-CHK-002', 'REQ-CHK-001'], 'one digit off first');
    assert.deepEqual(index.suggestions('REQ-CHK-011', 3), ['REQ-CHK-010', 'REQ-CHK-001', 'REQ-CHK-002']);
    assert.deepEqual(index.suggestions('REQ-CHEK-002', 1), ['REQ-CHK-002']);
    assert.deepEqual(index.suggestions('XY-CHK-002', 3), []);
  });
});
