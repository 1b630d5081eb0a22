export { ALLOW_UNSAFE_FLAG, createSandbox, type Sandbox, type SandboxOptions } from './create-sandbox.js';
export { detectIsolation, type DetectOptions, type IsolationLevel, type IsolationReport } from './detect-isolation.js';
export type { SandboxRun, SandboxStatus } from './classify-run.js';
export type { SandboxLimitOptions, SandboxLimits } from './sandbox-limits.js';
