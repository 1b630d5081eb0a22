import type { HarnessDefinition } from '../harness.js';
import type { TaskRegistry } from '../registry.js';
import type { TaskDefinition } from '../task.js';
import { ConfigError } from '../errors.js';
import { toCamelCaseKeys } from './case.js';
import { mergeLayers } from './merge.js';
import {
  EvaluationConfigSchema,
  EvaluationTargetSchema,
  type ApiEndpoint,
  type ConfigParams,
  type EndpointType,
  type EvaluationConfig,
  type EvaluationTarget,
} from './schema.js';
import { parseConfig } from './validation-errors.js';

/** One source of settings: the evaluate() arguments, a run-config YAML, CLI flags or overrides. */
export interface ConfigLayer {
  config?: unknown;
  target?: unknown;
}

export interface ResolvedEndpoint extends ApiEndpoint {
  url: string;
  modelId: string;
  type: EndpointType;
}

/** A run with every layer merged and everything it needs checked. */
export interface ResolvedRun {
  harness: HarnessDefinition;
  task: TaskDefinition<any, any>;
  config: EvaluationConfig & { type: string; outputDir: string; params: ConfigParams };
  target: { apiEndpoint: ResolvedEndpoint; judge?: Record<string, unknown> };
}

interface NormalizedLayer {
  config?: EvaluationConfig;
  target?: EvaluationTarget;
}

function normalizeLayer(layer: ConfigLayer): NormalizedLayer {
  const camel = toCamelCaseKeys(layer) as ConfigLayer;
  return {
    config: camel.config === undefined ? undefined : parseConfig(EvaluationConfigSchema, camel.config, 'config'),
    target: camel.target === undefined ? undefined : parseConfig(EvaluationTargetSchema, camel.target, 'target'),
  };
}

/**
 * The one place config priority is decided, lowest first: harness (framework) defaults < task
 * defaults < each user layer in the order given (run config YAML, then CLI flags, then overrides).
 * `undefined`/`null` never overwrite a lower layer.
 */
export function resolveRun(registry: TaskRegistry, layers: readonly ConfigLayer[]): ResolvedRun {
  const userLayers = layers.map(normalizeLayer);
  const user = mergeLayers<NormalizedLayer>(...userLayers);
  const type = user.config?.type;
  if (!type) throw new ConfigError('config.type', 'missing: which task to run', 'set config.type (CLI: --eval_type), e.g. gsm8k; `evalforge ls` lists tasks');
  const { harness, task } = registry.resolve(type);

  const merged = mergeLayers<NormalizedLayer>(
    { config: { params: harness.defaults } },
    { config: { params: { task: task.name, ...task.defaults }, supportedEndpointTypes: [...task.endpointTypes] } },
    ...userLayers,
  );
  const config = parseConfig(EvaluationConfigSchema, merged.config, 'config');
  const endpoint = parseConfig(EvaluationTargetSchema, merged.target ?? {}, 'target').apiEndpoint ?? {};

  if (!config.outputDir) throw new ConfigError('config.output_dir', 'missing', 'set where results go (CLI: --output_dir)');
  if (!endpoint.url) {
    throw new ConfigError('target.api_endpoint.url', 'missing', 'set the full endpoint URL incl. path, e.g. http://localhost:8000/v1/chat/completions (CLI: --model_url)');
  }
  if (!endpoint.modelId) throw new ConfigError('target.api_endpoint.model_id', 'missing', 'set the served model name (CLI: --model_id)');
  const endpointType = endpoint.type ?? (task.endpointTypes[0] as EndpointType);
  if (!task.endpointTypes.includes(endpointType)) {
    throw new ConfigError(
      'target.api_endpoint.type',
      `task "${task.name}" does not support endpoint type "${endpointType}"`,
      task.requiredCapabilities?.includes('logprobs')
        ? `point it at a ${task.endpointTypes.join(' or ')} endpoint that returns prompt log-probabilities (e.g. vLLM /v1/completions; CLI: --model_url, --model_type completions)`
        : `use one of: ${task.endpointTypes.join(', ')} (CLI: --model_type)`,
    );
  }
  return {
    harness,
    task,
    config: { ...config, type, outputDir: config.outputDir, params: config.params ?? {} },
    target: {
      apiEndpoint: { ...endpoint, url: endpoint.url, modelId: endpoint.modelId, type: endpointType },
      ...(user.target?.judge ? { judge: user.target.judge } : {}),
    },
  };
}
