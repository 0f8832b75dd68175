import * as assert from 'node:assert/strict';
import { counted } from '../../src/cli/cliMessages';

describe('counted nouns in the CLI', () => {
  it('picks the English form Intl.PluralRules picks, for every count from 0 to 10,000 and a few large ones', () => {
    const rules = new Intl.PluralRules('en');
    for (const n of [...Array.from({ length: 10_001 }, (_, i) => i), 100_000, 1_000_001, 2 ** 31]) {
      const expected = rules.select(n) === 'one' ? `${n} file` : `${n} files`;
      assert.equal(counted('en', 'file', n), expected, `n = ${n}`);
    }
  });

  it('still asks Intl.PluralRules for a count that is not a whole number', () => {
    assert.equal(counted('en', 'error', 1.5), `1.5 ${new Intl.PluralRules('en').select(1.5) === 'one' ? 'error' : 'errors'}`);
  });

  it('has one Chinese form with its measure word', () => {
    assert.equal(counted('zh-cn', 'file', 1), '1 个文件');
    assert.equal(counted('zh-cn', 'file', 3), '3 个文件');
  });
});
