import * as assert from 'node:assert/strict';
import { formatMessage } from '../../src/core/formatMessage';

describe('formatMessage', () => {
  it('fills every {name} placeholder, numbers as text, the same name as often as it appears', () => {
    assert.equal(formatMessage("{field} '{value}' of {id}; {id} again, {n} times", { field: 'status', value: 'x', id: 'REQ-1', n: 2 }),
      "status 'x' of REQ-1; REQ-1 again, 2 times");
  });

  it('fills the {0} placeholders of VS Code strings by index', () => {
    assert.equal(formatMessage('Moving {0} to {1}.', { 0: 'REQ-1', 1: 'Done' }), 'Moving REQ-1 to Done.');
  });

  it('leaves a placeholder without an argument visible, and never fills one from Object.prototype', () => {
    assert.equal(formatMessage('{missing} {constructor} {toString} {1}', { 0: 'a' }), '{missing} {constructor} {toString} {1}');
  });

  it('takes an argument as written, even one that looks like a placeholder', () => {
    assert.equal(formatMessage('{a} and {b}', { a: '{b}', b: '$&' }), '{b} and $&');
  });
});
