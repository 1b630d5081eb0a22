import { parseArgs } from 'node:util';
import { ConfigError } from '../core/errors.js';

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
  try {
    const { values } = parseArgs({ args: argv, options: RUN_EVAL_OPTIONS, strict: true, allowPositionals: false });
    return values as RunEvalArgs;
  } catch (error) {
    throw new ConfigError('run_eval', (error as Error).message.split('\n')[0] ?? 'invalid arguments', `valid flags: ${RUN_EVAL_FLAGS.join(' ')}`);
  }
}

/** `ls` flags. */
export interface LsArgs {
  /** Custom task YAML files to list along with the built-in tasks (repeatable). */
  custom_task?: string[];
}

const LS_OPTIONS = { custom_task: { type: 'string', multiple: true } } as const;

export const LS_FLAGS = Object.keys(LS_OPTIONS).map((name) => `--${name}`);

export function parseLsArgs(argv: string[]): LsArgs {
  try {
    return parseArgs({ args: argv, options: LS_OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new ConfigError('ls', (error as Error).message.split('\n')[0] ?? 'invalid arguments', `valid flags: ${LS_FLAGS.join(' ')}`);
  }
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
  try {
    return parseArgs({ args: argv, options: PROXY_OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new ConfigError('proxy', (error as Error).message.split('\n')[0] ?? 'invalid arguments', `valid flags: ${PROXY_FLAGS.join(' ')}`);
  }
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
