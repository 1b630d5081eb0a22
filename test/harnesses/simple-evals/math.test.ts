import { describe, expect, it } from 'vitest';
import { createDatasetReader } from '../../../src/core/datasets/create-dataset-reader.js';
import { ConfigError } from '../../../src/core/errors.js';
import type { MetricStats, MetricTotals } from '../../../src/core/task.js';
import { aime2024Task, aime2025Task, mathTask, mathTest500Task } from '../../../src/harnesses/simple-evals/math.js';
import { MATH_RULE_BASED_CHECKER } from '../../../src/harnesses/simple-evals/math-scorer.js';

const TASKS = [mathTest500Task, mathTask, aime2024Task, aime2025Task];

describe('simple-evals math task definitions', () => {
  it('are chat tasks named as NeMo (and upstream, for math) name them', () => {
    expect(TASKS.map((t) => t.name)).toEqual(['math_test_500', 'math', 'AIME_2024', 'AIME_2025']);
    for (const task of TASKS) {
      expect(task.harness).toBe('simple_evals');
      expect(task.endpointTypes).toEqual(['chat']);
      expect(task.description).toContain('rule-based Hendrycks MATH is_equiv');
      expect(task.reference).toContain('openai/simple-evals@ee3b0318d8d1d9d72755a4120879be65f7c07e9e math_eval.py');
      expect(task.reference).toContain('lm_eval/tasks/hendrycks_math/utils.py');
    }
  });

  it('default n_samples to NeMo\'s catalogue (upstream\'s 10 for math) and read it from params.extra', () => {
    expect(TASKS.map((t) => t.defaults.extra?.n_samples)).toEqual([1, 10, 1, 10]);
    expect(mathTest500Task.samplesPerDoc!({ extra: { n_samples: 3 } })).toBe(3);
    expect(mathTest500Task.samplesPerDoc!({})).toBe(1);
    expect(() => aime2025Task.samplesPerDoc!({ extra: { n_samples: 0 } })).toThrow(ConfigError);
    expect(() => aime2025Task.samplesPerDoc!({ extra: { n_samples: '10' } })).toThrow(/config\.params\.extra\.n_samples/);
  });

  it('send one user message with the upstream template', async () => {
    const prompter = await mathTest500Task.createPrompter({ params: {}, endpointType: 'chat', data: createDatasetReader({ offline: true }) });
    const prompt = prompter({ question: 'What is $1+1$?', answer: '2' }, 0);
    expect(prompt).toEqual({ kind: 'chat', messages: [{ role: 'user', content: expect.stringContaining('\n\nWhat is $1+1$?\n\nRemember to put') }] });
    expect(mathTest500Task.target({ question: 'q', answer: '\\frac{1}{2}' })).toBe('\\frac{1}{2}');
  });
});

describe('simple-evals math scoring (rule-based checker)', () => {
  // Extraction by re.search(ANSWER_PATTERN, response), verdict by lm-eval's is_equiv(gold, extracted):
  // both printed by python3 from the reference sources.
  it.each([
    ['Answer: 42   ', '42', '42   ', 1],
    ['Answer: 3\nWait.\nAnswer: 5', '5', '3', 0],
    ['Answer: 5\r\nThanks', '5', '5\r', 0],
    ['The answer is 5', '5', null, 0],
    ['Answer:\u00a0x = 4', '4', 'x = 4', 1],
    ['FINAL ANSWER: $\\boxed{7}$', '7', '$\\boxed{7}$', 0],
    ['Answer: \\dfrac{1}{2}', '\\frac{1}{2}', '\\dfrac{1}{2}', 1],
    ['Answer: 90^\\circ', '90', '90^\\circ', 1],
    ['Answer: 0.5', '\\frac{1}{2}', '0.5', 1],
    ['Answer: 10 \\text{ cm}', '10', '10 \\text{ cm}', 1],
    ['Answer: (3, \\frac{\\pi}{2})', '\\left( 3, \\frac{\\pi}{2} \\right)', '(3, \\frac{\\pi}{2})', 1],
    ['Answer: 1/2', '\\frac{1}{2}', '1/2', 1],
    ['Answer: \\sqrt3/2', '\\frac{\\sqrt{3}}{2}', '\\sqrt3/2', 0],
  ])('%j against gold %j', (response, gold, extracted, score) => {
    expect(mathTest500Task.score(response, { question: 'q', answer: gold })).toEqual({
      extracted: { answer: extracted },
      scores: { score },
      details: { checker: MATH_RULE_BASED_CHECKER },
    });
  });
});

describe('simple-evals math report', () => {
  const scored = (correct: number, count: number): ReadonlyMap<string, MetricStats> => new Map([['score', { count, sum: correct, sumSquared: correct }]]);

  it('reports the micro mean over all samples, with tasks = groups', () => {
    // 3 problems × 10 samples, 12 right.
    const totals: MetricTotals = new Map([['', scored(12, 30)]]);
    const result = aime2025Task.report(totals);
    const micro = result.groups.AIME_2025!.metrics.score!.scores.micro!;
    expect(micro.value).toBe(0.4);
    expect(micro.stats.stddev).toBeCloseTo(Math.sqrt(0.24), 15);
    expect(micro.stats.stderr).toBeCloseTo(Math.sqrt((12 - 30 * 0.16) / 29 / 30), 15);
    expect(result.groups.AIME_2025!.metrics.score!.scores.macro).toBeUndefined();
    expect(result.tasks).toEqual({ AIME_2025: { metrics: result.groups.AIME_2025!.metrics } });
  });
});
