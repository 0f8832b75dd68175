import * as assert from 'node:assert/strict';
import { designDoc, prd } from './helpers/docs';
import { removeTrees, runCliIn, writeTree } from './helpers/tree';

/** A small workspace with one error in a doc and one warning in code. */
function workspace(): string {
  return writeTree({
    '.specboard/config.json': '{ "prefixes": ["REQ"] }',
    'docs/prd.md': prd('### REQ-1 Pay\n- Priority: P0\n- Status: blocked\n'),
    'docs/notes.md': 'Mentions REQ-1.\n',
    'src/pay.ts': '// REQ-1\n// REQ-77 planned\n',
  });
}

describe('specboard check', () => {
  after(removeTrees);

  it('exits 0 and prints a clean summary for a workspace without problems', async () => {
    const dir = writeTree({ 'docs/prd.md': prd('### REQ-1 Pay\n- Priority: P0\n- Status: done\n'), 'src/a.ts': '// REQ-1\n' });
    const run = await runCliIn(dir, ['check']);
    assert.equal(run.code, 0);
    assert.equal(run.stdout, '✔ No problems in 2 files (1 document, 1 requirement, 1 reference).\n');
    assert.equal(run.stderr, '');
  });

  it('exits 0 when there are only warnings', async () => {
    const dir = writeTree({ 'docs/prd.md': prd('### REQ-1 Pay\n- Priority: P0\n- Status: done\n'), 'src/a.ts': '// REQ-2\n' });
    const run = await runCliIn(dir, ['check']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^src\/a\.ts:1:4: warning unknown-id REQ-2 is not defined in any document\. Did you mean REQ-1\?$/m);
  });

  it('exits 1 and prints file:line:col: severity code message, relative and 1-based, sorted, then a summary', async () => {
    const dir = workspace();
    const run = await runCliIn(dir, ['check']);
    assert.equal(run.code, 1);
    const lines = run.stdout.trimEnd().split('\n');
    assert.deepEqual(lines, [
      "docs/prd.md:21:11: error invalid-value status 'blocked' of REQ-1 is not one of proposed, approved, in-progress, done, verified, rejected, deferred",
      'src/pay.ts:2:4: warning unknown-id REQ-77 is not defined in any document. Did you mean REQ-1?',
      '✖ 1 error and 1 warning in 3 files (1 document, 1 requirement, 3 references).',
    ]);
  });

  it('prints paths relative to the current folder when run from a sub-folder', async () => {
    const dir = workspace();
    const run = await runCliIn(`${dir}/docs`, ['check', '.']);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^prd\.md:21:11: error invalid-value /m);
    assert.doesNotMatch(run.stdout, /pay\.ts/, 'only the checked folder is reported');
  });

  it('checks only the given file but resolves IDs defined elsewhere in the workspace, and counts what it checked', async () => {
    const dir = workspace();
    const run = await runCliIn(dir, ['check', 'docs/notes.md']);
    assert.equal(run.code, 0);
    assert.doesNotMatch(run.stdout, /prd\.md/);
    assert.equal(run.stdout, '✔ No problems in 1 file (0 documents, 0 requirements, 1 reference).\n');
    const folder = await runCliIn(dir, ['check', 'docs', '--lang', 'zh-cn']);
    assert.match(folder.stdout, /✖ 2 个文件中有 1 个错误、0 个警告（1 个文档，1 条需求，1 处引用）。\n$/);
  });

  it('writes JSON with version, diagnostics and summary', async () => {
    const run = await runCliIn(workspace(), ['check', '--format', 'json']);
    assert.equal(run.code, 1);
    const out = JSON.parse(run.stdout) as { version: number; diagnostics: Record<string, unknown>[]; summary: Record<string, number> };
    assert.equal(out.version, 1);
    assert.deepEqual(out.diagnostics[0], {
      file: 'docs/prd.md', line: 21, column: 11, endLine: 21, endColumn: 18, severity: 'error', code: 'invalid-value',
      message: "status 'blocked' of REQ-1 is not one of proposed, approved, in-progress, done, verified, rejected, deferred",
    });
    assert.deepEqual(Object.keys(out.diagnostics[1]), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']);
    assert.deepEqual(out.summary, { files: 3, documents: 1, requirements: 1, references: 3, errors: 1, warnings: 1 });
  });

  it('writes SARIF 2.1.0 with the specboard driver, rule IDs and regions', async () => {
    const run = await runCliIn(workspace(), ['check', '--format=sarif']);
    assert.equal(run.code, 1);
    const sarif = JSON.parse(run.stdout);
    assert.equal(sarif.version, '2.1.0');
    const [runObj] = sarif.runs;
    assert.equal(runObj.tool.driver.name, 'specboard');
    const ids = runObj.tool.driver.rules.map((r: { id: string }) => r.id);
    assert.deepEqual(runObj.results.map((r: { ruleId: string; level: string }) => [r.ruleId, r.level]), [['invalid-value', 'error'], ['unknown-id', 'warning']]);
    assert.deepEqual(runObj.results.map((r: { ruleId: string; ruleIndex: number }) => ids[r.ruleIndex]), ['invalid-value', 'unknown-id']);
    const loc = runObj.results[0].locations[0].physicalLocation;
    assert.equal(loc.artifactLocation.uri, 'docs/prd.md');
    assert.deepEqual(loc.region, { startLine: 21, startColumn: 11, endLine: 21, endColumn: 18 });
  });

  it('writes an empty SARIF result list for a clean workspace', async () => {
    const dir = writeTree({ 'a.md': '# nothing\n' });
    const run = await runCliIn(dir, ['check', '--format', 'sarif']);
    assert.equal(run.code, 0);
    assert.deepEqual(JSON.parse(run.stdout).runs[0].results, []);
  });

  it('counts a requirement listed in another document\'s table once, as the index and the status bar do', async () => {
    const dir = writeTree({
      'docs/prd.md': prd('### REQ-CNT-001: Counted once\n- Priority: P1\n- Status: approved\n', { id: 'PRD-CNT' }),
      'docs/plan.md': '---\ntype: dev-plan\nid: DP-CNT\ntitle: Plan\nstage: productization\nstatus: draft\nowner: A\n---\n# Plan\n\n| ID | Title |\n| --- | --- |\n| REQ-CNT-001 | Counted once |\n',
    });
    const summary = async (args: string[]) => (JSON.parse((await runCliIn(dir, ['check', ...args, '--format', 'json'])).stdout) as { summary: { requirements: number } }).summary.requirements;
    assert.deepEqual([await summary([]), await summary(['docs']), await summary(['docs/prd.md']), await summary(['docs/plan.md'])], [1, 1, 1, 0]);
  });

  it('checks several paths at once', async () => {
    const dir = writeTree({ 'a/x.md': designDoc('', { status: 'bad' }), 'b/y.md': designDoc('', { status: 'worse' }), 'c/z.md': designDoc('', { status: 'worst' }) });
    const run = await runCliIn(dir, ['check', 'a', 'b/y.md', '--format', 'json']);
    const files = new Set((JSON.parse(run.stdout).diagnostics as { file: string }[]).map((d) => d.file));
    assert.deepEqual([...files].sort(), ['a/x.md', 'b/y.md']);
  });

  const usage: [string, string[], RegExp][] = [
    ['an unknown command', ['lint'], /Unknown command 'lint'/],
    ['an unknown option', ['check', '--strict'], /Unknown option '--strict' for 'check'/],
    ['a bad --format', ['check', '--format', 'xml'], /'--format' must be one of text, json, sarif, not 'xml'/],
    ['a --format without value', ['check', '--format'], /Option '--format' needs a value/],
    ['a missing path', ['check', 'no/such/dir'], /No such file or folder: 'no\/such\/dir'/],
    ['a bad trace format', ['trace', '--format', 'sarif'], /'--format' must be one of json, csv, md/],
    ['an option of another command', ['check', '--out', 'x.csv'], /Unknown option '--out' for 'check'/],
    ['--fix outside check', ['trace', '--fix'], /Unknown option '--fix' for 'trace'/],
    ['help on an unknown command', ['help', 'lint'], /Unknown command 'lint'/],
  ];
  for (const [name, argv, stderr] of usage) {
    it(`exits 2 with a message on stderr for ${name}`, async () => {
      const run = await runCliIn(writeTree({ 'a.md': '# a\n' }), argv);
      assert.equal(run.code, 2);
      assert.match(run.stderr, stderr);
      assert.equal(run.stdout, '');
    });
  }

  it('prints usage and exits 2 without a command, 0 with --help', async () => {
    const dir = writeTree({});
    const none = await runCliIn(dir, []);
    assert.equal(none.code, 2);
    assert.match(none.stdout, /^Usage: specboard <command>/);
    const help = await runCliIn(dir, ['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Exit codes: 0 no errors, 1 errors found, 2 usage or configuration error\./);
  });

  it('prints the help of one command with <command> --help, -h or help <command>, in the chosen language', async () => {
    const dir = writeTree({});
    for (const [command, options] of [['check', ['--format text|json|sarif', '--fix']], ['trace', ['--format json|csv|md']], ['export', ['--out <dir|file>']], ['mcp', ['--root <dir>', '--allow-write']]] as const) {
      const pages = await Promise.all([[command, '--help'], [command, '-h'], ['help', command]].map((argv) => runCliIn(dir, argv)));
      for (const page of pages) {
        assert.equal(page.code, 0);
        assert.equal(page.stdout, pages[0].stdout, 'the three spellings print the same page');
      }
      assert.match(pages[0].stdout, new RegExp(`^Usage: specboard ${command} `));
      for (const option of options) assert.ok(pages[0].stdout.includes(option), `${command} --help names ${option}`);
      assert.match(pages[0].stdout, /Exit codes: 0 /);
      assert.ok(!pages[0].stdout.includes('Commands:'), 'only this command, not the whole list');
      const zh = await runCliIn(dir, [command, '--help', '--lang', 'zh-cn']);
      assert.match(zh.stdout, new RegExp(`^用法：specboard ${command} `));
      assert.match(zh.stdout, /退出码：0 /);
    }
  });

  it('prints the version with -v, the short form of --version (the value is checked in version.test.ts)', async () => {
    const run = await runCliIn(writeTree({}), ['-v']);
    assert.deepEqual([run.code, run.stdout], [0, (await runCliIn(writeTree({}), ['--version'])).stdout]);
  });
});
