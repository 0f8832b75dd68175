import * as assert from 'node:assert/strict';
import { buildColumns, checkMove, filterCards } from '../../src/webview/boardColumns';
import { EMPTY_FILTERS, parseBoardMessage, parseBoardState, type BoardCard, type BoardModel } from '../../src/shared/protocol';

const card = (id: string, extra: Partial<BoardCard> = {}): BoardCard => ({
  id, title: `Title of ${id}`, path: 'file:///w/docs/prd.md', line: 1, form: 'heading', doc: 'Checkout', docPath: 'docs/prd.md',
  problems: [], problemCount: 0, codeReferences: 0, ...extra,
});

const model = (cards: BoardCard[]): BoardModel => ({
  cards, statuses: ['proposed', 'approved', 'in-progress', 'done', 'verified', 'rejected', 'deferred'], closedStatuses: ['rejected', 'deferred'],
  priorities: ['P0', 'P1', 'P2', 'P3'], stages: ['concept', 'productization'], transitions: { done: ['in-progress'] }, indexing: false,
});

describe('board columns', () => {
  const cards = [
    card('REQ-2', { status: 'approved', priority: 'P1' }),
    card('REQ-10', { status: 'approved', priority: 'P0' }),
    card('REQ-3', { status: 'doing' }),
    card('REQ-4', { status: 'deferred', release: '2.1', docRelease: '2.0' }),
    card('REQ-5', { docRelease: '2.0', title: '统一收银台' }),
  ];
  const m = model(cards);

  it('puts configured statuses first, unknown values next and closed statuses last, with a column for cards without one', () => {
    const columns = buildColumns(m, cards, 'status');
    assert.deepEqual(columns.map((c) => c.value), ['proposed', 'approved', 'in-progress', 'done', 'verified', 'doing', 'rejected', 'deferred', '']);
    assert.deepEqual(columns.filter((c) => c.collapsedByDefault).map((c) => c.value), ['rejected', 'deferred']);
    assert.equal(columns.find((c) => c.value === 'doing')?.droppable, false, 'no move into a value the schema rejects');
  });

  it('sorts cards by priority, then by ID with numbers in numeric order', () => {
    assert.deepEqual(buildColumns(m, cards, 'status')[1].cards.map((c) => c.id), ['REQ-10', 'REQ-2']);
  });

  it('groups by release with a requirement inheriting its document release', () => {
    const columns = buildColumns(m, cards, 'release');
    assert.deepEqual(columns.map((c) => [c.value, c.cards.map((x) => x.id)]), [['2.0', ['REQ-5']], ['2.1', ['REQ-4']], ['', ['REQ-10', 'REQ-2', 'REQ-3']]]);
  });

  it('filters by free text in the ID or the title, Chinese included', () => {
    assert.deepEqual(filterCards(cards, { ...EMPTY_FILTERS, text: '收银' }).map((c) => c.id), ['REQ-5']);
    assert.deepEqual(filterCards(cards, { ...EMPTY_FILTERS, text: 'req-1' }).map((c) => c.id), ['REQ-10']);
    assert.deepEqual(filterCards(cards, { ...EMPTY_FILTERS, release: '2.0' }).map((c) => c.id), ['REQ-5']);
  });

  it('offers only moves the transition rules allow', () => {
    const columns = buildColumns(m, cards, 'status');
    const done = columns.find((c) => c.value === 'done')!;
    assert.deepEqual(checkMove(m, cards[0], 'status', done), { ok: false, reason: 'transition', allowedFrom: ['in-progress'] });
    assert.deepEqual(checkMove(m, card('REQ-9', { status: 'in-progress' }), 'status', done), { ok: true });
    assert.equal(checkMove(m, cards[0], 'stage', buildColumns(m, cards, 'stage')[0]).ok, false, 'stage belongs to the document');
  });
});

describe('board messages and state', () => {
  it('accepts a well-formed move and rejects malformed ones', () => {
    const move = { type: 'move', id: 'REQ-1', path: 'file:///a.md', line: 3, key: 'status', from: null, to: 'done' };
    assert.deepEqual(parseBoardMessage(move), move);
    for (const bad of [{ ...move, id: 'req-1' }, { ...move, key: 'title' }, { ...move, line: 1.5 }, { ...move, to: '' }, { ...move, to: 'a\nb' }, { ...move, from: 3 }, { type: 'nope' }, null]) {
      assert.equal(parseBoardMessage(bad), undefined, JSON.stringify(bad));
    }
  });

  it('restores saved state and replaces anything malformed with defaults', () => {
    assert.deepEqual(parseBoardState({ groupBy: 'owner', filters: { text: 'x', doc: 3 }, collapsed: ['status:done', 4] }),
      { groupBy: 'owner', filters: { ...EMPTY_FILTERS, text: 'x' }, collapsed: ['status:done'] });
    assert.equal(parseBoardState({ groupBy: 'evil' }).groupBy, 'status');
  });
});
