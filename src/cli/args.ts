import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError } from '../core/errors.js';

/**
 * `parseArgs(config)` for the CLI command `command`: an unknown flag or a missing value becomes a
 * ConfigError naming the command, with the first line of Node's explanation and `fix`.
 */
export function parseCommandArgs<T extends ParseArgsConfig>(command: string, config: T, fix: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new ConfigError(command, (error as Error).message.split('\n')[0] ?? 'invalid arguments', fix);
  }
}

/** `run_eval` flags, named exactly as `nemo-evaluator run_eval`'s. */
export interface RunEvalArgs {
  eval_type?: string;
  model_id?: string;
  model_type?: string;
  model_url?: string;
  api_key_name?: string;
  output_dir?: string;
  run_config?: string;
  overrides?: string;
  /** Custom task YAML files to register before `eval_type` is resolved (repeatable). */
  custom_task?: string[];
  dry_run: boolean;
}

const RUN_EVAL_OPTIONS = {
  eval_type: { type: 'string' },
  model_id: { type: 'string' },
  model_type: { type: 'string' },
  model_url: { type: 'string' },
  api_key_name: { type: 'string' },
  output_dir: { type: 'string' },
  run_config: { type: 'string' },
  overrides: { type: 'string' },
  custom_task: { type: 'string', multiple: true },
  dry_run: { type: 'boolean', default: false },
} as const;

export const RUN_EVAL_FLAGS = Object.keys(RUN_EVAL_OPTIONS).map((name) => `--${name}`);

export function parseRunEvalArgs(argv: string[]): RunEvalArgs {
  const config = { args: argv, options: RUN_EVAL_OPTIONS, strict: true, allowPositionals: false } as const;
  return parseCommandArgs('run_eval', config, `valid flags: ${RUN_EVAL_FLAGS.join(' ')}`).values as RunEvalArgs;
}

/** `ls` flags. */
export interface LsArgs {
  /** Custom task YAML files to list along with the built-in tasks (repeatable). */
  custom_task?: string[];
}

const LS_OPTIONS = { custom_task: { type: 'string', multiple: true } } as const;

export const LS_FLAGS = Object.keys(LS_OPTIONS).map((name) => `--${name}`);

export function parseLsArgs(argv: string[]): LsArgs {
  const config = { args: argv, options: LS_OPTIONS, strict: true, allowPositionals: false } as const;
  return parseCommandArgs('ls', config, `valid flags: ${LS_FLAGS.join(' ')}`).values;
}

/** `proxy` flags: the upstream endpoint as `run_eval` names it, plus where to listen. */
export interface ProxyArgs {
  model_url?: string;
  model_id?: string;
  model_type?: string;
  api_key_name?: string;
  output_dir?: string;
  run_config?: string;
  port?: string;
  host?: string;
}

const PROXY_OPTIONS = {
  model_url: { type: 'string' },
  model_id: { type: 'string' },
  model_type: { type: 'string' },
  api_key_name: { type: 'string' },
  output_dir: { type: 'string' },
  run_config: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
} as const;

export const PROXY_FLAGS = Object.keys(PROXY_OPTIONS).map((name) => `--${name}`);

export function parseProxyArgs(argv: string[]): ProxyArgs {
  const config = { args: argv, options: PROXY_OPTIONS, strict: true, allowPositionals: false } as const;
  return parseCommandArgs('proxy', config, `valid flags: ${PROXY_FLAGS.join(' ')}`).values;
}

/** The CLI flags as a config layer (NeMo: flags override the run config, overrides override flags). */
export function flagsLayer(args: RunEvalArgs): { config: Record<string, unknown>; target: Record<string, unknown> } {
  return {
    config: { type: args.eval_type, output_dir: args.output_dir },
    target: {
      api_endpoint: {
        model_id: args.model_id,
        url: args.model_url,
        type: args.model_type,
        api_key_name: args.api_key_name,
      },
    },
  };
}
