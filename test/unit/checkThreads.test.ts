import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { workerCount } from '../../src/cli/workerParses';
import { brd, prd } from './helpers/docs';
import { removeTrees, runCliIn, writeTree } from './helpers/tree';

/** The repository root: this file runs bundled from out/test/unit. */
const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');

/**
 * A workspace big enough for worker threads, with every kind of file the index treats apart:
 * docs with problems of their own (bad status, front matter that is no YAML, a duplicate ID across
 * files, a broken trace), sources citing known and unknown IDs, and files that are skipped (binary,
 * not UTF-8, over maxFileSize, a named pipe, a link that loops, a file nobody may read).
 */
function bigWorkspace(): string {
  const files: Record<string, string | Buffer> = { '.specboard/config.json': JSON.stringify({ prefixes: ['REQ', 'BR'], maxFileSize: 60_000 }) };
  for (let d = 0; d < 200; d++) {
    const reqs = Array.from({ length: 5 }, (_, r) => {
      const id = `REQ-${d * 5 + r + 1}`;
      const status = (d * 5 + r) % 37 === 0 ? 'blocked' : 'approved';
      return `### ${id}: Feature ${d}.${r}\n- Priority: P${r % 3}\n- Status: ${status}\n- Traces: BR-${(d % 40) + 1}${d % 53 === 0 ? ', BR-999' : ''}\n\nSee REQ-${(d * 7) % 1000 + 1} and REQ-${d + 2000}.\n`;
    }).join('\n');
    files[`docs/product-${d % 17}/prd-${d}.md`] = prd(reqs, { id: `PRD-${d}` });
  }
  files['docs/brd.md'] = brd(Array.from({ length: 40 }, (_, i) => `### BR-${i + 1}: Need ${i}\n- Priority: P1\n- Status: approved\n`).join('\n'), { id: 'BRD-1' });
  files['docs/dup.md'] = prd('### REQ-7: Defined twice\n- Priority: P1\n- Status: approved\n', { id: 'PRD-DUP' });
  files['docs/bad-yaml.md'] = '---\ntype: prd\ntitle: "unclosed\n---\n# Broken\n\nREQ-3\n';
  files['docs/table.md'] = prd('| ID | Title | Priority | Status |\n|---|---|---|---|\n| REQ-5000 | Table row | P1 | approved |\n| REQ-5001 | Other | P9 | done |\n', { id: 'PRD-TABLE' });
  for (let s = 0; s < 400; s++) {
    files[`src/mod-${s % 23}/file-${s}.ts`] = `// Implements REQ-${(s * 3) % 1000 + 1}\nexport const f${s} = 'REQ-${s % 2 ? s + 1 : 90000 + s}';\n// BR-${(s % 40) + 1}\n`;
  }
  files['src/binary.ts'] = Buffer.from([0x2f, 0x2f, 0x20, 0, 1, 2, 3, 0, 0x52, 0x45, 0x51]);
  files['src/latin1.ts'] = Buffer.from([0x2f, 0x2f, 0x20, 0xe9, 0xe8, 0x20, 0x52, 0x45, 0x51, 0x2d, 0x31, 0x0a]);
  files['src/huge.ts'] = `// REQ-1\n${'x'.repeat(70_000)}\n`;
  files['docs/huge.md'] = prd(`### REQ-9999: Large\n${'word '.repeat(14_000)}\n`, { id: 'PRD-HUGE' });
  files['src/secret.ts'] = '// REQ-2\n';
  const dir = writeTree(files);
  spawnSync('mkfifo', [path.join(dir, 'docs/pipe.md')]);
  symlinkSync('loop.ts', path.join(dir, 'src/loop.ts'));
  chmodSync(path.join(dir, 'src/secret.ts'), 0o000);
  return dir;
}

function cli(cwd: string, args: string[]) {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('check on worker threads', function () {
  this.timeout(120_000);
  let dir = '';

  before(() => {
    if (!existsSync(CLI) || !existsSync(path.join(ROOT, 'dist/checkWorker.js'))) {
      const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(build.status, 0, build.stderr);
    }
    dir = bigWorkspace();
  });
  after(removeTrees);

  it('parses on worker threads when asked, and says so in the log', () => {
    const run = cli(dir, ['check', '--threads', '3', '--verbose']);
    const parsed = /Parsed (\d+) files on worker threads/.exec(run.stderr);
    assert.ok(parsed && Number(parsed[1]) > 100, run.stderr.split('\n').filter((l) => !l.startsWith('[warn]')).join('\n'));
    assert.match(run.stderr, /Parsing \d+ files on 2 worker thread\(s\)/);
  });

  it('reports byte for byte what one thread reports, in text, JSON and SARIF, with the same exit code, in English and Chinese', () => {
    for (const format of ['text', 'json', 'sarif']) {
      for (const lang of ['en', 'zh-cn']) {
        const one = cli(dir, ['check', '--format', format, '--lang', lang, '--threads', '1']);
        assert.equal(one.code, 1, `${format}: the fixture has errors; ${one.stderr}`);
        for (const threads of format === 'json' && lang === 'en' ? ['2', '3', 'auto'] : ['3']) {
          const many = cli(dir, ['check', '--format', format, '--lang', lang, '--threads', threads]);
          assert.equal(many.stdout, one.stdout, `${format}, ${lang}, --threads ${threads}`);
          assert.equal(many.stderr, one.stderr, `${format}, ${lang}, --threads ${threads}: stderr`);
          assert.equal(many.code, one.code);
        }
      }
    }
  });

  it('reports the same for a sub-folder target, whose references resolve against the whole workspace', () => {
    const one = cli(dir, ['check', 'src', '--format', 'json', '--threads', '1']);
    const many = cli(dir, ['check', 'src', '--format', 'json', '--threads', '3']);
    assert.equal(many.stdout, one.stdout);
    assert.equal(many.code, one.code);
  });

  it('refuses a --threads that is no positive number, and takes auto', async () => {
    const tiny = writeTree({ 'docs/prd.md': prd('### REQ-1 Pay\n- Priority: P0\n- Status: done\n'), 'src/a.ts': '// REQ-1\n' });
    for (const bad of ['0', '-1', 'two', '1.5']) {
      const run = await runCliIn(tiny, ['check', `--threads=${bad}`]);
      assert.equal(run.code, 2, bad);
      assert.match(run.stderr, /Option '--threads' must be one of auto, 1, 2, 3…/);
    }
    assert.equal((await runCliIn(tiny, ['check', '--threads', 'auto'])).code, 0);
  });

  it('starts no worker below 500 files or on two cores, else one per core beyond this one, at most four', () => {
    assert.equal(workerCount('auto', 499, 8), 0);
    assert.equal(workerCount('auto', 100_000, 2), 0);
    assert.equal(workerCount('auto', 100_000, 3), 2);
    assert.equal(workerCount('auto', 1_200, 8), 2, 'one per 500 files');
    assert.equal(workerCount('auto', 100_000, 64), 4);
    assert.equal(workerCount(4, 10, 2), 3, 'as asked, whatever the files and cores');
    assert.equal(workerCount(1, 100_000, 8), 0);
  });
});
