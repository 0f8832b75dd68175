import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import cjkBreaksLibrary from 'markdown-it-cjk-breaks';
import { cjkBreaks } from '../../src/core/render/joinCjkBreaks';

const ours = new MarkdownIt('default', { html: true }).use(cjkBreaks);
const library = new MarkdownIt('default', { html: true }).use(cjkBreaksLibrary);

/** Lines that mix what Chinese documents mix: wide text, ASCII, full-width punctuation, Hangul, emoji, inline code and images. */
const piece = fc.constantFrom('退款', '直接发起', 'API', 'P0', '，', '。', '（高）', '한국어', '😀', 'ｶﾅ', '`code`', '![图](x.png)', '**粗体**', '[链接](#a)', '<br>', '\u200b', ' ', 'a');
const line = fc.array(piece, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));
const paragraph = fc.array(line, { minLength: 2, maxLength: 6 }).map((lines) => lines.join('\n'));

describe('joining Chinese soft line breaks (markdown-it-cjk-breaks, one break at a time)', () => {
  it('renders what the library renders wherever the library renders at all', () => {
    let compared = 0;
    let libraryThrew = 0;
    fc.assert(fc.property(paragraph, (text) => {
      let expected: string;
      try {
        expected = library.render(text);
      } catch {
        libraryThrew++;
        assert.doesNotThrow(() => ours.render(text), text);
        return;
      }
      compared++;
      assert.equal(ours.render(text), expected, text);
    }), { numRuns: 5000, seed: 11 });
    // Reported so a change in either side shows: agreement is 100% of `compared`.
    console.log(`      cjk breaks: ${compared} paragraphs agree with markdown-it-cjk-breaks; ${libraryThrew} made the library throw and render here`);
    assert.ok(compared > 3000, `${compared} compared`);
  });

  it('joins across a line that is only a code span, where the library throws', () => {
    const text = '先阅读\n`README`\n然后提交\n申请。';
    assert.throws(() => library.render(text), /code point/);
    assert.equal(ours.render(text), '<p>先阅读<code>README</code>然后提交申请。</p>\n');
  });

  it('keeps the space between Latin words and beside Hangul', () => {
    assert.equal(ours.render('调用 API\n即可'), '<p>调用 API\n即可</p>\n');
    assert.equal(ours.render('중요\n한국어'), '<p>중요\n한국어</p>\n');
    assert.equal(ours.render('直接发起\n退款'), '<p>直接发起退款</p>\n');
  });
});
