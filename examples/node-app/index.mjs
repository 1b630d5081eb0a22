// A Node program that uses evalforge as a dependency, exactly as an application would: it runs a
// custom task (arithmetic.yaml, beside this file) and the built-in gsm8k_cot_instruct on 10
// questions, then prints one table of scores.
//
//   npm install && npm start                        # against a toy model on the bundled mock endpoint
//   MODEL_URL=http://localhost:8000/v1/chat/completions MODEL_ID=my-model npm start
//
// GSM8K is read from EVALFORGE_DATA_DIR when set, else the dataset cache, else the Hugging Face hub.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluate } from 'evalforge';
import { createMockServer } from 'evalforge/testing';

const TASKS = [
  { type: 'custom.arithmetic', params: {} },
  { type: 'gsm8k_cot_instruct', params: { limitSamples: 10 } },
];
const customTasks = [fileURLToPath(new URL('./arithmetic.yaml', import.meta.url))];

/**
 * A toy model: it works arithmetic out strictly left to right (so `2 + 3 * 4` is 20) and answers
 * a word problem with the sum of every number in it.
 */
function toyModel({ prompt }) {
  const expression = /What is ([\d+\-*/ ]+)\?/.exec(prompt);
  if (!expression) {
    const sum = (prompt.match(/\d+(\.\d+)?/g) ?? []).map(Number).reduce((a, b) => a + b, 0);
    return `Adding everything up, the answer is ${sum}.`;
  }
  const [first, ...rest] = expression[1].trim().split(/\s+/);
  let value = Number(first);
  for (let i = 0; i < rest.length; i += 2) {
    const operand = Number(rest[i + 1]);
    value = { '+': value + operand, '-': value - operand, '*': value * operand, '/': value / operand }[rest[i]];
  }
  return `Answer: ${value}`;
}

const mock = process.env.MODEL_URL ? undefined : await createMockServer({ replies: toyModel });
const apiEndpoint = {
  url: process.env.MODEL_URL ?? mock.chatUrl,
  modelId: process.env.MODEL_ID ?? 'toy-model',
  type: 'chat',
  ...(process.env.MODEL_API_KEY ? { apiKeyName: 'MODEL_API_KEY' } : {}),
};

const rows = [];
try {
  for (const { type, params } of TASKS) {
    const outputDir = mkdtempSync(join(tmpdir(), 'evalforge-node-app-'));
    const result = await evaluate({ type, outputDir, params: { parallelism: 4, ...params } }, { apiEndpoint }, { customTasks });
    // Results are keyed by the harness's own task name (gsm8k_cot_instruct reports gsm8k_zeroshot_cot).
    for (const [task, { metrics }] of Object.entries(result.tasks)) {
      for (const [metric, { scores }] of Object.entries(metrics)) {
        const { value, stats } = scores[metric];
        rows.push([task, metric, value.toFixed(3), (stats.stderr ?? 0).toFixed(3), String(stats.count ?? ''), outputDir]);
      }
    }
  }
} finally {
  await mock?.close();
}

const header = ['task', 'metric', 'score', 'stderr', 'n', 'output dir'];
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
const line = (cells) => cells.map((cell, column) => (column >= 2 && column <= 4 ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ').trimEnd();
console.log(line(header));
console.log(line(widths.map((width) => '-'.repeat(width))));
for (const row of rows) console.log(line(row));
