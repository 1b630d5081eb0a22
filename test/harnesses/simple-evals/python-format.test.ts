import { describe, expect, it } from 'vitest';
import { formatPythonTemplate } from '../../../src/harnesses/simple-evals/python-format.js';

describe('formatPythonTemplate', () => {
  it('inserts values verbatim, $ and braces included', () => {
    expect(formatPythonTemplate('Q: {Question} ({A})', { Question: '$& {A} $1', A: 'x' })).toBe('Q: $& {A} $1 (x)');
  });

  it('unescapes doubled braces', () => {
    expect(formatPythonTemplate('{{x}} {x}', { x: '1' })).toBe('{x} 1');
  });

  it('throws where Python would raise or do more', () => {
    expect(() => formatPythonTemplate('{missing}', {})).toThrow(/no value for field "missing"/);
    expect(() => formatPythonTemplate('{x!r}', { x: '1' })).toThrow(/unsupported/);
    expect(() => formatPythonTemplate('a } b', {})).toThrow(/unsupported/);
  });
});
