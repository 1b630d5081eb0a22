import { describe, expect, it } from 'vitest';
import { findExecutable, isExecutableFile } from '../../../src/backends/sandbox/find-executable.js';

describe('findExecutable', () => {
  it('finds a tool in the system directories even with an empty PATH', () => {
    expect(findExecutable('sh', '')).toMatch(/^\/(usr\/)?bin\/sh$/);
  });

  it('skips relative PATH entries and missing tools', () => {
    expect(findExecutable('evalforge-no-such-tool', '.:bin')).toBeUndefined();
  });

  it('does not take a directory or a non-executable file', () => {
    expect(isExecutableFile('/usr/bin')).toBe(false);
    expect(isExecutableFile('/etc/passwd')).toBe(false);
  });
});
