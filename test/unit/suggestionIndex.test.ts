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
  return [...idsOf(stem)]
    .map((candidate) => ({ candidate, d: Math.abs(numberOf(candidate).value - target) }))
    .sort((a, b) => a.d - b.d || a.candidate.localeCompare(b.candidate))
    .slice(0, max)
    .map((c) => c.candidate);
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

  it('suggest the nearest numbers of the closest stem of the prefix', () => {
    const index = new RequirementIndex();
    load(index, 'a.md', ['REQ-CHK-001', 'REQ-CHK-002', 'REQ-CHK-010', 'REQ-PAY-001', 'BR-CHK-005']);
    assert.deepEqual(index.suggestions('REQ-CHK-009', 2), ['REQ-CHK-010', 'REQ-CHK-002']);
    assert.deepEqual(index.suggestions('REQ-CHEK-002', 1), ['REQ-CHK-002']);
    assert.deepEqual(index.suggestions('XY-CHK-002', 3), []);
  });
});
