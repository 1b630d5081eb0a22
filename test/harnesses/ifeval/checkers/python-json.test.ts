import { describe, expect, it } from 'vitest';
import { isPythonJson } from '../../../../src/harnesses/ifeval/checkers/python-json.js';

// Each case was run through CPython 3.11's json.loads.
describe('isPythonJson', () => {
  it.each([
    '0', '-0', '1.5e-3', '"x"', 'null', 'true', '[]', '{}', ' [1, {"a": [null]}] ', '\t\r\n{"a":1}\n',
    'NaN', 'Infinity', '-Infinity', '[NaN, -Infinity]', '"\\ud800"', '"\\u00E9\\/\\b"', '"\u2028"', '[[[[[[]]]]]]',
  ])('accepts %j', (text) => {
    expect(isPythonJson(text)).toBe(true);
  });

  it.each([
    '', ' ', '01', '1.', '.5', '1e', '+1', '-', '[1,]', '{"a":1,}', '{a:1}', "'a'", '"a', '"\\x"', '"\\u12"', '"\\u12G4"',
    '"a\nb"', '"\u001f"', 'nan', 'inf', '-NaN', '[1] [2]', '\ufeff{}', '\u00a0{}', '{"a" 1}', '[1 2]', 'True',
  ])('rejects %j', (text) => {
    expect(isPythonJson(text)).toBe(false);
  });

  it('walks deep nesting without overflowing the stack', () => {
    expect(isPythonJson('['.repeat(100_000) + ']'.repeat(100_000))).toBe(true);
    expect(isPythonJson('['.repeat(100_000))).toBe(false);
  });
});
