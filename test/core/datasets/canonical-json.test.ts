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

describe('canonicalJson on request-shaped values', () => {
  /** JSON.stringify of a deep copy whose keys were inserted in sorted order (no integer-like keys here). */
  function sortedStringify(value: unknown): string {
    const sorted = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(sorted);
      if (typeof v !== 'object' || v === null) return v;
      return Object.fromEntries(Object.keys(v).sort().map((key) => [key, sorted((v as Record<string, unknown>)[key])]));
    };
    return JSON.stringify(sorted(value));
  }

  it('equals JSON.stringify of the key-sorted value for chat and completions bodies', () => {
    const bodies = [
      { model: 'm', messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Q "1"?\n\tA) x\u2028' }], max_tokens: 1024, temperature: 0, top_p: 1e-5, seed: 1234 },
      { model: 'm', prompt: ['a', 'b'], echo: true, logprobs: 1, max_tokens: 0, stop: ['\n\n', '</s>'], extra_body: { chat_template_kwargs: { enable_thinking: false } } },
      { model: 'm', messages: [{ role: 'user', content: [{ type: 'text', text: 'see' }, { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } }] }], n: 2, stream: false, empty: {}, none: [] },
    ];
    for (const body of bodies) expect(canonicalJson(body)).toBe(sortedStringify(body));
  });
});
