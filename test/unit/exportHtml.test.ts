import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { brd, prd } from './helpers/docs';
import { removeTrees, runCliIn, writeTree } from './helpers/tree';

const hasDevNull = fs.existsSync('/dev/null');
const hasProc = fs.existsSync('/proc/self');

// A 1×1 transparent PNG.
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

function workspace(): string {
  return writeTree({
    '.specboard/config.json': '{ "prefixes": ["REQ", "BR"] }',
    'docs/brd.md': brd('### BR-1: Grow\n- Priority: P0\n'),
    'docs/shop/prd.md': prd([
      '### REQ-1: Guest checkout',
      '- Priority: P0',
      '- Status: in-progress',
      '- Traces: BR-1',
      '',
      'See the [BRD](../brd.md#goals), REQ-2 and ![diagram](img/flow.png) ![remote](https://tracker.example/p.png).',
      '',
      '### REQ-2: <script>alert(1)</script>',
      '- Priority: P9',
      '- Status: done',
      '',
      '<img src=x onerror=alert(2)> [x](javascript:alert(3))',
    ].join('\n'), { title: '"Shop <b>checkout</b>"', release: '"2.0"' }),
    'docs/shop/img/flow.png': PIXEL,
    'src/pay.ts': '// REQ-1\n',
  });
}

describe('specboard export html', () => {
  after(removeTrees);

  it('writes one self-contained page per document plus an index, keeping the folder structure', async () => {
    const dir = workspace();
    const run = await runCliIn(dir, ['export', 'html', 'docs', '--out', 'site']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Wrote 3 files/);
    for (const f of ['site/index.html', 'site/docs/brd.html', 'site/docs/shop/prd.html']) assert.ok(fs.existsSync(path.join(dir, f)), f);
    const index = fs.readFileSync(path.join(dir, 'site/index.html'), 'utf8');
    assert.ok(index.includes('href="docs/shop/prd.html"') && index.includes('Shop &lt;b&gt;checkout&lt;/b&gt;'));
  });

  it('renders the same header card, badges and ID links as the preview, linking IDs across pages', async () => {
    const dir = workspace();
    await runCliIn(dir, ['export', 'html', 'docs', '--out', 'site']);
    const page = fs.readFileSync(path.join(dir, 'site/docs/shop/prd.html'), 'utf8');
    assert.match(page, /<header class="sb-header"/);
    assert.match(page, /sb-status sb-tone-active" data-status="in-progress"/);
    assert.match(page, /<a href="\.\.\/brd\.html#BR-1" class="sb-id" data-sb-id="BR-1">BR-1<\/a>/);
    assert.match(page, /<a href="#REQ-2" class="sb-id" data-sb-id="REQ-2">REQ-2<\/a>/);
    assert.match(page, /href="\.\.\/brd\.html#goals"/, 'a .md link points at the exported page');
    assert.match(page, /src\/pay\.ts<span class="sb-aside-line">:1</, 'the side panel lists code references');
    assert.match(page, /P9/);
  });

  it('makes no external requests: a strict CSP, no scripts, local images embedded and remote ones dropped', async () => {
    const dir = workspace();
    await runCliIn(dir, ['export', 'html', 'docs', '--out', 'site']);
    for (const file of ['site/index.html', 'site/docs/shop/prd.html', 'site/docs/brd.html']) {
      const page = fs.readFileSync(path.join(dir, file), 'utf8');
      assert.match(page, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[^']+'; img-src data:/);
      assert.ok(!/<script/i.test(page), `${file}: script element`);
      assert.ok(!/<link\b/i.test(page), `${file}: external stylesheet`);
      assert.ok(!/\s(src|href)="(https?:)?\/\//i.test(page.replace(/<a [^>]*>/g, '')), `${file}: a resource fetched from the network`);
    }
    const page = fs.readFileSync(path.join(dir, 'site/docs/shop/prd.html'), 'utf8');
    assert.match(page, /<img src="data:image\/png;base64,[^"]+" alt="diagram">/);
    assert.match(page, /sb-image-blocked[^>]*>remote</);
  });

  it('renders script tags, event handlers and javascript: links in documents as inert text', async () => {
    const dir = workspace();
    await runCliIn(dir, ['export', 'html', 'docs', '--out', 'site']);
    const page = fs.readFileSync(path.join(dir, 'site/docs/shop/prd.html'), 'utf8');
    assert.ok(page.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(page.includes('&lt;img src=x onerror=alert(2)&gt;'));
    assert.ok(!/<[a-z]+[^>]*\son[a-z]+=/i.test(page), 'event handler attribute');
    assert.ok(!/href="javascript:/i.test(page));
  });

  it('exports a single document and keeps IDs it does not include as plain text', async () => {
    const dir = workspace();
    const run = await runCliIn(dir, ['export', 'html', 'docs/shop/prd.md', '--out', 'one']);
    assert.equal(run.code, 0, run.stderr);
    const page = fs.readFileSync(path.join(dir, 'one/docs/shop/prd.html'), 'utf8');
    assert.match(page, /<span class="sb-id">BR-1<\/span>/);
    assert.ok(!fs.existsSync(path.join(dir, 'one/docs/brd.html')));
  });

  it('writes labels in Chinese with --lang zh-cn', async () => {
    const dir = workspace();
    await runCliIn(dir, ['export', 'html', 'docs', '--out', 'site', '--lang', 'zh-cn']);
    const page = fs.readFileSync(path.join(dir, 'site/docs/shop/prd.html'), 'utf8');
    assert.ok(page.includes('<html lang="zh-CN">') && page.includes('进行中') && page.includes('代码引用'));
    assert.match(page, /<main class="sb-doc" lang="en">/, 'an English document keeps its own language inside a Chinese page');
    assert.match(page, /<dd class="sb-doc-status" data-status="draft">草稿<\/dd>/, 'the document status is translated');
    const index = fs.readFileSync(path.join(dir, 'site/index.html'), 'utf8');
    assert.match(index, /<td>PRD<div class="sb-muted">产品需求文档<\/div><\/td>/, 'type names are translated');
    assert.ok(index.includes('<td>草稿</td>') && index.includes('1 条需求'), index);
  });

  it('marks a Chinese document as Chinese in an English page, and counts in the singular', async () => {
    const dir = writeTree({ 'docs/prd.md': '---\ntype: prd\nid: PRD-X\ntitle: 结账需求\n---\n### REQ-1: 访客结账\n- Priority: P0\n\n访客无需注册即可完成下单和支付，系统在支付成功后发送确认短信。\n' });
    await runCliIn(dir, ['export', 'html', 'docs', '--out', 'site']);
    const page = fs.readFileSync(path.join(dir, 'site/docs/prd.html'), 'utf8');
    assert.ok(page.includes('<html lang="en">') && page.includes('<main class="sb-doc" lang="zh-CN">'));
    assert.ok(fs.readFileSync(path.join(dir, 'site/index.html'), 'utf8').includes('1 requirement<'));
  });

  it('refuses an --out that is an existing file, exit 2, leaving the file as it was', async () => {
    const dir = workspace();
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'keep me');
    const run = await runCliIn(dir, ['export', 'html', 'docs', '--out', 'notes.txt']);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, "--out 'notes.txt' is a file, not a folder: name a folder for the pages (it is created if missing).\n");
    assert.equal(fs.readFileSync(path.join(dir, 'notes.txt'), 'utf8'), 'keep me');
    const zh = await runCliIn(dir, ['export', 'html', 'docs', '--out', 'notes.txt', '--lang', 'zh-cn']);
    assert.equal(zh.stderr, "--out 'notes.txt' 是文件而不是目录：请指定存放页面的目录（不存在时会自动创建）。\n");
  });

  (hasDevNull ? it : it.skip)('refuses an --out below /dev/null, naming what is in the way', async () => {
    const run = await runCliIn(workspace(), ['export', 'html', 'docs', '--out', '/dev/null/site']);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, "Cannot write '/dev/null/site': '/dev/null' is not a folder.\n");
  });

  it('writes nothing when a page would land where a file is in the way', async () => {
    const dir = workspace();
    fs.mkdirSync(path.join(dir, 'site'));
    fs.writeFileSync(path.join(dir, 'site/docs'), '');
    const run = await runCliIn(dir, ['export', 'html', 'docs', '--out', 'site']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^Cannot write 'site\/docs\/[a-z/]+\.html': 'site\/docs' is not a folder\.\n$/);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'site')), ['docs'], 'no index.html, no page');
  });

  (hasProc ? it : it.skip)('fails with the error code, not a hang, where the system refuses the folder (/proc)', async () => {
    // Node's recursive mkdir loops forever here: /proc answers ENOENT for any new child.
    const run = await runCliIn(workspace(), ['export', 'html', 'docs', '--out', '/proc/specboard-site']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^Cannot write '\/proc\/specboard-site\/[^']+': ENOENT\.\n$/);
  });

  it('needs a target and --out', async () => {
    const dir = workspace();
    assert.equal((await runCliIn(dir, ['export', 'html', '--out', 'x'])).code, 2);
    const run = await runCliIn(dir, ['export', 'html', 'docs']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--out/);
    assert.equal((await runCliIn(dir, ['export', 'pdf', 'docs'])).code, 2);
  });
});
