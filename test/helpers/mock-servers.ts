import { afterEach } from 'vitest';
import { createMockServer, type MockServer, type MockServerOptions } from '../../src/testing/index.js';

/** Starts mock servers for a test file; every one started is closed after each test. */
export function mockServers(): (options: MockServerOptions) => Promise<MockServer> {
  const servers: MockServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  return async (options) => {
    const s = await createMockServer(options);
    servers.push(s);
    return s;
  };
}
