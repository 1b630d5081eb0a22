import { describe, expect, it } from 'vitest';
import { jsonForScriptTag } from '../../src/report/safe-json.js';
import { HOSTILE } from './output-dir-fixture.js';

describe('jsonForScriptTag', () => {
  it('leaves no character that can end or confuse a script block, and parses back to the value', () => {
    const value = { text: HOSTILE, nested: ['</SCRIPT >', '<!--x-->', 'a&b', '\u2029'] };
    const json = jsonForScriptTag(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json.toLowerCase()).not.toContain('</script');
    expect(json).not.toContain('<!--');
    expect(JSON.parse(json)).toEqual(value);
  });

  it('writes the escapes as \\u sequences', () => {
    expect(jsonForScriptTag('</script>')).toBe('"\\u003c/script\\u003e"');
    expect(jsonForScriptTag('a&b')).toBe('"a\\u0026b"');
  });

  it('refuses a value without a JSON form', () => {
    expect(() => jsonForScriptTag(undefined)).toThrow(TypeError);
  });
});
