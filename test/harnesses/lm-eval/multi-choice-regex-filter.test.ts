import { describe, expect, it } from 'vitest';
import { multiChoiceRegexFilter } from '../../../src/harnesses/lm-eval/multi-choice-regex-filter.js';

// Expected values: lm-eval's own MultiChoiceRegexFilter (filters/extraction.py at 4e7e0d47) run by a
// throwaway python3 script with gpqa cot_zeroshot's settings, on these hand-made responses and choices.
const flexibleExtract = multiChoiceRegexFilter({ regexPattern: '(\\([A-Z]\\))', groupSelect: -1, ignoreCase: true, ignorePunctuation: true });

describe('multiChoiceRegexFilter', () => {
  it('agrees with lm-eval on every stage: the pattern, the choice texts, then ": X"', () => {
    const cases: [string, string[], string][] = [
      // the pattern's last match, case-sensitive
      ['I think (A) or (C). Final: (C)', ['Yes, it is!', 'No.', 'Maybe...', 'Never?'], '(C)'],
      ['The answer is (E).', ['alpha', 'beta', 'gamma', 'delta'], '(E)'],
      ['The answer is (C).\nThe answer is (D).', ['alpha', 'beta', 'gamma', 'delta'], '(D)'],
      ['the answer is (b).', ['alpha', 'beta', 'gamma', 'delta'], '[invalid]'],
      // choice texts, lower-cased and without Unicode punctuation; the last match wins
      ['It must be: Maybe...', ['Yes, it is!', 'No.', 'Maybe...', 'Never?'], '(C)'],
      ['Gamma then DELTA were considered; delta it is', ['alpha', 'beta', 'gamma', 'delta'], '(D)'],
      ['je dis OUI', ['«Oui»', 'Non', 'Peut-être', 'Jamais'], '(A)'],
      ['clearly a|b (c) holds', ['x^2 + (y)', 'a|b (c)', '$5.00', 'C++'], '(B)'],
      ['it costs $5.00, i.e. 5 00', ['x^2 + (y)', 'a|b (c)', '$5.00', 'C++'], '(C)'],
      ['ΣΊΣΥΦΟΣ wins', ['σίσυφος', 'b', 'c', 'd'], '(A)'],
      // two choices that treat to the same text: the later label
      ["It's same.", ['Same', 'same!', 'x', 'y'], '(B)'],
      // a match that is not exactly a treated choice once stripped is kept as it is
      ['the foo', ['- foo', 'bar', 'baz', 'qux'], 'foo'],
      // a choice that treats to "" matches the empty string first everywhere: the stage gives ""
      ['beta is right', ['...', 'beta', 'gamma', 'delta'], '[invalid]'],
      // ": X" on the raw response (upper case only, any whitespace)
      ['Final answer: D', ['alpha', 'beta', 'gamma', 'delta'], '(D)'],
      ['Answer:\n\nB because it fits', ['alpha', 'beta', 'gamma', 'delta'], '(B)'],
      ['choice: a', ['alpha', 'beta', 'gamma', 'delta'], '[invalid]'],
      ['no idea', ['alpha', 'beta', 'gamma', 'delta'], '[invalid]'],
      ['', ['alpha', 'beta', 'gamma', 'delta'], '[invalid]'],
    ];
    for (const [response, choices, expected] of cases) expect(flexibleExtract([response], choices), JSON.stringify(response)).toEqual([expected]);
  });

  it('filters each response of a doc, a non-string counting as ""', () => {
    expect(flexibleExtract(['(A)', 42, 'x: C'], ['a', 'b', 'c', 'd'])).toEqual(['(A)', '[invalid]', '(C)']);
  });

  it('honours group_select 0 and a custom fallback', () => {
    const first = multiChoiceRegexFilter({ regexPattern: '(\\([A-Z]\\))', fallback: 'none' });
    expect(first(['(B) then (C)', 'nothing'], ['w', 'x', 'y', 'z'])).toEqual(['(B)', 'none']);
  });
});
