import { describe, expect, it } from 'vitest';
import { regexFilter } from '../../../src/harnesses/lm-eval/regex-filter.js';

// Expected values checked with lm-eval's RegexFilter logic under CPython.
describe('regexFilter', () => {
  it('defaults to lm-eval\'s "#### (\\-?[0-9\\.\\,]+)", first match, "[invalid]"', () => {
    expect(regexFilter()(['#### 1,000 then #### 2', 'nothing'])).toEqual(['1,000', '[invalid]']);
  });

  it('indexes the list of matches with group_select, negative from the end', () => {
    const filter = regexFilter({ regexPattern: '(\\d+)', groupSelect: -2 });
    expect(filter(['1 2 3'])).toEqual(['2']);
    expect(() => filter(['1'])).toThrow(RangeError);
  });

  it('takes the first non-empty group of a tuple match, else the fallback, and strips', () => {
    expect(regexFilter({ regexPattern: '(a)?(b)?(c)', groupSelect: 0 })(['bc'])).toEqual(['b']);
    expect(regexFilter({ regexPattern: '(a)?(b)?(c)?x', fallback: 'none' })(['x'])).toEqual(['none']);
    expect(regexFilter({ regexPattern: 'is(\\s*\\d+\\s*)' })(['is \t42\n'])).toEqual(['42']);
    expect(regexFilter({ regexPattern: 'is(\\s*\\d+\\s*)' })(['is\u0085 7\u001c'])).toEqual(['7']);
  });

  it('treats a non-string response as ""', () => {
    expect(regexFilter({ regexPattern: '^$' })([null, 42, undefined])).toEqual(['', '', '']);
  });
});
