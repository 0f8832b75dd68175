import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { createSpecboard, type Specboard } from '../../src/core';
import { NodeWorkspace } from '../../src/cli/nodeWorkspace';
import { prd } from './helpers/docs';
import { pathIn, removeTrees, writeFile, writeTree } from './helpers/tree';

const BUILD = '1.2.3';
/** An hour ago: a file stat'ed long after its last change is trusted by its stat alone. */
const PAST = Date.now() / 1000 - 3600;

function requirement(n: number, extra = ''): string {
  return `### REQ-SNP-${String(n).padStart(3, '0')}: Feature ${n}\n\n- Priority: P1\n- Status: draft\n\nThe shopper can do thing ${n}.${extra}\n`;
}

/** A workspace of two PRDs and a source file citing them (one ID unknown), all changed an hour ago. */
function workspace(): string {
  const dir = writeTree({
    'docs/a.md': prd(`${requirement(1)}\n${requirement(2)}`, { id: 'PRD-A' }),
    'docs/b.md': prd(`${requirement(3)}\nSee REQ-SNP-001 and REQ-SNP-099.\n`, { id: 'PRD-B' }),
    'src/pay.ts': '// implements REQ-SNP-002\nexport const x = 1;\n',
  });
  for (const rel of ['docs/a.md', 'docs/b.md', 'src/pay.ts']) age(dir, rel);
  return dir;
}

function age(dir: string, rel: string, seconds = 0): void {
  fs.utimesSync(path.join(dir, rel), PAST + seconds, PAST + seconds);
}

function core(dir: string): Specboard {
  return createSpecboard({ workspace: new NodeWorkspace([dir]) });
}

/** Indexes `dir`, saves its snapshot to a real file and reads it back, as a closing and reopening window would. */
async function saved(dir: string): Promise<{ bytes: Uint8Array; first: Specboard }> {
  const first = core(dir);
  await first.indexAll();
  const file = path.join(dir, '..', `${path.basename(dir)}.snapshot`);
  fs.writeFileSync(file, await first.snapshot(BUILD));
  const bytes = new Uint8Array(fs.readFileSync(file));
  fs.rmSync(file);
  return { bytes, first };
}

function ids(board: Specboard): string[] {
  return [...board.index.entries()].flatMap((e) => e.parsed.requirements.map((d) => d.id)).sort();
}

describe('the saved index (warm start)', () => {
  after(removeTrees);

  it('restores the same files, requirements, references and diagnostics, and finds nothing to re-read', async () => {
    const dir = workspace();
    const { bytes, first } = await saved(dir);
    const second = core(dir);
    const restored = await second.restore(bytes, BUILD);
    assert.equal(restored.problem, undefined);
    assert.deepEqual(second.stats(), first.stats());
    assert.deepEqual(ids(second), ['REQ-SNP-001', 'REQ-SNP-002', 'REQ-SNP-003']);
    assert.deepEqual(second.allDiagnostics(), first.allDiagnostics());
    assert.ok(second.allDiagnostics().some((d) => d.message.includes('REQ-SNP-099')), 'the unknown ID is reported from the restored index');
    assert.equal(second.index.references('REQ-SNP-002').length, first.index.references('REQ-SNP-002').length);
    const checked = await second.revalidate();
    assert.deepEqual({ reread: checked.reread, added: checked.added, removed: checked.removed, affected: checked.affected.size }, { reread: 0, added: 0, removed: 0, affected: 0 });
  });

  it('re-reads a file whose size or mtime changed, and reports the files it affects', async () => {
    const dir = workspace();
    const { bytes } = await saved(dir);
    writeFile(dir, 'docs/a.md', prd(`${requirement(1)}\n${requirement(2)}\n${requirement(4)}`, { id: 'PRD-A' }));
    age(dir, 'docs/a.md', 60);
    const second = core(dir);
    await second.restore(bytes, BUILD);
    assert.ok(!ids(second).includes('REQ-SNP-004'), 'served from the snapshot until checked');
    const checked = await second.revalidate();
    assert.equal(checked.reread, 1);
    assert.ok(checked.affected.has(pathIn(dir, 'docs/a.md')));
    assert.ok(ids(second).includes('REQ-SNP-004'));
  });

  it('drops a file deleted since, with its requirements and the references to them', async () => {
    const dir = workspace();
    const { bytes } = await saved(dir);
    fs.rmSync(path.join(dir, 'docs/a.md'));
    const second = core(dir);
    await second.restore(bytes, BUILD);
    const checked = await second.revalidate();
    assert.equal(checked.removed, 1);
    assert.deepEqual(ids(second), ['REQ-SNP-003']);
    assert.ok(second.allDiagnostics().some((d) => d.message.includes('REQ-SNP-001')), 'b.md now cites an unknown ID');
  });

  it('adds a file created since', async () => {
    const dir = workspace();
    const { bytes } = await saved(dir);
    writeFile(dir, 'docs/c.md', prd(requirement(5), { id: 'PRD-C' }));
    const second = core(dir);
    await second.restore(bytes, BUILD);
    const checked = await second.revalidate();
    assert.equal(checked.added, 1);
    assert.ok(ids(second).includes('REQ-SNP-005'));
  });

  it('re-reads a file whose stat was taken too soon after its last change to trust (racily clean)', async () => {
    const dir = workspace();
    writeFile(dir, 'docs/a.md', prd(requirement(1), { id: 'PRD-A' })); // Changed just now, read right after.
    const { bytes } = await saved(dir);
    const second = core(dir);
    await second.restore(bytes, BUILD);
    const checked = await second.revalidate();
    assert.equal(checked.reread, 1);
    assert.equal(checked.affected.size, 0, 'the same text: nothing to report');
  });

  it('leaves out a file an editor holds unsaved text for: the next window reads it from the disk', async () => {
    const dir = workspace();
    const first = core(dir);
    await first.indexAll();
    first.updateText(pathIn(dir, 'docs/b.md'), prd(requirement(7), { id: 'PRD-B' }));
    const second = core(dir);
    await second.restore(await first.snapshot(BUILD), BUILD);
    assert.ok(!ids(second).includes('REQ-SNP-007'), 'unsaved text is not saved');
    assert.equal((await second.revalidate()).added, 1);
    assert.deepEqual(ids(second), ['REQ-SNP-001', 'REQ-SNP-002', 'REQ-SNP-003']);
  });

  describe('is ignored, never trusted in part', () => {
    it('when truncated, damaged or not gzip at all', async () => {
      const dir = workspace();
      const { bytes } = await saved(dir);
      const flipped = bytes.slice();
      flipped[Math.floor(flipped.length / 2)] ^= 0xff;
      for (const [what, damaged] of [['truncated', bytes.slice(0, bytes.length - 20)], ['a flipped byte', flipped], ['text', new TextEncoder().encode('hello')], ['empty', new Uint8Array()]] as const) {
        const second = core(dir);
        assert.equal((await second.restore(damaged, BUILD)).problem, 'corrupt', what);
        assert.equal(second.stats().files, 0, `${what}: nothing restored`);
      }
    });

    it('when it is well-formed gzip of lines that are not a snapshot, or lose their trailer', async () => {
      const dir = workspace();
      const { bytes } = await saved(dir);
      const text = new TextDecoder().decode(new Uint8Array(await new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer()));
      const lines = text.split('\n');
      const withoutTrailer = gzipSync(lines.slice(0, -2).join('\n'));
      assert.equal((await core(dir).restore(withoutTrailer, BUILD)).problem, 'corrupt');
      const lineLost = gzipSync([lines[0], ...lines.slice(2)].join('\n'));
      assert.equal((await core(dir).restore(lineLost, BUILD)).problem, 'corrupt');
      const badParse = gzipSync(text.replace('"lineCount":', '"lineCount":"x",'));
      assert.equal((await core(dir).restore(badParse, BUILD)).problem, 'corrupt');
      assert.equal((await core(dir).restore(gzipSync('{"format":"something-else"}\n'), BUILD)).problem, 'foreign');
      assert.equal((await core(dir).restore(gzipSync('[1,2,3]\n'), BUILD)).problem, 'foreign');
    });

    it('when another version of Specboard wrote it', async () => {
      const dir = workspace();
      const { bytes } = await saved(dir);
      const second = core(dir);
      assert.equal((await second.restore(bytes, '1.2.4')).problem, 'otherVersion');
      assert.equal(second.stats().files, 0);
    });

    it('when the config, the folders or the language changed since', async () => {
      const dir = workspace();
      const { bytes } = await saved(dir);
      assert.equal((await createSpecboard({ workspace: new NodeWorkspace([dir]), locale: 'zh-cn' }).restore(bytes, BUILD)).problem, 'otherSettings');
      const other = writeTree({});
      assert.equal((await createSpecboard({ workspace: new NodeWorkspace([dir, other]) }).restore(bytes, BUILD)).problem, 'otherSettings');
      writeFile(dir, '.specboard/config.json', JSON.stringify({ exclude: ['src/**'] }));
      assert.equal((await core(dir).restore(bytes, BUILD)).problem, 'otherSettings');
    });
  });
});
