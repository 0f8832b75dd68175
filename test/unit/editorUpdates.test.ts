import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createSpecboard } from '../../src/core';
import { NodeWorkspace } from '../../src/cli/nodeWorkspace';
import { parseMarkdown } from '../../src/core/parseMarkdown';
import { parseDoc, reparseMarkdown } from '../../src/core/reparseMarkdown';
import { prd } from './helpers/docs';
import { indexTree, pathIn, removeTrees, writeTree } from './helpers/tree';
import { random } from './helpers/random';


/**
 * Lines that change how the parser reads what follows: fences, headings, tables, attribute
 * lists, list and paragraph definitions, Kiro and spec-kit forms, HTML comments, setext underlines.
 */
const SNIPPETS = ['```', '~~~', '## Heading', '### REQ-X-1: t', '### REQ-Y-2', '- Priority: P1', '- Traces: REQ-X-1', '| ID | Title |',
  '|---|---|', '| REQ-Y-3 | t |', '---', '', '# H | x', 'text REQ-X-1 and UTF-8', '## 1. 产品愿景', '* **Priority:** P0', '## REQ-Q-9 ##',
  '- **FR-001**: System MUST log in', '  - Status: done', '1. **NFR-3** fast', '**FR-12: Export**', 'FR-2.1 Publisher', '<!--', '-->',
  '### Requirement 1: Login', '#### Acceptance Criteria', '1. WHEN x THEN y SHALL z', '### User Story 2 - Browse (Priority: P2)',
  '=====', '    | ID | T |', '- [ ] T001 [US2] task', '_Requirements: 1.1, 1.2_', '## Functional Requirements', '## Risks',
  '| 需求编号 | 需求名称 | 优先级 |', '#### 4.1 登录 NGYH001', '> ### REQ-Z-4 quoted', '- FR1: one', '- FR2: two', '```js``` is the language'];

const FEATURES = [
  '### REQ-1: One\n- Priority: P0\n- Status: done\n\nBody of one, citing REQ-2.\n',
  '| ID | Title | Priority | Status |\n|---|---|---|---|\n| REQ-2 | Two | P1 | approved |\n| REQ-3 | Three | P2 | proposed |\n\nNotes on REQ-3.\n',
  '### REQ-4: Four\n- Priority: P1\n- Status: approved\n\n```\n## not a heading\n```\n\nMore text.\n',
].join('\n');

/** A summary table of IDs that headings below describe: each ID is defined twice and merged. */
const SUMMARY = [
  '## Summary', '', '| ID | Title | Status |', '|---|---|---|', '| REQ-1 | One | done |', '| REQ-4 | Four | approved |', '| REQ-6 | Six | proposed |', '',
  '## Features', '', '### REQ-1: One', '- Priority: P0', '', 'Body of one.', '', '### REQ-5: Five', '', 'Text.', '', '### REQ-4: Four', '- Priority: P1',
  '', '**REQ-6: Six**', '- Priority: P2', '', 'Closing text.', '',
].join('\n');

const SPEC = [
  '# Feature Specification: Login', '', '## User Scenarios & Testing', '', '### User Story 1 - Sign in (Priority: P1)', '', 'A user signs in.', '',
  '### User Story 2 - Reset (Priority: P2)', '', '## Requirements', '', '### Functional Requirements', '',
  '- **FR-001**: System MUST accept passwords', '- **FR-002**: System MUST lock after 5 tries', '  - **FR-002a**: unlock after 15 minutes',
  '', '## Success Criteria', '', '- **SC-001**: 95% sign in within 10 s', '',
].join('\n');

const KIRO = [
  '# Requirements Document', '', '## Introduction', '', 'Text.', '', '## Requirements', '', '### Requirement 1: Sign in', '',
  '**User Story:** As a user, I want to sign in.', '', '#### Acceptance Criteria', '', '1. WHEN a user submits THEN the system SHALL check',
  '2. IF wrong THEN the system SHALL refuse', '', '### Requirement 2', '', '#### Acceptance Criteria', '', '1. The system SHALL log', '',
].join('\n');

function edit(text: string, next: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
  const at = Math.floor(next() * (text.length + 1));
  const lines = text.split('\n');
  const line = Math.floor(next() * lines.length);
  const r = next();
  if (r < 0.4) return text.slice(0, at) + pick(['x', ' ', '|', '#', '-', '`', '\n', '\r\n', ':', 'REQ-5', '中']) + text.slice(at);
  if (r < 0.55) return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 20));
  if (r < 0.8) lines.splice(line, 0, pick(SNIPPETS));
  else if (r < 0.9) lines[line] = pick(SNIPPETS);
  else lines.splice(line, 1 + Math.floor(next() * 3));
  return lines.join('\n');
}

const json = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;

describe('editor updates', () => {
  after(removeTrees);

  for (const [name, path, start] of [
    ['a PRD with front matter', '/prd.md', () => prd(FEATURES)],
    ['a PRD whose summary table lists the requirements described below', '/prd.md', () => prd(SUMMARY)],
    ['a spec-kit spec without front matter', '/specs/001-x/spec.md', () => SPEC],
    ['a Kiro requirements file', '/.kiro/specs/x/requirements.md', () => KIRO],
  ] as const) {
    it(`re-parses ${name} to exactly what a full parse gives, over 3,000 random edits`, () => {
      const next = random(7);
      let text = start();
      let previous = parseDoc(path, text, 'en', {});
      for (let i = 0; i < 3000; i++) {
        text = i % 250 === 0 ? start() : edit(text, next);
        const again = reparseMarkdown(previous, path, text, 'en', {});
        assert.deepEqual(json(again.parsed), json(parseMarkdown(path, text, 'en')), `edit ${i}:\n${text}`);
        assert.deepEqual(again.blocks, parseDoc(path, text, 'en', {}).blocks, `block starts after edit ${i}:\n${text}`);
        previous = again;
      }
    });
  }

  it('ends a series of keystrokes with the same diagnostics as indexing the final text from disk', async () => {
    const dir = writeTree({ 'prd.md': prd(FEATURES), 'brd.md': '## BR-1 a\n', 'src/a.ts': '// REQ-1 REQ-7 BR-1\n' });
    const board = await indexTree(dir);
    const next = random(11);
    let text = prd(FEATURES);
    for (let i = 0; i < 200; i++) board.updateText(pathIn(dir, 'prd.md'), (text = edit(text, next)));
    fs.writeFileSync(`${dir}/prd.md`, text);
    const fresh = await indexTree(dir);
    for (const rel of ['prd.md', 'brd.md', 'src/a.ts']) assert.deepEqual(json(board.diagnostics(pathIn(dir, rel))), json(fresh.diagnostics(pathIn(dir, rel))), rel);
  });

  for (const [name, rel, start] of [
    ['a PRD', 'prd.md', () => prd(FEATURES)],
    ['a PRD with a summary table', 'prd.md', () => prd(SUMMARY)],
    ['a spec-kit spec', 'specs/001-x/spec.md', () => SPEC],
    ['a Kiro requirements file', '.kiro/specs/x/requirements.md', () => KIRO],
  ] as const) it(`views unindexed text of ${name} as the index will once it takes the text, changing nothing before`, async () => {
    const dir = writeTree({
      [rel]: start(), 'brd.md': '## BR-1 a\n## REQ-3 also here\n', 'src/a.ts': '// REQ-1 REQ-7 BR-1 FR-001\n',
      '.kiro/specs/x/tasks.md': '- [ ] 1. Build\n  - _Requirements: 1.1, 2.1_\n',
    });
    const board = await indexTree(dir);
    const path = pathIn(dir, rel);
    const next = random(13);
    let text = start();
    let differing = 0;
    for (let i = 0; i < 300; i++) {
      text = edit(text, next);
      const before = json(board.trace());
      const view = board.view(path, text)!;
      const seen = json(view.diagnostics());
      const ahead = !view.indexed;
      assert.deepEqual(json(board.trace()), before, `edit ${i}: a view changed the index`);
      // Every other edit is viewed twice before it is indexed, as hover and code actions would.
      if (i % 2 === 0) assert.equal(board.view(path, text)!.parsed, view.parsed, 'the same text is parsed once');
      board.updateText(path, text);
      const indexed = board.view(path, text)!;
      assert.ok(indexed.indexed, `edit ${i}: the index holds the viewed text`);
      assert.ok(view.indexed, `edit ${i}: a view kept from before the update knows it is indexed now`);
      if (ahead) {
        differing++;
        assert.equal(indexed.parsed, view.parsed, `edit ${i}: the update took the view's parse`);
      }
      assert.deepEqual(seen, json(board.diagnostics(path)), `edit ${i}:\n${text}`);
    }
    assert.ok(differing > 200, `${differing} of 300 views were ahead of the index`);
  });

  it('leaves files citing unknown IDs of another stem out of affected when a requirement is added', async () => {
    const dir = writeTree({ 'prd.md': '## REQ-A-1 a\n## REQ-B-1 b\n', 'src/a.ts': '// REQ-A-9\n', 'src/b.ts': '// REQ-B-9\n' });
    const board = await indexTree(dir);
    const { affected } = board.updateText(pathIn(dir, 'prd.md'), '## REQ-A-1 a\n## REQ-B-1 b\n## REQ-A-2 c\n');
    assert.ok(affected.has(pathIn(dir, 'src/a.ts')));
    assert.ok(!affected.has(pathIn(dir, 'src/b.ts')));
  });

  it('refreshes files citing an unknown ID whose stem nothing defines when another stem appears', async () => {
    const dir = writeTree({ 'prd.md': '## REQ-AB-1 a\n', 'src/a.ts': '// REQ-AC-9\n' });
    const board = createSpecboard({ workspace: new NodeWorkspace([dir]) });
    await board.indexAll();
    const before = board.diagnostics(pathIn(dir, 'src/a.ts'))[0].data?.suggestions;
    const { affected } = board.updateText(pathIn(dir, 'prd.md'), '## REQ-AB-1 a\n## REQ-AC-1 b\n');
    assert.deepEqual(before, ['REQ-AB-1']);
    assert.deepEqual(board.diagnostics(pathIn(dir, 'src/a.ts'))[0].data?.suggestions, ['REQ-AC-1']);
    assert.ok(affected.has(pathIn(dir, 'src/a.ts')));
  });
});
