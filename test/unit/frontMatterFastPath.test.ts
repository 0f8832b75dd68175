import * as assert from 'node:assert/strict';
import { isMap, isScalar, parseDocument } from 'yaml';
import { readFrontMatter } from '../../src/core/frontMatter';
import { readSimpleFrontMatter } from '../../src/core/simpleFrontMatter';
import { splitLines } from '../../src/core/text';

/** What the YAML library reads from `body` (the lines between the fences): data and value columns. */
function viaYaml(body: string): { data: unknown; columns: Record<string, [number, number]> } {
  const doc = parseDocument(body, { uniqueKeys: true, strict: false });
  const columns: Record<string, [number, number]> = {};
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      const value = pair.value as { range?: number[] } | null;
      if (isScalar(pair.key) && value?.range) columns[String(pair.key.value)] = [value.range[0] - body.lastIndexOf('\n', value.range[0]) - 1, value.range[1] - body.lastIndexOf('\n', value.range[0]) - 1];
    }
  }
  return { data: doc.toJS(), columns };
}

const HANDLED = [
  'type: prd\nid: PRD-CHECKOUT\ntitle: Shop checkout — Product requirements\nstage: productization',
  'version: "2.3"\nrelease: 2.1\nupdated: 2025-06-10\ncount: 007\nratio: .5',
  "reviewers: [Priya Raman, Daniel Okafor]\ntags: [支付, 'a b', \"c\", 1, 2.5]\nempty: []",
  "title: 支付中心 3.x 产品需求文档\nowner: 王磊\nnote: x#y\nquote: 'it is'",
  'a: x\n\n# a comment line\nb:    spaced value   ',
];

const FALLS_BACK = [
  'a: 0x1F', 'a: 1e3', 'a: true', 'a: ~', 'a: .inf', 'a: x # comment', 'a: b: c', 'a: "x\\"y"', "a: 'it''s'", 'a: - x', 'a:',
  'a: [a, b,]', 'a: {x: 1}', 'a: &x 1', 'a: *x', 'a: !!str 1', 'a: |', 'a: [a: b]', 'a: 1\na: 2', 'a:\n  - x', 'a: x\tb', 'true: 1',
];

describe('front matter fast path', () => {
  for (const body of HANDLED) {
    it(`reads the same data and value ranges as the YAML library: ${JSON.stringify(body.split('\n')[0])}`, () => {
      const lines = splitLines(`---\n${body}\n---\n# Doc\n`);
      const end = lines.indexOf('---', 1);
      const fast = readSimpleFrontMatter(lines, 1, end);
      assert.ok(fast, 'expected the fast path to handle it');
      const yaml = viaYaml(body);
      assert.deepEqual(fast.data, yaml.data);
      for (const [key, field] of fast.fields) assert.deepEqual([field.valueRange.start.character, field.valueRange.end.character], yaml.columns[key], key);
      assert.deepEqual(readFrontMatter(lines, 'en')?.data, yaml.data);
    });
  }

  for (const body of FALLS_BACK) {
    it(`leaves ${JSON.stringify(body)} to the YAML library`, () => {
      const lines = splitLines(`---\n${body}\n---\n`);
      assert.equal(readSimpleFrontMatter(lines, 1, lines.lastIndexOf('---')), undefined);
    });
  }
});
