import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { EvaluationResult } from '../../src/core/config/schema.js';
import type { SampleRecord } from '../../src/core/results/sample-log.js';

/** Text that would run script or end a block if the report ever wrote it as HTML. */
export const HOSTILE = '</script><script>window.__pwned = 1</script><!-- <img src=x onerror="window.__pwned = 2"> \u2028 & ]]>';

export interface OutputDirSpec {
  task?: string;
  model?: string;
  results?: EvaluationResult;
  samples?: readonly SampleRecord[];
  /** Extra raw lines appended to samples.jsonl (e.g. a truncated one). */
  rawLines?: readonly string[];
  responseStats?: Record<string, unknown>;
}

const score = (value: number, count: number, stderr?: number) => ({ value, stats: { count, mean: value, ...(stderr === undefined ? {} : { stderr }) } });

/** An MMLU-like results section: a top group with two categories, and three subject tasks. */
export function mmluLikeResults(shift = 0): EvaluationResult {
  const metrics = (value: number, count: number, stderr: number) => ({ score: { scores: { micro: score(value + shift, count, stderr) } } });
  return {
    tasks: {
      mmlu_abstract_algebra: { metrics: metrics(0.4, 10, 0.16) },
      mmlu_anatomy: { metrics: metrics(0.6, 10, 0.16) },
      mmlu_world_religions: { metrics: metrics(0.7, 10, 0.15) },
    },
    groups: {
      mmlu: {
        metrics: { score: { scores: { micro: score(0.5667 + shift, 30, 0.092), macro: score(0.5667 + shift, 3) } } },
        groups: { stem: { metrics: metrics(0.4, 10, 0.16) }, humanities: { metrics: metrics(0.65, 20, 0.11) } },
      },
    },
  };
}

/** Writes results.yml (with an `evalforge` section like a real run's) and samples.jsonl into `dir`. */
export async function writeOutputDir(dir: string, spec: OutputDirSpec): Promise<string> {
  await mkdir(dir, { recursive: true });
  const results = spec.results ?? mmluLikeResults();
  await writeFile(
    join(dir, 'results.yml'),
    stringify({
      framework_name: 'simple_evals',
      results,
      evalforge: {
        version: '0.1.0',
        task: { name: spec.task ?? 'mmlu', harness: 'simple_evals', version: '1' },
        generation: { model: spec.model ?? 'model-a', endpoint_type: 'chat' },
        interceptors: { response_stats: spec.responseStats ?? { count: 3, p50_latency_ms: 120, p90_latency_ms: 300, avg_completion_tokens: 42.5 } },
        samples: { total: spec.samples?.length ?? 0, resumed: 0, requested: spec.samples?.length ?? 0, errors: 0 },
        started_at: '2026-01-01T00:00:00.000Z',
        runtime_seconds: 12.5,
      },
    }),
  );
  const lines = [...(spec.samples ?? []).map((s) => JSON.stringify(s)), ...(spec.rawLines ?? [])];
  if (spec.samples || spec.rawLines) await writeFile(join(dir, 'samples.jsonl'), lines.map((l) => `${l}\n`).join(''));
  return dir;
}

/**
 * Samples of every shape samples.jsonl holds: chat, completions, multi-turn, log-likelihood, an
 * error, a sample without any score; `HOSTILE` text in prompts, responses, ids and targets.
 */
export function mixedSamples(): SampleRecord[] {
  return [
    {
      id: 'abstract_algebra/0', index: 0, target: 'B', scores: { score: 1 }, latency_ms: 110, subsets: ['abstract_algebra', 'stem'],
      messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'What is the order of Z_4? A) 2 B) 4' }],
      response: 'The order is 4.\nAnswer: B', extracted: { answer: 'B' }, finish_reason: 'stop', usage: { prompt_tokens: 30, completion_tokens: 9 },
    },
    {
      id: 'abstract_algebra/1', index: 1, target: 'C', scores: { score: 0 }, latency_ms: 250, subsets: ['abstract_algebra', 'stem'],
      messages: [{ role: 'user', content: `Which option? ${HOSTILE}` }],
      response: `I think ${HOSTILE}\nAnswer: A`, extracted: { answer: 'A' }, finish_reason: 'stop', usage: { prompt_tokens: 44, completion_tokens: 31 },
    },
    {
      id: 'anatomy/0', index: 2, target: '18', scores: { score: 1 }, latency_ms: 95, subsets: ['anatomy', 'other'],
      prompt: 'Q: Janet has 9 ducks and doubles them. How many?\nA:', response: ' 9 * 2 = 18.\n#### 18', extracted: { answer: '18' },
      usage: { prompt_tokens: 12, completion_tokens: 8 },
    },
    {
      id: 'anatomy/1', index: 3, target: 'A', scores: {}, latency_ms: 30000,
      messages: [{ role: 'user', content: 'A question whose request failed: zebra-unique-word' }],
      error: { message: 'HTTP 503 from http://127.0.0.1:9/v1/chat/completions after 5 retries', status: 503 },
    },
    {
      id: 'world_religions/0', index: 4, target: 'D', scores: { score: 0 }, latency_ms: 180, subsets: ['world_religions', 'humanities'],
      messages: [{ role: 'user', content: 'Turn one: name a sacred text.' }], turns: ['Turn two: and another one?'],
      response: ['The Vedas.', 'The Quran.'], extracted: { answer: null }, usage: { prompt_tokens: 20, completion_tokens: 12 },
    },
    {
      id: 'world_religions/1', index: 5, target: 'B', scores: { score: 1, other_metric: 0 }, latency_ms: 60, subsets: ['world_religions', 'humanities'],
      requests: [
        { context: 'Question: 2 + 2 =\nAnswer:', continuation: ' 3' },
        { context: 'Question: 2 + 2 =\nAnswer:', continuation: ' 4' },
      ],
      response: [{ logprob: -3.2, is_greedy: false }, { logprob: -0.1, is_greedy: true }], extracted: { answer: '1' },
      details: { note: 'log-likelihood <b>not bold</b>' },
    },
  ];
}

/** `count` small chat samples, ids `s/<i>`, about a third correct, every 50th an error. */
export function manySamples(count: number, offset = 0): SampleRecord[] {
  const samples: SampleRecord[] = [];
  for (let i = 0; i < count; i++) {
    const error = i % 50 === 49;
    samples.push({
      id: `s/${i + offset}`, index: i, target: 'ABCD'[i % 4]!,
      messages: [{ role: 'user', content: `Question number ${i + offset}: which letter follows ${'ABCD'[(i + 3) % 4]}? Choose among A, B, C and D.` }],
      ...(error
        ? { scores: {}, error: { message: 'HTTP 500', status: 500 } }
        : { response: `Let me think about question ${i + offset}. Answer: ${'ABCD'[(i * 7) % 4]}`, extracted: { answer: 'ABCD'[(i * 7) % 4]! }, scores: { score: i % 3 === 0 ? 1 : 0 } }),
      latency_ms: 50 + ((i * 37) % 400),
      usage: { prompt_tokens: 20 + (i % 30), completion_tokens: 5 + ((i * 13) % 60) },
    });
  }
  return samples;
}

/** The same samples with the primary `score` of every `every`-th scored one flipped (0 ↔ 1). */
export function flippedSamples(samples: readonly SampleRecord[], every: number): SampleRecord[] {
  return samples.map((sample, i) => (sample.error || i % every !== 0 ? sample : { ...sample, scores: { score: 1 - sample.scores.score! } }));
}
