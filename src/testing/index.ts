/**
 * `evalforge/testing`: an OpenAI-compatible mock server for examples, tests and benchmarks.
 */
export { createMockServer, type MockServer } from './mock-server.js';
export type { MockFaultKind, MockFaults, MockReplies, MockReplyRequest, MockServerOptions } from './mock-server-options.js';
export type { MockServerStats } from './request-stats.js';
export type { MockTokenLogprob } from './mock-logprobs.js';
export { runMockServerCli } from './mock-server-cli.js';
