import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { prd } from './helpers/docs';
import { removeTrees, runCliIn, writeTree } from './helpers/tree';

function workspace(): string {
  return writeTree({
    'docs/prd.md': prd([
      '### REQ-1: Guest checkout, fast',
      '- Priority: P0',
      '- Status: done',
      '- Owner: =cmd|calc',
      '',
      '| 需求编号 | 需求名称 | 优先级 | 状态 |',
      '|---|---|---|---|',
      '| REQ-2 | 统一收银台 "新" | P1 | approved |',
    ].join('\n'), { release: '"2.0"' }),
    'src/pay.ts': '\n// REQ-1\n',
    'src/refund.py': '# REQ-1\n',
  });
}

describe('specboard export csv', () => {
  after(removeTrees);

  it('prints ID, title, status, priority, release, owner, document and code references for each requirement', async () => {
    const dir = workspace();
    const run = await runCliIn(dir, ['export', 'csv']);
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trimEnd().split('\r\n');
    assert.equal(lines[0], 'ID,Title,Status,Priority,Release,Owner,Document,References');
    assert.equal(lines[1], `REQ-1,"Guest checkout, fast",done,P0,2.0,'=cmd|calc,docs/prd.md,src/pay.ts:2; src/refund.py:1`);
    assert.equal(lines[2], 'REQ-2,"统一收银台 ""新""",approved,P1,2.0,,docs/prd.md,');
  });

  it('writes a file with a byte-order mark so spreadsheets read Chinese as UTF-8', async () => {
    const dir = workspace();
    const run = await runCliIn(dir, ['export', 'csv', 'docs', '--out', 'out/reqs.csv']);
    assert.equal(run.code, 0, run.stderr);
    const bytes = fs.readFileSync(path.join(dir, 'out/reqs.csv'));
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.ok(bytes.toString('utf8').includes('统一收银台'));
  });

  it('refuses an --out that is a folder, exit 2, in the chosen language', async () => {
    const dir = workspace();
    const run = await runCliIn(dir, ['export', 'csv', '--out', 'docs']);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, "Cannot write 'docs': it is a folder. Name a file instead.\n");
    const zh = await runCliIn(dir, ['export', 'csv', '--out', 'docs', '--lang', 'zh-cn']);
    assert.equal(zh.stderr, "无法写入 'docs'：这是一个目录。请指定文件。\n");
    assert.ok(fs.statSync(path.join(dir, 'docs')).isDirectory());
  });

  (fs.existsSync('/dev/null') ? it : it.skip)('refuses an --out below a file, and writes to /dev/null itself', async () => {
    const dir = workspace();
    const run = await runCliIn(dir, ['export', 'csv', '--out', '/dev/null/reqs.csv']);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, "Cannot write '/dev/null/reqs.csv': '/dev/null' is not a folder.\n");
    assert.equal((await runCliIn(dir, ['export', 'csv', '--out', '/dev/null'])).code, 0);
  });
});
