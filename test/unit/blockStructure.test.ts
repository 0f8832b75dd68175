import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import commonmark from 'commonmark-spec';
import { parseMarkdown } from '../../src/core/parseMarkdown';
import { bodyStart } from '../../src/core/parseMarkdown';
import type { ParsedFile } from '../../src/core';

/**
 * Differential test: the index must see the blocks markdown-it sees (html on, GFM tables: VS
 * Code's preview and GitHub). For every document, headings must be markdown-it's headings;
 * every definition must sit on a block of its form (a heading, a table row, a list item's first
 * paragraph, a paragraph); nothing may be defined in code or HTML, and no ID in an HTML comment
 * may count. Inputs: every example of the CommonMark spec, the same examples with IDs written in
 * (so every construct holds definitions), and documents generated from requirement snippets.
 */

const md = new MarkdownIt('default', { html: true });

interface View {
  readonly headings: string[];
  readonly rows: Set<number>;
  readonly itemFirstLines: Set<number>;
  readonly paragraphLines: Set<number>;
  readonly opaque: Set<number>;
  readonly comments: Set<number>;
}

/** What markdown-it makes of the body (front matter is hidden in the preview, so it is cut off here too). */
function markdownItView(text: string, parsed: ParsedFile): View {
  const lines = text.split(/\r\n|\r|\n/);
  const from = bodyStart(parsed.frontMatter);
  const tokens = md.parse(lines.slice(from).join('\n'), {});
  const view: View = { headings: [], rows: new Set(), itemFirstLines: new Set(), paragraphLines: new Set(), opaque: new Set(), comments: new Set() };
  const span = (t: { map: [number, number] | null }, into: Set<number>) => {
    if (t.map) for (let l = t.map[0]; l < t.map[1]; l++) into.add(l + from);
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'heading_open') view.headings.push(`${t.map![0] + from}:${t.tag}:${tokens[i + 1].content.replace(/\n/g, ' ')}`);
    else if (t.type === 'tr_open') view.rows.add(t.map![0] + from);
    else if (t.type === 'paragraph_open') {
      span(t, view.paragraphLines);
      if (tokens[i - 1]?.type === 'list_item_open') view.itemFirstLines.add(t.map![0] + from);
    } else if (t.type === 'fence' || t.type === 'code_block') span(t, view.opaque);
    else if (t.type === 'html_block') {
      span(t, view.opaque);
      if (t.content.trimStart().startsWith('<!--')) span(t, view.comments);
    }
  }
  return view;
}

/** Every way the parse disagrees with markdown-it's blocks; empty when they agree. */
function disagreements(text: string, relPath = 'requirements.md'): string[] {
  const parsed = parseMarkdown(`/ws/${relPath}`, text, 'en', { relPath });
  const view = markdownItView(text, parsed);
  const out: string[] = [];
  const ours = parsed.headings.map((h) => `${h.line}:h${h.level}:${h.text}`);
  if (JSON.stringify(ours) !== JSON.stringify(view.headings)) out.push(`headings ${JSON.stringify(ours)} vs ${JSON.stringify(view.headings)}`);
  for (const d of parsed.requirements) {
    const at = `${d.form} ${d.id} on line ${d.line + 1}`;
    if (view.opaque.has(d.line)) out.push(`${at} is inside code or HTML`);
    const fits = d.form === 'heading' ? view.headings.some((h) => h.startsWith(`${d.line}:`))
      : d.form === 'table' ? view.rows.has(d.line) || view.paragraphLines.has(d.line) || view.headings.some((h) => h.startsWith(`${d.line}:`))
        : d.form === 'list' ? view.itemFirstLines.has(d.line)
          : view.paragraphLines.has(d.line);
    if (!fits) out.push(`${at} is not on a block of that form`);
  }
  for (const t of parsed.tokens) if (view.comments.has(t.line)) out.push(`${t.id} on line ${t.line + 1} is inside an HTML comment`);
  return out;
}

const EXAMPLES = commonmark.tests.map((t) => ({ number: t.number, markdown: t.markdown.replace(/→/g, '\t') }));

/** The spec example with IDs where its words were, so definitions appear in every construct. */
function withIds(markdown: string): string[] {
  return [
    markdown.replace(/\bfoo\b/g, 'REQ-1').replace(/\bbar\b/g, '**FR-2**: bar'),
    markdown.replace(/\bfoo\b/g, 'FR-001: foo').replace(/\bbaz\b/g, '[NFR-3] baz'),
  ];
}

describe('block structure agrees with markdown-it', () => {
  it('on every CommonMark spec example, also with IDs written into them', () => {
    let documents = 0;
    const failures: string[] = [];
    for (const { number, markdown } of EXAMPLES) {
      for (const text of [markdown, ...withIds(markdown)]) {
        documents++;
        const problems = disagreements(text);
        if (problems.length) failures.push(`example ${number}: ${problems.join('; ')}\n${text}`);
      }
    }
    console.log(`      CommonMark examples: ${documents - failures.length}/${documents} documents agree (${((100 * (documents - failures.length)) / documents).toFixed(1)}%)`);
    assert.deepEqual(failures, []);
  });

  const SNIPPETS = [
    '# Title', '## Requirements', '### REQ-1: Login', '### FR-002 — Reset', '- Priority: P1', '- Status: 进行中', '  - nested: x',
    '- **FR-003**: System MUST log', '1. **NFR-4** fast', '**FR-5: Export**', 'FR-6: a line', 'FR-2.1 Child', '| ID | Title |', '|---|---|',
    '| REQ-7 | Seven |', '    | REQ-8 | indented |', '```', '~~~', '```js``` is the language', '    ```', '<!--', 'REQ-9 hidden', '-->',
    '<div>', '</div>', 'Setext', '===', '---', '> ### REQ-10 quoted', '> - **FR-11**: quoted item', '- [ ] T001 [US1] task', '',
    '### Requirement 1: Sign in', '#### Acceptance Criteria', '1. WHEN x THEN y SHALL z', '### User Story 2 - Browse (Priority: P2)',
    '_Requirements: 1.1, 1.2_', 'Plain text citing REQ-1 and UTF-8.', '\t- tabbed item', '* **REQ-12**: star bullet', '## 风险', '| R-1 | risk |',
  ];
  const doc = fc.array(fc.tuple(fc.constantFrom(...SNIPPETS), fc.constantFrom('', ' ', '  ', '    ')), { maxLength: 40 })
    .map((parts) => parts.map(([line, indent]) => indent + line).join('\n'));

  it('on 3,000 documents generated from requirement snippets (fixed seed)', () => {
    let runs = 0;
    fc.assert(fc.property(doc, fc.constantFrom('requirements.md', 'README.md', 'specs/001-x/spec.md'), (text, path) => {
      runs++;
      assert.deepEqual(disagreements(text, path), [], text);
    }), { numRuns: 3000, seed: 42 });
    console.log(`      generated documents: ${runs}/${runs} agree`);
  });
});
