import { z } from 'zod';
import { JudgeConfigSchema } from '../judge/judge-config.js';

/**
 * The custom task YAML file, field for field as users write it (snake_case). `defaults` is checked
 * separately against ConfigParamsSchema once its keys are camelCased. Semantics of every field are
 * in docs/custom-tasks.md.
 */

export const CUSTOM_DATASET_FORMATS = ['jsonl', 'json', 'csv', 'parquet'] as const;
export const CUSTOM_ENDPOINT_TYPES = ['chat', 'completions'] as const;
export const CUSTOM_METRIC_TYPES = ['exact_match', 'contains'] as const;
/** Llama Stack's names for the judged-score aggregations evalforge computes. */
export const CUSTOM_JUDGE_AGGREGATIONS = ['average', 'categorical_count'] as const;
/** Fields only a judged task (one with `judge_prompt`) may have. */
const JUDGE_ONLY_FIELDS = ['judge_score_regexes', 'judge_score_map', 'judge_unparsable_score', 'aggregation_functions', 'judge'] as const;
/** Fields a judged task must not have: the judge scores the response instead. */
const NOT_WITH_JUDGE_FIELDS = ['extraction', 'metric'] as const;

const text = z.string().min(1, 'must not be empty');
const format = z.enum(CUSTOM_DATASET_FORMATS);

const HubSourceSchema = z.strictObject({
  repo: z.string().regex(/^[^/\s]+\/[^/\s]+$/, 'must be a hub dataset repo "org/name"'),
  revision: text,
  path: text,
  format: format.optional(),
});

const DatasetSchema = z
  .strictObject({
    path: text.optional(),
    hub: HubSourceSchema.optional(),
    format: format.optional(),
    id_field: text.optional(),
  })
  .superRefine((dataset, ctx) => {
    if ((dataset.path === undefined) === (dataset.hub === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'needs exactly one of path: (a local file) or hub: (a Hugging Face dataset file)', path: [] });
    } else if (dataset.hub && dataset.format !== undefined) {
      ctx.addIssue({ code: 'custom', message: 'applies to path: only; a hub file takes hub.format', path: ['format'] });
    }
  });

const MetricSchema = z
  .strictObject({
    type: z.enum(CUSTOM_METRIC_TYPES),
    ignore_case: z.boolean().optional(),
    ignore_punctuation: z.boolean().optional(),
    regexes_to_ignore: z.array(text).optional(),
  })
  .superRefine((metric, ctx) => {
    if (metric.type !== 'contains') return;
    for (const key of ['ignore_punctuation', 'regexes_to_ignore'] as const) {
      if (metric[key] !== undefined) ctx.addIssue({ code: 'custom', message: 'is an exact_match option; contains takes only ignore_case', path: [key] });
    }
  });

export const CustomTaskFileSchema = z
  .strictObject({
    name: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'must start with a letter and hold only letters, digits, "_" and "-"'),
    description: text.optional(),
    endpoint_types: z.array(z.enum(CUSTOM_ENDPOINT_TYPES)).min(1, 'must list at least one endpoint type').optional(),
    dataset: DatasetSchema,
    prompt: z.strictObject({ system: text.optional(), template: text }),
    stop: z.array(text).optional(),
    target: text,
    extraction: z
      .strictObject({
        regex: text,
        group_select: z.int().optional(),
        fallback: z.string().optional(),
      })
      .optional(),
    metric: MetricSchema.optional(),
    judge_prompt: z.strictObject({ system: text.optional(), template: text }).optional(),
    judge_score_regexes: z.array(text).min(1, 'must list at least one regex').optional(),
    judge_score_map: z.record(z.string(), z.number()).optional(),
    judge_unparsable_score: z.number().optional(),
    aggregation_functions: z
      .array(z.enum(CUSTOM_JUDGE_AGGREGATIONS))
      .min(1, 'must list at least one aggregation')
      .refine((list) => new Set(list).size === list.length, 'lists an aggregation twice')
      .optional(),
    judge: JudgeConfigSchema.optional(),
    defaults: z.record(z.string(), z.unknown()).optional(),
  })
  .superRefine((file, ctx) => {
    if (file.judge_prompt) {
      if (file.judge_score_regexes === undefined) ctx.addIssue({ code: 'custom', message: "is required with judge_prompt: it reads the score from the judge's reply", path: ['judge_score_regexes'] });
      for (const key of NOT_WITH_JUDGE_FIELDS) {
        if (file[key] !== undefined) ctx.addIssue({ code: 'custom', message: 'does not apply to a judged task (one with judge_prompt): the judge scores the response', path: [key] });
      }
    } else {
      for (const key of JUDGE_ONLY_FIELDS) {
        if (file[key] !== undefined) ctx.addIssue({ code: 'custom', message: 'applies to judged tasks only: add judge_prompt', path: [key] });
      }
    }
    const types = file.endpoint_types ?? ['chat'];
    if (new Set(types).size !== types.length) ctx.addIssue({ code: 'custom', message: 'lists an endpoint type twice', path: ['endpoint_types'] });
    if (file.prompt.system !== undefined && types.includes('completions')) {
      ctx.addIssue({ code: 'custom', message: 'is sent to chat endpoints only, but endpoint_types includes completions', path: ['prompt', 'system'] });
    }
  });

export type CustomTaskFile = z.infer<typeof CustomTaskFileSchema>;
