export { evaluate, type EvaluateOptions, type EvaluateResult } from './api/evaluate.js';
export {
  compare,
  type BootstrapInterval,
  type CompareOptions,
  type ComparedRun,
  type McnemarComparison,
  type MetricComparison,
  type PairedTComparison,
  type RunComparison,
} from './api/compare.js';
export { rescore, type KeptSamples, type MetricChange, type RescoreOptions, type RescoreResult, type ReportedChange } from './api/rescore.js';
export { report, type ReportOptions, type ReportResult } from './api/report.js';
export { runConfigJsonSchema } from './api/json-schema.js';
export { startAdapterServer, type AdapterServer, type AdapterServerOptions } from './adapters/proxy/adapter-server.js';
export {
  ApiEndpointSchema,
  ConfigParamsSchema,
  EndpointTypeSchema,
  EvaluationConfigSchema,
  EvaluationResultSchema,
  EvaluationTargetSchema,
  RunConfigFileSchema,
  type ApiEndpoint,
  type ConfigParams,
  type EndpointType,
  type EvaluationConfig,
  type EvaluationResult,
  type EvaluationTarget,
  type GroupResult,
  type MetricResult,
  type RunConfigFile,
  type Score,
  type ScoreStats,
  type TaskResult,
} from './core/config/schema.js';
export { AbortedError, BudgetExceededError, ConfigError, DatasetError, EndpointError, EvalforgeError } from './core/errors.js';
export type { RunSummary, SampleCounts } from './core/results/run-summary.js';
export type { RunProgress } from './core/runner.js';
export { createDefaultRegistry } from './core/default-registry.js';
export { TaskRegistry, type RegisteredTask } from './core/registry.js';
export type { HarnessDefinition } from './core/harness.js';
export { loadCustomTask, type CustomTaskDoc } from './core/custom-task/load-custom-task.js';
export { customHarness } from './core/custom-task/custom-harness.js';
export type {
  TaskDefinition,
  TaskDoc,
  ModelPrompt,
  ModelResponse,
  ChatMessage,
  LoglikelihoodRequest,
  Loglikelihood,
  SampleScore,
  MetricTotals,
  SampleVerifier,
  VerifierContext,
} from './core/task.js';
export { createDatasetReader } from './core/datasets/create-dataset-reader.js';
export type { DatasetReader, DatasetFile, DatasetProvenance, LocalDatasetFile } from './core/datasets/dataset-reader.js';
export {
  scoreIfevalResponse,
  type IfevalInstructionVerdict,
  type IfevalRow,
  type IfevalVerdicts,
} from './harnesses/ifeval/score-ifeval-response.js';
export { EVALFORGE_VERSION } from './version.js';
