// `npm run quickstart`: starts the bundled OpenAI-compatible mock endpoint, runs the native
// gsm8k_cot_instruct task on 20 GSM8K questions shipped with the project, prints the scores and
// where results.yml is. Offline; nothing to configure.
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatasetReader, evaluate } from '../dist/index.js';
import { createMockServer } from '../dist/testing.js';

const dataDir = fileURLToPath(new URL('./quickstart/data', import.meta.url));
const answers = new Map(
  readFileSync(join(dataDir, 'gsm8k/test.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line))
    .map(({ question, answer }) => [question, answer.split('#### ').at(-1).trim()]),
);

// A pretend model: reasons briefly and answers right, except for every fourth question.
let asked = 0;
const model = await createMockServer({
  latencyMs: 20,
  replies: ({ prompt }) => {
    const question = prompt.replace(/^Q: /, '').replace(/\nA: Let's think step by step\.$/, '');
    const gold = answers.get(question) ?? '0';
    const said = ++asked % 4 === 0 ? String(Number(gold.replace(/,/g, '')) + 1) : gold;
    return `Let me work through it. The answer is ${said}.`;
  },
});

const outputDir = mkdtempSync(join(tmpdir(), 'evalforge-quickstart-'));
try {
  const result = await evaluate(
    { type: 'gsm8k_cot_instruct', outputDir, params: { parallelism: 8 } },
    { apiEndpoint: { modelId: 'mock-model', url: model.chatUrl, type: 'chat' } },
    { data: createDatasetReader({ dataDir }) },
  );
  console.log('gsm8k_cot_instruct on 20 questions against the mock endpoint:');
  // Reported under lm-eval's task name, as NeMo Evaluator's results.yml does.
  for (const [task, { metrics }] of Object.entries(result.tasks)) {
    for (const [metric, { scores }] of Object.entries(metrics)) {
      const score = scores[metric];
      console.log(`  ${task} ${metric.padEnd(30)} ${score.value.toFixed(3)} ± ${(score.stats.stderr ?? 0).toFixed(3)}`);
    }
  }
  console.log(`\nresults.yml:   ${join(outputDir, 'results.yml')}`);
  console.log(`samples.jsonl: ${join(outputDir, 'samples.jsonl')}`);
} finally {
  await model.close();
}
