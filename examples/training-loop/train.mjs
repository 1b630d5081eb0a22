// A training script that evaluates its model every EVAL_EVERY steps, the way one would call
// evalforge from a real training loop:
//
// - the same fixed subset at every checkpoint (`limitSamples`: the first EVAL_SAMPLES questions) and
//   a fixed request `seed`, so checkpoints are compared on equal terms;
// - one `outputDir` per checkpoint (results.yml, samples.jsonl and the response cache stay apart);
// - an AbortSignal: a time budget per evaluation (training goes on without the numbers) and Ctrl-C
//   (the evaluation stops, finished samples are kept, training stops);
// - a progress callback;
// - one line per checkpoint appended to <run_dir>/eval-metrics.jsonl, ready for a plot or a logger.
//
//   npm run build && node examples/training-loop/train.mjs [run_dir]
//
// Offline: the "model server" is the bundled mock endpoint, answering GSM8K questions from
// examples/quickstart/data correctly more often the further training has got.
// EVAL_BUDGET_MS overrides the time budget per evaluation.
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AbortedError, createDatasetReader, evaluate } from 'evalforge';
import { createMockServer } from 'evalforge/testing';

const TOTAL_STEPS = 1000;
const EVAL_EVERY = 250;
const EVAL_SAMPLES = 10;
const SEED = 1234;
const EVAL_BUDGET_MS = Number(process.env.EVAL_BUDGET_MS ?? 60_000);

const runDir = resolve(process.argv[2] ?? mkdtempSync(join(tmpdir(), 'evalforge-training-run-')));
const metricsFile = join(runDir, 'eval-metrics.jsonl');
mkdirSync(runDir, { recursive: true });

// --- Stand-ins for the trainer and the inference server that serves its latest checkpoint. ---
const dataDir = fileURLToPath(new URL('../quickstart/data', import.meta.url));
const answers = new Map(
  readFileSync(join(dataDir, 'gsm8k/test.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line))
    .map(({ question, answer }) => [question, answer.split('#### ').at(-1).trim()]),
);

/** A number in [0, 1) fixed by the text: which questions a checkpoint gets right. */
function unitHash(text) {
  let hash = 2166136261;
  for (const char of text) hash = Math.imul(hash ^ char.codePointAt(0), 16777619);
  return (hash >>> 0) / 2 ** 32;
}

let servedStep = 0;
const server = await createMockServer({
  latencyMs: 5,
  replies: ({ prompt, body }) => {
    const question = prompt.replace(/^Q: /, '').replace(/\nA: Let's think step by step\.$/, '');
    const gold = answers.get(question) ?? '0';
    const skill = 0.1 + 0.8 * (servedStep / TOTAL_STEPS);
    const right = unitHash(`${body.seed}:${question}`) < skill;
    return `Working through it. The answer is ${right ? gold : Number(gold.replace(/,/g, '')) + 7}.`;
  },
});
/** One optimiser step of your trainer. */
function trainStep() {}
// --- End of stand-ins. ---

const interrupt = new AbortController();
process.once('SIGINT', () => interrupt.abort());

/** Evaluates the checkpoint at `step` and appends its line to eval-metrics.jsonl. */
async function evaluateCheckpoint(step) {
  const checkpoint = `step-${String(step).padStart(6, '0')}`;
  const outputDir = join(runDir, 'evals', checkpoint);
  const started = Date.now();
  const record = { step, checkpoint, output_dir: outputDir };
  try {
    const result = await evaluate(
      { type: 'gsm8k_cot_instruct', outputDir, params: { limitSamples: EVAL_SAMPLES, parallelism: 8 } },
      {
        apiEndpoint: {
          url: server.chatUrl,
          modelId: 'my-model',
          type: 'chat',
          // The default chain (caching, response_stats) with the fixed seed added to every request.
          adapterConfig: {
            interceptors: [{ name: 'payload_modifier', config: { params_to_add: { seed: SEED } } }, 'caching', 'response_stats', 'endpoint'],
          },
        },
      },
      {
        data: createDatasetReader({ dataDir }),
        signal: AbortSignal.any([interrupt.signal, AbortSignal.timeout(EVAL_BUDGET_MS)]),
        onProgress: ({ done, total, failed }) => {
          if (process.stdout.isTTY) process.stdout.write(`\r  ${checkpoint}: ${done}/${total} samples, ${failed} failed`);
          else if (done === total) console.log(`  ${checkpoint}: ${done}/${total} samples, ${failed} failed`);
        },
      },
    );
    if (process.stdout.isTTY) process.stdout.write('\n');
    record.metrics = {};
    record.stderr = {};
    for (const [task, { metrics }] of Object.entries(result.tasks)) {
      for (const [metric, { scores }] of Object.entries(metrics)) {
        record.metrics[`${task}/${metric}`] = scores[metric].value;
        record.stderr[`${task}/${metric}`] = scores[metric].stats.stderr ?? null;
      }
    }
    record.samples = result.evalforge.samples.total;
  } catch (error) {
    if (!(error instanceof AbortedError)) throw error;
    if (process.stdout.isTTY) process.stdout.write('\n');
    record.aborted = interrupt.signal.aborted ? 'interrupted' : `time budget of ${EVAL_BUDGET_MS} ms`;
    record.samples = error.completed;
  }
  record.eval_ms = Date.now() - started;
  appendFileSync(metricsFile, `${JSON.stringify(record)}\n`);
  const summary = record.metrics
    ? Object.entries(record.metrics).map(([key, value]) => `${key.split('/')[1]} ${value.toFixed(3)}`).join(', ')
    : `aborted (${record.aborted}) after ${record.samples} samples`;
  console.log(`step ${step}: ${summary}`);
}

console.log(`run dir: ${runDir}`);
try {
  for (let step = 1; step <= TOTAL_STEPS && !interrupt.signal.aborted; step++) {
    trainStep();
    if (step % EVAL_EVERY === 0) {
      servedStep = step;
      await evaluateCheckpoint(step);
    }
  }
} finally {
  await server.close();
}
console.log(`metrics: ${metricsFile}`);
