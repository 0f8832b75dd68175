import * as assert from 'node:assert/strict';
import { diagnosticsOf, indexTree, pathIn, removeTrees, writeTree } from './helpers/tree';

const SPEC = (story: string, fr: string) => `# Spec\n\n## User Scenarios & Testing\n\n### User Story 1 - ${story} (Priority: P2)\n\n## Requirements\n\n- **FR-001**: ${fr}\n`;

/** spec-kit features and Kiro specs number their own requirements; other documents share the workspace. */
describe('ID scopes', () => {
  after(removeTrees);

  it('scopes spec-kit IDs to their feature folder: the same FR-001 in two features is no duplicate', async () => {
    const dir = writeTree({ 'specs/001-login/spec.md': SPEC('Sign in', 'log in'), 'specs/002-export/spec.md': SPEC('Export', 'export CSV') });
    const board = await indexTree(dir);
    assert.deepEqual(board.allDiagnostics(), []);
    assert.deepEqual(board.index.definitions('FR-001').map((d) => d.scope?.slice(dir.length + 1)), ['specs/001-login', 'specs/002-export']);
    assert.equal(board.trace().filter((r) => r.id === 'FR-001').length, 2, 'both are listed');
  });

  it('resolves a citation within its feature first, and from outside every feature to all of them', async () => {
    const dir = writeTree({
      'specs/001-login/spec.md': SPEC('Sign in', 'log in'), 'specs/002-export/spec.md': SPEC('Export', 'export CSV'),
      'specs/002-export/tasks.md': '# Tasks\n\n- [ ] T001 [US1] Build the exporter (FR-001)\n',
      'src/login.ts': '// implements FR-001\n',
    });
    const board = await indexTree(dir);
    const from = (rel: string, id: string) => board.index.resolve(id, pathIn(dir, rel)).map((d) => d.path.slice(dir.length + 1));
    assert.deepEqual(from('specs/002-export/tasks.md', 'FR-001'), ['specs/002-export/spec.md']);
    assert.deepEqual(from('specs/002-export/tasks.md', 'US1'), ['specs/002-export/spec.md']);
    assert.deepEqual(from('src/login.ts', 'FR-001'), ['specs/001-login/spec.md', 'specs/002-export/spec.md']);
    const exportFr = board.index.definitions('FR-001').find((d) => d.path.includes('002'))!;
    assert.deepEqual(board.index.references(exportFr).map((r) => r.path.slice(dir.length + 1)).sort(), ['specs/002-export/tasks.md', 'src/login.ts']);
  });

  it('keeps a real duplicate within one feature a duplicate', async () => {
    const dir = writeTree({ 'specs/001-login/spec.md': `${SPEC('Sign in', 'log in')}- **FR-001**: again\n` });
    const board = await indexTree(dir);
    assert.equal(diagnosticsOf(board, dir, 'specs/001-login/spec.md', 'duplicate-id').length, 2);
  });

  it('links spec-kit tasks to their stories, and reads a story written US-1 from tasks citing US1', async () => {
    const dir = writeTree({
      'specs/001-a/spec.md': '# Spec\n\n## User Scenarios & Testing\n\n### US-1: Browse (P0)\n',
      'specs/001-a/tasks.md': '# Tasks\n\n- [ ] T001 [P] [US1] Browse page\n',
    });
    const board = await indexTree(dir);
    const [def] = board.index.definitions('US-1');
    assert.equal(def.attributes.priority, 'P0');
    assert.deepEqual(board.index.references(def).map((r) => r.path.slice(dir.length + 1)), ['specs/001-a/tasks.md']);
  });

  it('numbers Kiro criteria within their requirement and resolves _Requirements:_ citations in the folder only', async () => {
    const req = '# Requirements\n\n## Requirements\n\n### Requirement 1: Upload\n\n#### Acceptance Criteria\n\n1. WHEN x THEN y SHALL z\n2. WHEN a THEN b SHALL c\n';
    const dir = writeTree({
      '.kiro/specs/upload/requirements.md': req,
      '.kiro/specs/upload/tasks.md': '- [ ] 1. Queue\n  - _Requirements: 1.1, 1.2_\n- [ ] 2. Retry\n  - _Requirements: 1.3_\n',
      '.kiro/specs/share/requirements.md': req,
    });
    const board = await indexTree(dir);
    const tasks = pathIn(dir, '.kiro/specs/upload/tasks.md');
    assert.deepEqual(board.index.resolve('1.2', tasks).map((d) => d.path.slice(dir.length + 1)), ['.kiro/specs/upload/requirements.md']);
    assert.deepEqual(diagnosticsOf(board, dir, '.kiro/specs/upload/tasks.md').map((d) => [d.code, d.data?.id]), [['unknown-id', '1.3']]);
    assert.deepEqual(diagnosticsOf(board, dir, '.kiro/specs/share/requirements.md'), [], 'the other spec numbers its own requirement 1');
  });

  it('follows the scope setting: workspace makes feature IDs shared, document scopes them to their file', async () => {
    const files = { 'specs/001-a/spec.md': SPEC('A', 'a'), 'specs/002-b/spec.md': SPEC('B', 'b') };
    const shared = await indexTree(writeTree({ ...files, '.specboard/config.json': '{ "scope": "workspace" }' }));
    assert.equal(shared.allDiagnostics().filter((d) => d.code === 'duplicate-id').length, 4, 'FR-001 and US1, twice each');
    const perDoc = await indexTree(writeTree({ 'a.md': '### REQ-1 A\n', 'b.md': '### REQ-1 B\n', '.specboard/config.json': '{ "scope": "document" }' }));
    assert.deepEqual(perDoc.allDiagnostics(), []);
  });

  it('rejects an unknown scope value with a config-error naming the option', async () => {
    const board = await indexTree(writeTree({ '.specboard/config.json': '{ "scope": "team" }' }));
    const [d] = board.allDiagnostics();
    assert.equal(d.code, 'config-error');
    assert.match(d.message, /scope/);
  });
});

describe('declared prefixes and structural IDs', () => {
  after(removeTrees);

  it('defines spec-kit stories and Kiro numbers whatever prefixes the workspace declares', async () => {
    const dir = writeTree({
      '.specboard/config.json': '{ "prefixes": ["REQ"] }',
      'specs/001-a/spec.md': SPEC('Browse', 'list items'),
      '.kiro/specs/b/requirements.md': '## Requirements\n\n### Requirement 1: Sync\n\n#### Acceptance Criteria\n\n1. WHEN x THEN y SHALL z\n',
    });
    const board = await indexTree(dir);
    // FR is the spec type's own prefix, so it defines too; REQ-only workspaces still read spec-kit features.
    assert.deepEqual(board.trace().map((r) => r.id).sort(), ['1', '1.1', 'FR-001', 'US1']);
  });
});
