import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { BudgetExceededError, ConfigError } from '../../core/errors.js';
import { createSnapshotFile } from '../logging/snapshot-file.js';
import { defineInterceptor } from '../pipeline/interceptor-definition.js';
import { replyFacts } from '../reply-facts.js';

const FIELD = 'target.api_endpoint.adapter_config.interceptors (cost).config';
/** Where the tally of an output dir is kept, so a resumed run continues it. */
export const COST_FILE = 'cost.json';

const PriceSchema = z.strictObject({
  input_per_million: z.number().min(0),
  output_per_million: z.number().min(0),
});

interface Spent {
  requests: number;
  prompt_tokens: number;
  completion_tokens: number;
  cost: number;
  responses_without_usage: number;
}

const NOTHING_SPENT: Spent = { requests: 0, prompt_tokens: 0, completion_tokens: 0, cost: 0, responses_without_usage: 0 };

/**
 * The tally of an earlier run in this output dir, if it left samples to resume from. A run that
 * starts without samples.jsonl starts over, so does its tally.
 */
function loadSpent(outputDir: string | undefined): Spent {
  if (!outputDir || !existsSync(join(outputDir, 'samples.jsonl'))) return { ...NOTHING_SPENT };
  try {
    const saved = JSON.parse(readFileSync(join(outputDir, COST_FILE), 'utf8')) as Partial<Spent>;
    const spent = { ...NOTHING_SPENT };
    for (const key of Object.keys(spent) as Array<keyof Spent>) if (typeof saved[key] === 'number') spent[key] = saved[key];
    return spent;
  } catch {
    return { ...NOTHING_SPENT };
  }
}

const money = (value: number): string => String(Number(value.toPrecision(6)));

/**
 * Tracks what the run spends and enforces a budget. It sums `usage` of every reply that is not a
 * cache hit; with a `prices` entry for the endpoint's `model_id` it also sums the cost
 * (prompt tokens × `input_per_million` + completion tokens × `output_per_million`, per million).
 * Before each request it checks the budget: once the cost reaches `max_cost`, or prompt + completion
 * tokens reach `max_tokens_total`, the request is refused with a BudgetExceededError and the run
 * stops cleanly (nothing new is sent; requests in flight finish and are saved). Requests already in
 * flight when the budget is reached may spend past it by up to one reply each.
 *
 * The tally covers the samples in the output dir: it is kept in `<output_dir>/cost.json` and a
 * rerun that resumes from samples.jsonl continues it, so `max_cost` bounds the whole evaluation and
 * a stopped run resumes with a larger budget. The file is rewritten off the request path, at most
 * every 100 ms while replies arrive (see `createSnapshotFile`), and always when the run ends (a
 * budget stop included) before `evaluate()` returns or rejects; a process killed without warning
 * (kill -9) may leave out the spend of its last ~100 ms, which a resumed run then does not count.
 * Replies without `usage` cannot be counted; they are reported as `responses_without_usage`. Place
 * it after `caching` so cache hits pass for free.
 */
export const costInterceptor = defineInterceptor({
  name: 'cost',
  description: 'sums token usage and cost per a price table; stops the run cleanly when a budget is spent',
  config: z.strictObject({
    prices: z.record(z.string(), PriceSchema).optional(),
    max_cost: z.number().positive().optional(),
    max_tokens_total: z.int().positive().optional(),
  }),
  create(config, env) {
    const model = env.endpoint.modelId;
    const price = config.prices?.[model];
    if (config.max_cost !== undefined && !price) {
      throw new ConfigError(
        `${FIELD}.prices`,
        `max_cost needs the price of model "${model}"`,
        `add prices: {"${model}": {input_per_million: <price>, output_per_million: <price>}}, or set max_tokens_total instead`,
      );
    }
    const spent = loadSpent(env.outputDir);
    const path = env.outputDir ? join(env.outputDir, COST_FILE) : undefined;
    const snapshot = path
      ? createSnapshotFile(path, () => `${JSON.stringify({ model, ...spent }, null, 2)}\n`, {
          // The budget is still enforced in memory; only a later resume would start from an older tally.
          onError: (message) => process.emitWarning(`cost: cannot save ${path}: ${message}`, { code: 'EVALFORGE_COST' }),
        })
      : undefined;

    const totalTokens = () => spent.prompt_tokens + spent.completion_tokens;
    function exceeded(): BudgetExceededError | undefined {
      if (config.max_cost !== undefined && spent.cost >= config.max_cost) {
        return new BudgetExceededError(`spent ${money(spent.cost)} of max_cost ${config.max_cost} (${totalTokens()} tokens, ${spent.requests} requests)`, 'max_cost');
      }
      if (config.max_tokens_total !== undefined && totalTokens() >= config.max_tokens_total) {
        return new BudgetExceededError(`spent ${totalTokens()} tokens of max_tokens_total ${config.max_tokens_total} (${spent.requests} requests)`, 'max_tokens_total');
      }
      return undefined;
    }

    return {
      async intercept(request, next) {
        const refusal = exceeded();
        if (refusal) throw refusal;
        const response = await next(request);
        if (request.context.cacheHit) return response;
        const usage = response.status === 200 ? replyFacts(response)?.usage : undefined;
        if (usage) {
          spent.requests++;
          spent.prompt_tokens += usage.promptTokens;
          spent.completion_tokens += usage.completionTokens;
          if (price) spent.cost += (usage.promptTokens * price.input_per_million + usage.completionTokens * price.output_per_million) / 1e6;
        } else if (response.status === 200) {
          spent.responses_without_usage++;
        } else {
          return response;
        }
        snapshot?.changed();
        return response;
      },

      async finish() {
        await snapshot?.flush();
        const report: Record<string, unknown> = {
          model,
          requests: spent.requests,
          prompt_tokens: spent.prompt_tokens,
          completion_tokens: spent.completion_tokens,
          total_tokens: totalTokens(),
          responses_without_usage: spent.responses_without_usage,
          budget_reached: exceeded() !== undefined,
        };
        if (price) Object.assign(report, { cost: Number(money(spent.cost)), ...price });
        if (config.max_cost !== undefined) report.max_cost = config.max_cost;
        if (config.max_tokens_total !== undefined) report.max_tokens_total = config.max_tokens_total;
        if (snapshot?.error !== undefined) report.write_error = snapshot.error;
        return report;
      },
    };
  },
});
