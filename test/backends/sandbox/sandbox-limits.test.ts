import { describe, expect, it } from 'vitest';
import { resolveSandboxLimits } from '../../../src/backends/sandbox/sandbox-limits.js';
import { ConfigError } from '../../../src/core/errors.js';

describe('resolveSandboxLimits', () => {
  it('defaults to the reference time limit and the verified recipe', () => {
    expect(resolveSandboxLimits({})).toEqual({
      timeoutSeconds: 3,
      memoryBytes: 1073741824,
      cpuSeconds: 4,
      maxProcesses: 32,
      maxOutputBytes: 1048576,
    });
  });

  it('derives the CPU limit from the time limit', () => {
    expect(resolveSandboxLimits({ timeoutSeconds: 20 }).cpuSeconds).toBe(21);
    expect(resolveSandboxLimits({ timeoutSeconds: 2.5 }).cpuSeconds).toBe(4);
  });

  it('names the bad field', () => {
    expect(() => resolveSandboxLimits({ memoryBytes: -1 })).toThrow(ConfigError);
    expect(() => resolveSandboxLimits({ timeoutSeconds: Number.NaN })).toThrow('sandbox.timeoutSeconds: expected a positive number, got NaN');
    expect(() => resolveSandboxLimits({ cpuSeconds: 1.5 })).toThrow('sandbox.cpuSeconds: expected a positive integer, got 1.5');
  });
});
