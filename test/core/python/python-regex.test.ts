import { describe, expect, it } from 'vitest';
import { compilePythonPattern, PythonRegex } from '../../../src/core/python/python-regex.js';

// Expected values were produced once with CPython 3.11's `re` (re.compile(p).groups,
// re.findall(p, text), re.sub(p, "", text)) and pasted here; the test never runs Python.

/** [pattern, text, groups, re.findall(pattern, text)] */
const FINDALL: [string, string, number, (string | string[])[]][] = [
  ["#### (\\-?[0-9\\.\\,]+)", "so 5+5=10\n#### 1,000.50 and #### -3", 1, ["1,000.50", "-3"]],
  ["(-?[$0-9.,]{2,})|(-?[0-9]+)", "I have $18. Then 7 apples, -3 pears, 1,000 and 2.5.", 2, [["$18.", ""], ["", "7"], ["", "-3"], ["1,000", ""], ["2.5.", ""]]],
  ["The final answer is ((-?[$0-9.,]{2,})|(-?[0-9]+))", "The final answer is 7. The final answer is $1,000", 3, [["7.", "7.", ""], ["$1,000", "$1,000", ""]]],
  ["The answer is (\\-?[0-9\\.\\,]+).", "The answer is 42", 1, ["4"]],
  ["The answer is (\\-?[0-9\\.\\,]+).", "The answer is 42.\rThe answer is 7\r", 1, ["42.", "7"]],
  ["a.c", "a\nc a\rc a\u2028c a\ud83d\ude00c", 0, ["a\rc", "a\u2028c", "a\ud83d\ude00c"]],
  ["(?s)a.c", "a\nc abc", 0, ["a\nc", "abc"]],
  ["\\d+", "12 \u0663\u0664 \uff15 x", 0, ["12", "\u0663\u0664", "\uff15"]],
  ["\\w+", "h\u00e9llo w\u00f6rld_1 \u00bd \u65e5\u672c", 0, ["h\u00e9llo", "w\u00f6rld_1", "\u00bd", "\u65e5\u672c"]],
  ["\\s+", "a\u001cb\u0085c\ufeffd e", 0, ["\u001c", "\u0085", " "]],
  ["\\bfoo\\b", "foo food afoo foo_ \u00e9foo foo", 0, ["foo", "foo"]],
  ["\\Bo\\B", "foo boot o", 0, ["o", "o", "o"]],
  ["^|\\w+", "two words", 0, ["", "two", "words"]],
  ["x*", "abxd", 0, ["", "", "x", "", ""]],
  ["x{,2}", "xxx", 0, ["xx", "x", ""]],
  ["a{", "a{ a{}", 0, ["a{", "a{"]],
  ["a{}", "a{}", 0, ["a{}"]],
  ["[^]a]", "a]b", 0, ["b"]],
  ["[]a]", "a]b", 0, ["a", "]"]],
  ["[a-]+", "a-b--", 0, ["a-", "--"]],
  ["[\\d.]+", "v1.25 \u0663", 0, ["1.25", "\u0663"]],
  ["[\\s,]+", "a, b\u001c,c", 0, [", ", "\u001c,"]],
  ["(?i)answer: ([A-D])", "ANSWER: b, Answer: C", 1, ["b", "C"]],
  ["(?m)^\\d+$", "12\n34\n5x\n67", 0, ["12", "34", "67"]],
  ["\\d+$", "12\n34\n", 0, ["34"]],
  ["\\d+$", "12\n34\n\n", 0, []],
  ["(?P<num>\\d+)-(\\d+)", "1-2 33-44", 2, [["1", "2"], ["33", "44"]]],
  ["(a)|(b)", "ab", 2, [["a", ""], ["", "b"]]],
  ["(?:ab)+", "ababa ab", 0, ["abab", "ab"]],
  ["\\x41\\u00e9\\t", "A\u00e9\t", 0, ["A\u00e9\t"]],
  ["\\0", "a\u0000b", 0, ["\u0000"]],
  ["answer is \\(?([ABCDEFGHIJ])\\)?", "the answer is (C) or answer is D", 1, ["C", "D"]],
  ["\\Aab|cd\\Z", "ab cd ab cd", 0, ["ab", "cd"]],
  ["(?a)\\w+", "h\u00e9llo", 0, ["h", "llo"]],
  ["a(?#comment)*b", "aaab b", 0, ["aaab", "b"]],
  ["(?<=\\$)\\d+", "$5 6 $77", 0, ["5", "77"]],
  ["", "ab", 0, ["", "", ""]],
  ["(?=a)|b", "aab", 0, ["", "", "b"]],
  // Positions are code points: none falls between the halves of a surrogate pair.
  ["$", "a\ud83d\ude00", 0, [""]],
  ["(?<!a)", "a\ud83d\ude00", 0, ["", ""]],
  ["^|\\w+", "a\ud83d\ude00b", 0, ["", "a", "b"]],
  ["\\d+", "\ud835\udfd9\u09e7 5", 0, ["\ud835\udfd9\u09e7", "5"]],
  [".", "\u0085\r\n", 0, ["\u0085", "\r"]],
  ["(?m)\\d$", "1\r\n2\n3", 0, ["2", "3"]],
  ["\\W+", "a\u0345b\u00bd c", 0, ["\u0345", " "]],
  // (?i) folds I, i, İ, ı together; JS's own folding agrees elsewhere (K, Kelvin sign, ſ).
  ["(?i)i+", "IiK\u0130\u0131x", 0, ["Ii", "\u0130\u0131"]],
  ["(?i)\\u0130", "iI\u0130\u0131", 0, ["i", "I", "\u0130", "\u0131"]],
  ["(?i)[h-j]+", "h\u0130\u0131Jx", 0, ["h\u0130\u0131J"]],
  ["(?i)[^h-j]", "\u0130\u0131xI", 0, ["x"]],
  ["(?i)k", "kK\u212a", 0, ["k", "K", "\u212a"]],
  ["(?i)s", "sS\u017f", 0, ["s", "S", "\u017f"]],
  // With (?a), only ASCII letters fold.
  ["(?ai)k", "kK\u212a", 0, ["k", "K"]],
  ["(?ai)[a-z]+", "Kelvin \u212a \u017f \u00e9I\u0131", 0, ["Kelvin", "I"]],
  ["(?ai)[^K]", "kK\u212a", 0, ["\u212a"]],
];

/** [pattern, text, re.sub(pattern, "", text)] */
const SUB: [string, string, string][] = [
  [",", "1,000,000", "1000000"],
  ["\\$", "$18 and $2", "18 and 2"],
  ["(?s).*#### ", "Janet sells 16 - 3 - 4 = 9.\n#### 18", "18"],
  ["(?s).*#### ", "no marker here", "no marker here"],
  ["(?s).*#### ", "#### 1\n#### 2", "2"],
  ["\\.$", "18.", "18"],
  ["\\.$", "18.\n", "18\n"],
  ["\\.$", "18.\n\n", "18.\n\n"],
  ["\\.$", "1.5", "1.5"],
  ["\\.$", "18..", "18."],
  ["\\.$", ".", ""],
  ["x*", "abxd", "abd"],
  ["^|\\w+", "two words", " "],
  ["\\s+$", "a b  \n", "a b"],
  ["\\s+$", "a\u3000\u001c \n", "a"],
  ["^\\s+", "\ufeff a", "\ufeff a"],
];

describe('PythonRegex', () => {
  it.each(FINDALL)('findall(%j, %j) matches Python', (pattern, text, groups, expected) => {
    const regex = new PythonRegex(pattern);
    expect(regex.groups).toBe(groups);
    expect(regex.findall(text)).toEqual(expected);
  });

  it.each(SUB)('sub(%j, "", %j) matches Python', (pattern, text, expected) => {
    expect(new PythonRegex(pattern).sub(text, '')).toBe(expected);
  });

  it('keeps the Python source it was built from', () => {
    expect(new PythonRegex('#### (\\-?[0-9\\.\\,]+)').pattern).toBe('#### (\\-?[0-9\\.\\,]+)');
  });

  it.each([
    ['(a)\\1', 'backreference'],
    ['(?P<n>a)(?P=n)', 'named backreference'],
    ['(?i:a)b', 'scoped flag'],
    ['a(?i)', 'flag not at the start'],
    ['(?x) a b', 'verbose mode'],
    ['a*+', 'possessive quantifier'],
    ['(?>a)', 'atomic group'],
    ['(?:(a)|b)+', 'capture inside a repeated group'],
    ['[\\W]', 'negated category inside a class'],
    ['*a', 'nothing to repeat'],
    ['a**', 'multiple repeat'],
    ['(a', 'unterminated group'],
    ['a)', 'unbalanced parenthesis'],
    ['[a', 'unterminated class'],
    ['\\q', 'bad escape'],
    ['(?au)a', 'ASCII and UNICODE flags together'],
  ])('rejects %j (%s) instead of approximating it', (pattern) => {
    expect(() => new PythonRegex(pattern)).toThrow(SyntaxError);
  });

  it('rejects a replacement Python would expand', () => {
    expect(() => new PythonRegex('a').sub('a', '\\1')).toThrow(SyntaxError);
  });
});

describe('compilePythonPattern', () => {
  it('turns (?i) into the i flag and \\s into Python whitespace', () => {
    const pattern = compilePythonPattern('(?i)Answer\\s*:[ \t]*([A-D])');
    expect(pattern.flags).toBe('iu');
    expect(pattern.exec('ANSWER\u0085: b')?.[1]).toBe('b');
    expect(pattern.test('Answer\ufeff: b')).toBe(false);
  });

  it('folds i and I to İ and ı as Python does under (?i)', () => {
    const pattern = compilePythonPattern('(?i)Risposta:');
    expect(['RİSPOSTA:', 'rısposta:', 'RISPOSTA:'].map((text) => pattern.test(text))).toEqual([true, true, true]);
    expect(compilePythonPattern('Risposta:').test('RİSPOSTA:')).toBe(false);
    // CPython 3.11: re.findall('(?i)i', every code point) gives exactly I, i, İ, ı.
    const i = compilePythonPattern('(?i)i');
    const matched: number[] = [];
    for (let code = 0; code <= 0x10ffff; code += 1) {
      if ((code < 0xd800 || code > 0xdfff) && i.test(String.fromCodePoint(code))) matched.push(code);
    }
    expect(matched).toEqual([0x49, 0x69, 0x130, 0x131]);
  });

  // CPython 3.11: [pattern, text, re.search(pattern, text).group(0) or None].
  it.each([
    ["a$", "ba\n", "a"],
    ["^a", "ab", "a"],
    ["^a", "ba", null],
    ["a.b", "a\rb", "a\rb"],
    ["\\d", "x\u0663", "\u0663"],
    ["[^a]", "ab", "b"],
    ["(?:a)", "ba", "a"],
    ["a{2}", "aaa", "aa"],
    ["(?i)[h-j]", "\u0131", "\u0131"],
  ])('re.search(%j, %j) finds %j as Python does', (source, text, expected) => {
    expect(compilePythonPattern(source).exec(text)?.[0] ?? null).toBe(expected);
  });

  it('refuses syntax it cannot reproduce exactly', () => {
    for (const pattern of ['(a)\\1', '(?i:a)', 'a*+', '(?:(a)|b)+']) {
      expect(() => compilePythonPattern(pattern), pattern).toThrow(SyntaxError);
    }
  });
});
