import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { runCliIn } from './helpers/tree';

/** The repository root: this file runs bundled from out/test/unit. */
const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');

interface CheckJson {
  diagnostics: { file: string; line: number; severity: string; code: string; message: string }[];
  summary: { errors: number; warnings: number; documents: number };
}

/** The problems examples/README.md says were planted, as [file, severity, code, message fragment]. */
const PLANTED: [string, string, string, string][] = [
  ['examples/docs/shop/design.md', 'error', 'unknown-id', 'REQ-CHK-099'],
  ['examples/docs/shop/prd-checkout.md', 'error', 'invalid-value', "status 'blocked' of REQ-CHK-006"],
  ['examples/docs/shop/prd-checkout.md', 'error', 'missing-field', "REQ-CHK-009 is missing 'priority'"],
  ['examples/docs/shop/prd-loyalty.md', 'error', 'missing-section', 'Competitive analysis'],
  ['examples/src/payments/gateway.py', 'warning', 'unknown-id', 'REQ-PAY-999'],
];

function assertPlanted(out: CheckJson): void {
  assert.equal(out.diagnostics.length, PLANTED.length, out.diagnostics.map((d) => `${d.file}:${d.line} ${d.code} ${d.message}`).join('\n'));
  for (const [file, severity, code, fragment] of PLANTED) {
    const hit = out.diagnostics.find((d) => d.file === file && d.code === code && d.message.includes(fragment));
    assert.ok(hit, `expected ${code} in ${file} mentioning ${fragment}`);
    assert.equal(hit.severity, severity);
  }
  assert.deepEqual([out.summary.errors, out.summary.warnings], [4, 1]);
}

describe('the example workspace', () => {
  before(function () {
    if (existsSync(CLI)) return;
    this.timeout(120_000);
    const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
  });

  it('runs through the built bin: node dist/cli.js check examples exits 1 with exactly the planted problems', function () {
    this.timeout(60_000);
    const run = spawnSync(process.execPath, [CLI, 'check', 'examples', '--format', 'json'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
    assert.equal(run.status, 1, run.stderr);
    assertPlanted(JSON.parse(run.stdout) as CheckJson);
  });

  it('reports the same planted problems in-process', async () => {
    const run = await runCliIn(ROOT, ['check', 'examples', '--format', 'json']);
    assert.equal(run.code, 1);
    assertPlanted(JSON.parse(run.stdout) as CheckJson);
  });

  it('never flags the look-alikes UTF-8, SHA-256, ISO-8601 or PCI-DSS', async () => {
    const run = await runCliIn(ROOT, ['check', 'examples']);
    assert.doesNotMatch(run.stdout, /UTF-8|SHA-256|ISO-8601|PCI-DSS/);
  });

  it('traces business requirements down to product requirements and code in both languages', async () => {
    const run = await runCliIn(ROOT, ['trace', 'examples']);
    assert.equal(run.code, 0);
    const reqs = new Map((JSON.parse(run.stdout).requirements as { id: string; traces: string[]; downstream: string[]; references: { kind: string }[]; docType: string }[]).map((r) => [r.id, r]));
    assert.ok(reqs.get('BR-001')?.downstream.includes('REQ-CHK-001'));
    assert.ok(reqs.get('REQ-CHK-001')?.traces.includes('BR-001'));
    assert.ok(reqs.get('REQ-CHK-001')?.references.some((r) => r.kind === 'code'));
    assert.equal(reqs.get('REQ-PAY-001')?.docType, 'prd');
    assert.ok(reqs.get('REQ-PAY-001')?.references.some((r) => r.kind === 'code'));
    assert.ok(!reqs.has('UTF-8') && !reqs.has('SHA-256'));
  });

  it('prints the Chinese messages for the same problems with --lang zh-cn', async () => {
    const run = await runCliIn(ROOT, ['check', 'examples', '--lang', 'zh-cn']);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /prd-loyalty\.md:\d+:1: error missing-section PRD缺少章节 '竞品分析'/);
  });
});
