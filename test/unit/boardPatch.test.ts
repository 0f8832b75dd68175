import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import fc from 'fast-check';
import { createSpecboard } from '../../src/core';
import { NodeWorkspace } from '../../src/cli/nodeWorkspace';
import { BoardCards, type BoardUpdate } from '../../src/extension/panels/boardCards';
import { buildBoardModel } from '../../src/extension/panels/boardModel';
import { applyBoardPatch, cardsByFile, isBoardModel, isBoardPatch, MAX_CARD_TEXT, MAX_PATCH_FILES } from '../../src/shared/boardPatch';
import { isHostToBoard, type BoardCard, type BoardModel, type BoardPatch } from '../../src/shared/protocol';
import { indexTree, pathIn, removeTrees, writeFile, writeTree } from './helpers/tree';

/** A model as its files' cards (files sorted) and its lists: what a patched board and a rebuild must agree on. */
function byFile(model: BoardModel) {
  const { cards, ...rest } = model;
  return { ...rest, files: Object.fromEntries([...cardsByFile(cards)].sort(([a], [b]) => (a < b ? -1 : 1))) };
}

/** What postMessage does to a message: structured clone, here JSON (no undefined fields, no shared objects). */
const sent = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function patchOf(update: BoardUpdate | undefined): BoardPatch {
  assert.equal(update?.type, 'patch', `expected a patch, got ${JSON.stringify(update)?.slice(0, 200)}`);
  return (update as Extract<BoardUpdate, { type: 'patch' }>).patch;
}

/** The cards a patch sends in full (new or changed), by ID. */
const changedCards = (patch: BoardPatch) => patch.files.flatMap((f) => f.cards.filter((c): c is BoardCard => typeof c !== 'number'));

async function setup(files: Record<string, string>) {
  const dir = writeTree(files);
  const core = await indexTree(dir);
  const p = (rel: string) => pathIn(dir, rel);
  const rel = (path: string) => path.slice(dir.length + 1);
  const cards = new BoardCards();
  const first = cards.rebuild(core, false);
  assert.equal(first.type, 'model');
  let model = sent((first as Extract<BoardUpdate, { type: 'model' }>).model);
  /** Saves a file as the watcher would report it, and patches the board the way the panel does. */
  const save = async (file: string, text: string) => {
    writeFile(dir, file, text);
    const { affected } = await core.refreshFromDisk(p(file));
    return apply(cards.update(core, affected, false));
  };
  const apply = (update: BoardUpdate | undefined) => {
    if (update?.type === 'patch') {
      const patch = sent(update.patch);
      assert.ok(isHostToBoard({ type: 'patch', patch }), 'the patch passes the webview check');
      model = applyBoardPatch(model, patch)!;
      assert.ok(model, 'the patch fits the model it was made for');
    } else if (update) model = sent(update.model);
    return update;
  };
  return { dir, core, cards, p, rel, save, apply, model: () => model };
}

const PRD = `---
type: prd
title: Checkout
---
# Checkout

### REQ-1: Pay by card

- Status: approved
- Priority: P1

### REQ-2: Refund

- Status: proposed
`;

describe('board patches', () => {
  after(removeTrees);

  it('patches only the changed file\'s cards after a status edit, and only the card that changed', async () => {
    const { save, p, rel, model, core } = await setup({ 'docs/a.md': PRD, 'docs/b.md': '### REQ-3: Export\n', 'src/x.ts': '// REQ-3\n' });
    const patch = patchOf(await save('docs/a.md', PRD.replace('- Status: approved', '- Status: in-progress')));
    assert.deepEqual(patch.files.map((f) => rel(f.path)), ['docs/a.md']);
    assert.deepEqual(patch.files[0].cards.map((c) => (typeof c === 'number' ? c : c.id)), ['REQ-1', 1], 'REQ-2 is sent as its position');
    assert.equal(changedCards(patch)[0].status, 'in-progress');
    assert.equal(patch.meta, undefined, 'the statuses did not change');
    assert.deepEqual(byFile(model()), byFile(buildBoardModel(core, false)));
    assert.equal(model().cards.find((c) => c.path === p('docs/b.md'))?.codeReferences, 1);
  });

  it('sends nothing when a save changes no card', async () => {
    const { save, cards, core, p } = await setup({ 'docs/a.md': PRD });
    assert.equal(await save('docs/a.md', PRD.replace('# Checkout', '# Checkout, reviewed')), undefined);
    assert.equal(cards.update(core, [p('docs/a.md')], false), undefined, 'an update with nothing new is not a patch');
  });

  it('patches both files when a duplicate definition appears in another file, with the duplicate problem on each', async () => {
    const { save, rel, model, core } = await setup({ 'docs/a.md': PRD, 'docs/b.md': '### REQ-3: Export\n', 'docs/c.md': '### REQ-9: Other\n' });
    const patch = patchOf(await save('docs/b.md', '### REQ-3: Export\n\n### REQ-1: Pay by card again\n'));
    assert.deepEqual(patch.files.map((f) => rel(f.path)).sort(), ['docs/a.md', 'docs/b.md']);
    const dup = model().cards.filter((c) => c.id === 'REQ-1');
    assert.equal(dup.length, 2);
    for (const card of dup) assert.equal(card.problemCount, 1, `${card.path}: ${card.problems.join('; ')}`);
    assert.match(dup[0].problems[0], /REQ-1/);
    assert.deepEqual(byFile(model()), byFile(buildBoardModel(core, false)));

    const back = patchOf(await save('docs/b.md', '### REQ-3: Export\n'));
    assert.deepEqual(back.files.map((f) => rel(f.path)).sort(), ['docs/a.md', 'docs/b.md'], 'the problem goes from both when the copy goes');
    assert.equal(model().cards.find((c) => c.id === 'REQ-1')?.problemCount, 0);
  });

  it('patches the card of a requirement a source file starts or stops citing, though no diagnostic of its file changed', async () => {
    const { save, rel, model, core, p, cards, apply } = await setup({ 'docs/a.md': PRD, 'src/x.ts': 'export const x = 1;\n' });
    const cite = patchOf(await save('src/x.ts', 'export const x = 1; // REQ-2\n'));
    assert.deepEqual(cite.files.map((f) => rel(f.path)), ['docs/a.md']);
    assert.deepEqual(changedCards(cite).map((c) => [c.id, c.codeReferences]), [['REQ-2', 1]]);
    const drop = patchOf(await save('src/x.ts', 'export const x = 1;\n'));
    assert.deepEqual(changedCards(drop).map((c) => [c.id, c.codeReferences]), [['REQ-2', 0]]);
    await save('src/y.ts', '// REQ-1 and REQ-1 again\n');
    assert.equal(model().cards.find((c) => c.id === 'REQ-1')?.codeReferences, 2);
    fs.rmSync(p('src/y.ts'));
    const gone = patchOf(apply(cards.update(core, core.removeTree(p('src/y.ts')).affected, false)));
    assert.deepEqual(changedCards(gone).map((c) => [c.id, c.codeReferences]), [['REQ-1', 0]], 'a deleted source file takes its citations with it');
    assert.deepEqual(byFile(model()), byFile(buildBoardModel(core, false)));
  });

  it('recounts a dashless requirement (FR1) when FR-1 gets defined, which takes the code citations of FR-1 from it', async () => {
    const { save, rel, model, core } = await setup({ 'docs/a.md': '## Requirements\n\n- **FR1**: Login\n', 'src/t.ts': '// FR-1\n' });
    assert.equal(model().cards[0].codeReferences, 1, 'FR-1 is defined nowhere, so its citation counts for FR1');
    const patch = patchOf(await save('docs/b.md', '## Requirements\n\n- **FR-1**: Login with a dash\n'));
    assert.deepEqual(patch.files.map((f) => rel(f.path)).sort(), ['docs/a.md', 'docs/b.md'], 'a.md is not in the core\'s affected set, yet its card changed');
    assert.deepEqual(changedCards(patch).map((c) => [c.id, c.codeReferences]).sort(), [['FR-1', 1], ['FR1', 0]]);
    assert.deepEqual(byFile(model()), byFile(buildBoardModel(core, false)));
  });

  it('sends the statuses again when a folder with its own gets its first card', async () => {
    const one = writeTree({ 'a.md': PRD });
    const two = writeTree({ '.specboard/config.json': '{"statuses":["todo","doing","done"],"transitions":{"done":["doing"]}}', 'notes.md': 'Nothing yet.\n' });
    const core = createSpecboard({ workspace: new NodeWorkspace([one, two]), locale: 'en' });
    await core.indexAll();
    const cards = new BoardCards();
    const first = cards.rebuild(core, false);
    assert.equal(first.type === 'model' && first.model.statuses.includes('todo'), false);
    const patch = patchOf(cards.update(core, core.updateText(pathIn(two, 'notes.md'), '### REQ-7: Sync\n\n- Status: todo\n').affected, false));
    assert.ok(['todo', 'doing', 'done'].every((s) => patch.meta?.statuses.includes(s)), JSON.stringify(patch.meta));
    assert.deepEqual(patch.meta?.transitions, { done: ['doing'] });
    assert.deepEqual(byFile(cards.model), byFile(buildBoardModel(core, false)));
    assert.deepEqual(patchOf(cards.update(core, core.updateText(pathIn(two, 'notes.md'), 'Nothing yet.\n').affected, false)).meta?.statuses, buildBoardModel(core, false).statuses);
  });

  it('rebuilds when the core was replaced (a full re-index), and after the end of indexing says so in a patch', async () => {
    const dir = writeTree({ 'a.md': PRD });
    const cards = new BoardCards();
    const core = await indexTree(dir);
    assert.equal(cards.update(core, [], true)?.type, 'model', 'nothing built yet');
    const done = patchOf(cards.update(core, [], false));
    assert.deepEqual(done.files, []);
    assert.equal(done.indexing, false);
    assert.equal(cards.update(await indexTree(dir), [], false)?.type, 'model');
  });

  it('numbers versions so a patch names the board it applies to, and refuses one that does not fit', async () => {
    const { save, model } = await setup({ 'docs/a.md': PRD });
    const before = model();
    const patch = patchOf(await save('docs/a.md', PRD.replace('Refund', 'Refund to the card')));
    assert.equal(patch.version, patch.base + 1);
    assert.equal(applyBoardPatch({ ...before, cards: [] }, patch), undefined, 'a position past the file\'s cards');
  });

  it('applying the patches of random saves, deletes and editor edits gives the board a rebuild gives', async () => {
    const DOC_LINES = [
      '### REQ-1: Login', '### REQ-2: Pay', '### REQ-1: Login again', '### US-1: Story', '## Requirements', '- **FR1**: Dashless', '- **FR-1**: Dashed',
      '- Status: approved', '- Status: done', '- Priority: P1', '- Owner: Dana', '- Release: 2.0',
      '| ID | Title | Status |', '|---|---|---|', '| REQ-3 | Refund | proposed |', '| REQ-2 | Pay (summary) | approved |',
      'See REQ-4 and REQ-1.', 'Cites REQ-9, which nothing defines.', '## Notes', 'Plain text.', '',
    ];
    const FRONT = ['', '---\ntype: prd\ntitle: Payments\nrelease: "1.0"\n---\n', '---\ntype: brd\nproduct: Shop\n---\n'];
    const CODE_LINES = ['// REQ-1', '// REQ-2 REQ-9', '# FR-1', '// REQ-4', '// US-1', 'const x = 1;', ''];
    const doc = fc.tuple(fc.constantFrom(...FRONT), fc.array(fc.constantFrom(...DOC_LINES), { maxLength: 12 })).map(([f, ls]) => f + ls.join('\n'));
    const code = fc.array(fc.constantFrom(...CODE_LINES), { maxLength: 6 }).map((ls) => ls.join('\n'));
    const edit = fc.oneof(
      fc.record({ file: fc.constantFrom('docs/a.md', 'docs/b.md', 'docs/sub/c.md'), text: doc, how: fc.constantFrom('save', 'type') }),
      fc.record({ file: fc.constantFrom('src/x.ts', 'src/y.py'), text: code, how: fc.constantFrom('save', 'type') }),
      fc.record({ file: fc.constantFrom('docs/a.md', 'docs/b.md', 'src/x.ts'), text: fc.constant(''), how: fc.constant('delete') }),
    );
    let runs = 0;
    await fc.assert(fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 8 }), async (edits) => {
      runs++;
      const { dir, core, cards, p, save, apply, model } = await setup({ 'docs/a.md': PRD, 'docs/b.md': '### REQ-4: Export\n', 'src/x.ts': '// REQ-1\n' });
      for (const { file, text, how } of edits) {
        if (how === 'save') await save(file, text);
        else if (how === 'type') apply(cards.update(core, core.updateText(p(file), text).affected, false));
        else {
          fs.rmSync(p(file), { force: true });
          apply(cards.update(core, core.removeTree(p(file)).affected, false));
        }
        const rebuilt = buildBoardModel(core, false);
        assert.deepEqual(byFile(model()), byFile(rebuilt), `after ${how} ${file}: ${JSON.stringify(text)}`);
        assert.deepEqual(model(), sent(cards.model), 'the webview holds what the host holds, in the same order');
      }
      fs.rmSync(dir, { recursive: true, force: true });
    }), { numRuns: 60, seed: 12 });
    assert.equal(runs, 60);
  });
});

describe('board patch messages', () => {
  const card: BoardCard = { id: 'REQ-1', title: 'Pay', path: 'file:///w/a.md', line: 3, form: 'heading', doc: 'A', docPath: 'a.md', problems: [], problemCount: 0, codeReferences: 0 };
  const patch = (files: unknown, extra: object = {}) => ({ type: 'patch', patch: { base: 1, version: 2, files, indexing: false, ...extra } });

  it('accepts positions and cards of the file they are listed under', () => {
    assert.ok(isHostToBoard(patch([{ path: card.path, cards: [0, card, 2] }, { path: 'file:///w/b.md', cards: [] }])));
  });

  it('refuses patches of the wrong shape or past the limits', () => {
    for (const [why, bad] of [
      ['a card under another file', patch([{ path: 'file:///w/b.md', cards: [card] }])],
      ['a file twice', patch([{ path: card.path, cards: [] }, { path: card.path, cards: [0] }])],
      ['a negative position', patch([{ path: card.path, cards: [-1] }])],
      ['a fractional position', patch([{ path: card.path, cards: [0.5] }])],
      ['too many files', patch(Array.from({ length: MAX_PATCH_FILES + 1 }, (_, i) => ({ path: `file:///w/${i}.md`, cards: [] })))],
      ['an overlong title', patch([{ path: card.path, cards: [{ ...card, title: 'x'.repeat(MAX_CARD_TEXT + 1) }] }])],
      ['a problem count below its messages', patch([{ path: card.path, cards: [{ ...card, problems: ['a'], problemCount: 0 }] }])],
      ['an unknown form', patch([{ path: card.path, cards: [{ ...card, form: 'script' }] }])],
      ['no version', { type: 'patch', patch: { base: 1, files: [], indexing: false } }],
      ['a statuses list of numbers', patch([], { meta: { statuses: [1], closedStatuses: [], priorities: [], stages: [], transitions: {} } })],
    ] as const) assert.equal(isBoardPatch((bad as { patch: unknown }).patch), false, why);
  });

  it('clips a card built from a 100,000-character attribute so that its model still passes', async () => {
    const dir = writeTree({ 'a.md': `### REQ-1: Pay\n\n- Owner: ${'支付'.repeat(50_000)}\n` });
    const model = buildBoardModel(await indexTree(dir), false);
    assert.equal(model.cards[0].owner?.length, MAX_CARD_TEXT);
    assert.ok(isBoardModel(sent(model)));
  });
});
