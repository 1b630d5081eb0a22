// `npm run build && node examples/loglikelihood-task.mjs`: a log-likelihood multiple-choice task
// written in code (a TaskDefinition whose prompts are `loglikelihood` requests), registered next to
// the built-in tasks and run against the bundled mock endpoint, which scores echoed prompts with
// log-probabilities. Offline; nothing to configure.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDefaultRegistry, evaluate } from '../dist/index.js';
import { createMockServer } from '../dist/testing.js';

const QUESTIONS = [
  { id: 'q1', question: 'What color is the sky on a clear day?', choices: ['green', 'blue', 'red'], gold: 1 },
  { id: 'q2', question: 'How many legs does a spider have?', choices: ['eight', 'six'], gold: 0 },
  { id: 'q3', question: 'Which planet is closest to the sun?', choices: ['Venus', 'Mars', 'Mercury'], gold: 2 },
];

/** Picks the choice with the highest summed log-probability, as lm-evaluation-harness's `acc`. */
function score(lls, doc) {
  const best = lls.reduce((top, ll, i) => (ll.logprob > lls[top].logprob ? i : top), 0);
  return { extracted: { answer: doc.choices[best] }, scores: { 'acc,none': best === doc.gold ? 1 : 0 } };
}

const triviaTask = {
  name: 'trivia_mc',
  harness: 'examples',
  description: 'Three trivia questions scored by log-likelihood',
  version: '1',
  reference: 'examples/loglikelihood-task.mjs',
  endpointTypes: ['completions'],
  requiredCapabilities: ['logprobs'],
  defaults: {},
  async *docs() {
    for (const doc of QUESTIONS) yield { id: doc.id, doc };
  },
  // One request per choice: the shared context and the choice as its continuation.
  createPrompter: async () => (doc) => ({
    kind: 'loglikelihood',
    requests: doc.choices.map((choice) => ({ context: `Question: ${doc.question}\nAnswer:`, continuation: ` ${choice}` })),
  }),
  target: (doc) => doc.choices[doc.gold],
  score,
  report(totals) {
    const stats = totals.get('')?.get('acc,none') ?? { count: 0, sum: 0 };
    const acc = { scores: { acc: { value: stats.count ? stats.sum / stats.count : 0, stats: { count: stats.count } } } };
    return { tasks: { trivia_mc: { metrics: { acc } } }, groups: {} };
  },
};

const registry = createDefaultRegistry();
registry.addHarness({ name: 'examples', pkgName: 'examples', description: 'tasks written in examples/', defaults: {}, tasks: [triviaTask] });

// A pretend model that knows two of the three answers: tokens of "blue" and "eight" are likely.
const model = await createMockServer({ logprobs: (_prefix, token) => ([' blue', ' eight'].includes(token) ? -0.1 : -2.5) });
const outputDir = mkdtempSync(join(tmpdir(), 'evalforge-loglikelihood-'));
try {
  const result = await evaluate(
    { type: 'examples.trivia_mc', outputDir },
    { apiEndpoint: { modelId: 'mock-model', url: model.completionsUrl, type: 'completions' } },
    { registry },
  );
  console.log(`trivia_mc acc: ${result.tasks.trivia_mc.metrics.acc.scores.acc.value.toFixed(3)} (2 of 3 expected)`);
  console.log(`samples.jsonl: ${join(outputDir, 'samples.jsonl')}`);
} finally {
  await model.close();
}
