import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/errors.js';
import { runMockServerCli } from '../../src/testing/mock-server-cli.js';

describe('runMockServerCli', () => {
  it('starts a server from flags and prints its URL', async () => {
    let printed = '';
    const server = await runMockServerCli(['--latency-ms', '1', '--capacity', '4', '--default-reply', 'hi there'], {
      write: (text: string) => (printed += text),
    });
    try {
      expect(printed).toBe(`${server.url}\n`);
      const res = await fetch(server.completionsUrl, { method: 'POST', body: JSON.stringify({ prompt: 'x' }) });
      expect(((await res.json()) as any).choices[0].text).toBe('hi there');
    } finally {
      await server.close();
    }
  });

  it('names the flag in errors', async () => {
    await expect(runMockServerCli(['--capacity', 'many'])).rejects.toThrow(/--capacity: expected a number/);
    await expect(runMockServerCli(['--capacity', '0'])).rejects.toThrow(/^--capacity: /);
    await expect(runMockServerCli(['--latency', '5'])).rejects.toThrow(ConfigError);
  });
});
