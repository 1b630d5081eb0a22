import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/core/datasets/canonical-json.js';

describe('canonicalJson', () => {
  it('sorts keys at every depth, integer-like keys included', () => {
    expect(canonicalJson({ b: 1, a: { z: [{ y: 1, x: 2 }], '10': 0, '2': 0 } })).toBe('{"a":{"10":0,"2":0,"z":[{"x":2,"y":1}]},"b":1}');
  });

  it('matches JSON.stringify for scalars, dates and skipped values', () => {
    const value = { s: 'é"\n', n: 1.5, t: true, z: null, u: undefined, d: new Date(0), arr: [undefined, NaN] };
    expect(canonicalJson(value)).toBe('{"arr":[null,null],"d":"1970-01-01T00:00:00.000Z","n":1.5,"s":"é\\"\\n","t":true,"z":null}');
  });

  it('writes bigints as digits and typed arrays as arrays', () => {
    expect(canonicalJson({ id: 9007199254740993n, v: new Float32Array([0.5, 2]) })).toBe('{"id":9007199254740993,"v":[0.5,2]}');
  });
});
