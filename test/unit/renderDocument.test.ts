import * as assert from 'node:assert/strict';
import { renderDocument, isSafeLink, type DocumentRenderContext } from '../../src/core/render';
import type { SpecDiagnostic } from '../../src/core';

const DOC = `---
type: prd
id: PRD-X
title: Checkout
stage: productization
status: review
owner: Alice
version: "1.2"
release: "2.0"
---
# Checkout

See REQ-CHK-002 and REQ-NOPE-9, not \`REQ-CHK-001\` in code.

### REQ-CHK-001: Guest checkout
- Priority: P0
- Status: in-progress

| ID | Title | Priority | Status |
|---|---|---|---|
| REQ-CHK-002 | Saved cards | P1 | done |
`;

const context = (extra: Partial<DocumentRenderContext> = {}): DocumentRenderContext => ({
  locale: 'en',
  isRequirementId: (id) => id.startsWith('REQ-'),
  idHref: (id) => (id === 'REQ-NOPE-9' ? undefined : `#${id}`),
  facts: (id) => ({ codeReferences: id === 'REQ-CHK-001' ? 2 : 0 }),
  ...extra,
});

function diag(line: number, message: string, id?: string): SpecDiagnostic {
  return { path: 'x', range: { start: { line, character: 0 }, end: { line, character: 1 } }, severity: 'error', code: 'invalid-value', message, ...(id ? { data: { id } } : {}) };
}

describe('renderDocument', () => {
  it('renders the front matter as a header card with type, title, stage, status, owner, version and release', () => {
    const { html } = renderDocument(DOC, context());
    const card = /<header class="sb-header"[^]*?<\/header>/.exec(html)?.[0] ?? '';
    for (const text of ['PRD', 'PRD-X', 'Checkout', 'Productization', 'review', 'Alice', '1.2', '2.0']) assert.ok(card.includes(text), `card lacks ${text}`);
    assert.ok(!html.includes('type: prd'), 'front matter leaked into the body');
  });

  it('gives a requirement heading an anchor and status and priority badges', () => {
    const { html } = renderDocument(DOC, context());
    assert.match(html, /<h3 id="REQ-CHK-001" class="sb-req-heading"/);
    assert.match(html, /sb-status sb-tone-active" data-status="in-progress">In progress</);
    assert.match(html, /sb-priority sb-rank-0"[^>]*>P0</);
    assert.match(html, /2 code references/);
  });

  it('renders table rows with badges in the status and priority cells and flags missing code references', () => {
    const { html } = renderDocument(DOC, context());
    assert.match(html, /<tr id="REQ-CHK-002" class="sb-req-row"/);
    assert.match(html, /<td><span class="sb-badge sb-status sb-tone-done" data-status="done">Done<\/span><\/td>/);
    assert.match(html, /sb-refs sb-refs-none/);
  });

  it('links every requirement ID, leaves code spans alone and marks IDs nothing defines', () => {
    const { html } = renderDocument(DOC, context());
    assert.match(html, /<a href="#REQ-CHK-002" class="sb-id" data-sb-id="REQ-CHK-002">REQ-CHK-002<\/a>/);
    assert.match(html, /<code>REQ-CHK-001<\/code>/);
    assert.match(html, /<span class="sb-id sb-id-undefined" title="REQ-NOPE-9 is not defined in any document">REQ-NOPE-9<\/span>/);
  });

  it('shows problems after the block they concern and front-matter problems in the card', () => {
    const { html } = renderDocument(DOC, context({ diagnostics: [diag(17, 'Status is odd', 'REQ-CHK-001'), diag(3, 'Bad stage')] }));
    const card = /<header[^]*?<\/header>/.exec(html)![0];
    assert.ok(card.includes('Bad stage'));
    const list = html.indexOf('sb-attributes');
    const problem = html.indexOf('Status is odd</span>');
    assert.ok(list > 0 && problem > list && problem < html.indexOf('<table'), 'problem not placed after the attribute list');
    assert.match(html, /sb-problems sb-sev-error" title="Status is odd"/);
  });

  it('puts a problem on a requirement heading below the heading\'s badge row', () => {
    const { html } = renderDocument(DOC, context({ diagnostics: [diag(15, 'Missing owner', 'REQ-CHK-001')] }));
    const meta = html.indexOf('data-sb-meta="REQ-CHK-001"');
    const problem = html.indexOf('Missing owner</span>');
    assert.ok(meta > 0 && problem > meta, 'problem placed before the badges');
  });

  it('adds source lines for scroll sync only when asked', () => {
    assert.ok(!renderDocument(DOC, context()).html.includes('data-line="12"'));
    assert.ok(renderDocument(DOC, context({ sourceLines: true })).html.includes('data-line="12"'));
  });

  it('localizes labels in Chinese', () => {
    const { html } = renderDocument(DOC, context({ locale: 'zh-cn' }));
    assert.ok(html.includes('进行中') && html.includes('负责人') && html.includes('产品化'));
  });
});

describe('renderDocument of Chinese text', () => {
  it('joins lines between Chinese characters without a space, and keeps the break next to Latin words', () => {
    const { html } = renderDocument('# 退款\n\n用户可以直接发起\n退款，无需联系客服。\n调用 API\n即可。\n', context());
    assert.ok(html.includes('用户可以直接发起退款，无需联系客服。'), html);
    assert.ok(html.includes('客服。调用 API\n即可。'), html);
  });
});

describe('renderDocument with hostile input', () => {
  const hostile = `---
type: prd
title: "<script>alert('fm')</script>"
owner: "<img src=x onerror=alert(1)>"
status: {"a": "<b>"}
---
# Doc <script>alert(1)</script>

<script>alert(2)</script>

<img src=x onerror="alert(3)">

[click](javascript:alert(4)) [data](data:text/html;base64,PHNjcmlwdD4=) [vb](vbscript:msgbox) [ok](https://example.com)
[tab](java\tscript:alert(5)) [ent](jav&#x09;ascript:alert(6)) [pct](%6Aavascript:alert(7))

![pixel](https://tracker.example/p.png) ![local](img/a.png)

### REQ-1: "><svg onload=alert(8)>
- Status: "><script>alert(9)</script>
- Owner: <b onmouseover=alert(10)>x</b>
`;

  const { html } = renderDocument(hostile, { locale: 'en', imageSrc: (src) => (src.startsWith('img/') ? `safe:${src}` : undefined) });

  it('never emits a script element, an event handler attribute or a javascript: URL', () => {
    assert.ok(!/<script/i.test(html), 'script element');
    assert.ok(!/<[^>]+\son\w+\s*=/i.test(html), 'event handler attribute');
    assert.ok(!/href="\s*(javascript|data|vbscript):/i.test(html), 'dangerous href');
    assert.ok(!/<img[^>]+src="x"/i.test(html), 'raw img tag');
  });

  it('shows the payloads as text', () => {
    assert.ok(html.includes('&lt;script&gt;alert(2)&lt;/script&gt;'));
    assert.ok(html.includes('&lt;img src=x onerror=&quot;alert(3)&quot;&gt;'));
    assert.ok(html.includes('&lt;script&gt;alert(&#39;fm&#39;)&lt;/script&gt;'));
  });

  it('keeps safe links and routes images through imageSrc', () => {
    assert.ok(html.includes('<a href="https://example.com" rel="noopener noreferrer">ok</a>'));
    assert.ok(html.includes('src="safe:img/a.png"'));
    assert.ok(!html.includes('tracker.example/p.png"'), 'remote image would be fetched');
    assert.match(html, /sb-image-blocked[^>]*>pixel</);
  });

  it('rejects dangerous link schemes however they are spelled', () => {
    for (const url of ['javascript:alert(1)', 'JaVaScRiPt:x', ' javascript:x', 'java\tscript:x', 'jav&#x09;ascript:x', '%6Aavascript:x', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', '//evil.example/x']) {
      assert.equal(isSafeLink(url), false, url);
    }
    for (const url of ['https://a.example', 'http://a', 'mailto:a@b.c', '#REQ-1', 'brd.md', '../x/y.md#L3', 'img/a.png']) assert.equal(isSafeLink(url), true, url);
  });
});

describe('renderDocument with list and paragraph requirements', () => {
  const SPEC = '# Spec\n\n## Requirements\n\n- **FR-001**: System MUST log in\n  - Status: 进行中\n  - Priority: 高\n\n**FR-12: Export**\n\nText.\n';

  it('marks list-item and bold-paragraph requirements and gives them their badges', () => {
    const html = renderDocument(SPEC, context({ isRequirementId: (id) => id.startsWith('FR-') })).html;
    assert.match(html, /<li id="FR-001" class="sb-req-item" data-sb-req="FR-001">/);
    assert.match(html, /<p id="FR-12" class="sb-req-item" data-sb-req="FR-12">/);
    assert.match(html, /data-sb-meta="FR-001">.*In progress.*P1/s);
  });

  it('badges a table row that summarises a requirement detailed below it, keeping one anchor', () => {
    const text = [
      '---', 'type: prd', 'id: PRD-X', 'title: 支付', '---', '', '## 需求列表', '',
      '| 需求编号 | 需求名称 | 优先级 | 状态 |', '|---|---|---|---|',
      '| REQ-1 | 统一收银台 | P0 | 已完成 |', '| REQ-2 | 退款 | P1 | 进行中 |', '',
      '## 需求说明', '', '**REQ-1 统一收银台。** 业务线只需调用一个接口。', '',
    ].join('\n');
    const { html } = renderDocument(text, context());
    const row = /<tr[^>]*sb-req-summary[^>]*>[\s\S]*?<\/tr>/.exec(html)?.[0] ?? '';
    assert.match(row, /REQ-1/);
    assert.match(row, /sb-badge sb-status[^>]*data-status="done"/, row);
    assert.equal(html.match(/ id="REQ-1"/g)?.length, 1, 'one anchor, on the detailed definition');
  });
});
