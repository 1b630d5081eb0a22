import { z } from 'zod';

/**
 * The custom task YAML file, field for field as users write it (snake_case). `defaults` is checked
 * separately against ConfigParamsSchema once its keys are camelCased. Semantics of every field are
 * in docs/custom-tasks.md.
 */

export const CUSTOM_DATASET_FORMATS = ['jsonl', 'json', 'csv', 'parquet'] as const;
export const CUSTOM_ENDPOINT_TYPES = ['chat', 'completions'] as const;
export const CUSTOM_METRIC_TYPES = ['exact_match', 'contains'] as const;

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
    defaults: z.record(z.string(), z.unknown()).optional(),
  })
  .superRefine((file, ctx) => {
    const types = file.endpoint_types ?? ['chat'];
    if (new Set(types).size !== types.length) ctx.addIssue({ code: 'custom', message: 'lists an endpoint type twice', path: ['endpoint_types'] });
    if (file.prompt.system !== undefined && types.includes('completions')) {
      ctx.addIssue({ code: 'custom', message: 'is sent to chat endpoints only, but endpoint_types includes completions', path: ['prompt', 'system'] });
    }
  });

export type CustomTaskFile = z.infer<typeof CustomTaskFileSchema>;
