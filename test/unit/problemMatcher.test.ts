import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { designDoc, prd } from './helpers/docs';
import { removeTrees, runCliIn, writeTree } from './helpers/tree';

interface Pattern { regexp: string; file: number; line: number; column: number; severity: number; code: number; message: number }

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { contributes: { problemMatchers: { name: string; owner: string; pattern: Pattern }[] } };

describe('the $specboard problem matcher', () => {
  after(removeTrees);

  const matcher = manifest.contributes.problemMatchers.find((m) => m.name === 'specboard')!;
  const pattern = matcher.pattern;
  const regexp = new RegExp(pattern.regexp);

  it('matches every problem line of specboard check, and takes file, position, severity, code and message from it', async () => {
    const dir = writeTree({
      'docs/my prd.md': prd('### REQ-1 Pay\n- Priority: P0\n- Status: blocked\n\nSee REQ-9: later.\n'),
      'src/a.ts': '// REQ-77\n',
      'c.md': '<!-- specboard-disable -->\n',
      '.specboard/config.json': '{"rules": {"unused-suppression": "info"}}',
    });
    const run = await runCliIn(dir, ['check']);
    const lines = run.stdout.trimEnd().split('\n');
    const problems = lines.slice(0, -1);
    assert.equal(problems.length, 4, run.stdout);
    const parsed = problems.map((l) => {
      const m = regexp.exec(l);
      assert.ok(m, l);
      return [m[pattern.file], m[pattern.line], m[pattern.column], m[pattern.severity], m[pattern.code], m[pattern.message]];
    });
    assert.deepEqual(parsed.map((p) => p.slice(0, 5)), [
      ['c.md', '1', '1', 'info', 'unused-suppression'],
      ['docs/my prd.md', '21', '11', 'error', 'invalid-value'],
      ['docs/my prd.md', '23', '5', 'error', 'unknown-id'],
      ['src/a.ts', '1', '4', 'warning', 'unknown-id'],
    ]);
    assert.equal(parsed[2][5], 'REQ-9 is not defined in any document. Did you mean REQ-1?');
    assert.equal(regexp.exec(lines[lines.length - 1]), null, 'the summary is no problem');
  });

  it('matches no note, summary or --fix line', async () => {
    const dir = writeTree({ 'a.md': designDoc('', { owner: undefined }), 'b.md': Buffer.from([0, 1, 0]).toString('latin1') });
    const run = await runCliIn(dir, ['check', '--fix']);
    const lines = run.stdout.trimEnd().split('\n');
    assert.ok(lines.some((l) => l.includes(': fixed missing-field ')), run.stdout);
    for (const l of lines) if (!/: (error|warning|info) /.test(l)) assert.equal(regexp.exec(l), null, l);
  });

  it('is named specboard (tasks say $specboard) and owns its problems apart from the extension\'s live diagnostics', () => {
    // The extension's DiagnosticCollection is named `specboard`, and VS Code keys markers by owner:
    // sharing it would let a task run and the live diagnostics clear each other's problems.
    assert.equal(matcher.owner, 'specboard-cli');
  });
});
