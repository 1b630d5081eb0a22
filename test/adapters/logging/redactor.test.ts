import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../../src/adapters/logging/redactor.js';

describe('redactor', () => {
  it('redacts credential headers by name', () => {
    const redactor = createRedactor([]);
    expect(
      redactor.headers({ authorization: 'Bearer x', 'x-api-key': 'x', 'x-auth-token': 'x', 'set-cookie': 'x', 'x-client-secret': 'x', 'content-type': 'application/json' }),
    ).toEqual({ authorization: '[REDACTED]', 'x-api-key': '[REDACTED]', 'x-auth-token': '[REDACTED]', 'set-cookie': '[REDACTED]', 'x-client-secret': '[REDACTED]', 'content-type': 'application/json' });
  });

  it('replaces every spelling of a secret anywhere in the line', () => {
    const secret = 'sk-"quoted"\\and/slashed é';
    const redactor = createRedactor([secret, '']);
    const line = redactor.line({
      body: { prompt: `key is ${secret}` },
      nested: JSON.stringify({ echo: secret }),
      url: `http://h/v1?key=${encodeURIComponent(secret)}`,
      headers: { 'x-custom': secret },
    });
    expect(line.endsWith('\n')).toBe(true);
    const parsed = JSON.parse(line);
    expect(parsed).toEqual({
      body: { prompt: 'key is [REDACTED]' },
      nested: JSON.stringify({ echo: '[REDACTED]' }),
      url: 'http://h/v1?key=[REDACTED]',
      headers: { 'x-custom': '[REDACTED]' },
    });
  });

  it('redacts and finds the same spellings in any text (the caching interceptor uses it too)', () => {
    const secret = 'sk-"q"/é';
    const redactor = createRedactor([secret]);
    const json = JSON.stringify({ a: `x ${secret} y`, b: JSON.stringify({ c: secret }), d: encodeURIComponent(secret) });
    expect(redactor.finds(json)).toBe(true);
    expect(redactor.finds('{"a":"clean"}')).toBe(false);
    const redacted = redactor.text(json);
    expect(redactor.finds(redacted)).toBe(false);
    expect(JSON.parse(redacted)).toEqual({ a: 'x [REDACTED] y', b: JSON.stringify({ c: '[REDACTED]' }), d: '[REDACTED]' });
    expect(createRedactor([]).text(json)).toBe(json);
  });
});

