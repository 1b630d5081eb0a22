import type { TaskDefinition } from '../../core/task.js';
import { pythonStrip } from '../../core/python/python-strip.js';
import { fewshotChat } from './fewshot-context.js';
import type { FewshotLayout } from './fewshot-context.js';
import { firstN } from './fewshot-sampler.js';
import { GSM8K_TEST, gsm8kDocs } from './gsm8k-data.js';
import type { Gsm8kDoc } from './gsm8k-data.js';
import { GSM8K_EXACT_MATCH, GSM8K_FLEXIBLE_EXTRACT } from './gsm8k-metric.js';
import { resolveNumFewshot } from './num-fewshot.js';
import { regexExactMatchScorer } from './regex-exact-match-scorer.js';
import { lmEvalReference } from './reference.js';
import { lmEvalTaskReport } from './report.js';
import { requestStopSequences } from './stop-sequences.js';

const TASK = 'gsm8k_cot_llama';
const NUM_FEWSHOT = 8;
const UNTIL = ['<|eot_id|>', '<|start_header_id|>user<|end_header_id|>', 'Q:', '</s>', '<|im_end|>'];
/** Only the first four reach a chat endpoint (`<|im_end|>` is dropped), so only those cut. */
const STOP = requestStopSequences(UNTIL, 'chat');
const LAYOUT: FewshotLayout = { targetDelimiter: '', fewshotDelimiter: '\n\n' };

/** The YAML's inline `fewshot_config.samples`, in order, as YAML parses them. */
const SAMPLES: readonly { question: string; target: string }[] = [
  {
    question: 'There are 15 trees in the grove. Grove workers will plant trees in the grove today. After they are done, there will be 21 trees. How many trees did the grove workers plant today?',
    target: 'There are 15 trees originally. Then there were 21 trees after some more were planted. So there must have been 21 - 15 = 6. The final answer is 6',
  },
  {
    question: 'If there are 3 cars in the parking lot and 2 more cars arrive, how many cars are in the parking lot?',
    target: 'There are originally 3 cars. 2 more cars arrive. 3 + 2 = 5. The final answer is 5',
  },
  {
    question: 'Leah had 32 chocolates and her sister had 42. If they ate 35, how many pieces do they have left in total?',
    target: 'Originally, Leah had 32 chocolates. Her sister had 42. So in total they had 32 + 42 = 74. After eating 35, they had 74 - 35 = 39. The final answer is 39',
  },
  {
    question: 'Jason had 20 lollipops. He gave Denny some lollipops. Now Jason has 12 lollipops. How many lollipops did Jason give to Denny?',
    target: 'Jason started with 20 lollipops. Then he had 12 after giving some to Denny. So he gave Denny 20 - 12 = 8. The final answer is 8',
  },
  {
    question: 'Shawn has five toys. For Christmas, he got two toys each from his mom and dad. How many toys does he have now?',
    target: 'Shawn started with 5 toys. If he got 2 toys each from his mom and dad, then that is 4 more toys. 5 + 4 = 9. The final answer is 9',
  },
  {
    question: 'There were nine computers in the server room. Five more computers were installed each day, from monday to thursday. How many computers are now in the server room?',
    target: 'There were originally 9 computers. For each of 4 days, 5 more computers were added. So 5 * 4 = 20 computers were added. 9 + 20 is 29. The final answer is 29',
  },
  {
    question: 'Michael had 58 golf balls. On tuesday, he lost 23 golf balls. On wednesday, he lost 2 more. How many golf balls did he have at the end of wednesday?',
    target: 'Michael started with 58 golf balls. After losing 23 on tuesday, he had 58 - 23 = 35. After losing 2 more, he had 35 - 2 = 33 golf balls. The final answer is 33',
  },
  {
    question: 'Olivia has $23. She bought five bagels for $3 each. How much money does she have left?',
    target: 'Olivia had 23 dollars. 5 bagels for 3 dollars each will be 5 x 3 = 15 dollars. So she has 23 - 15 dollars left. 23 - 15 is 8. The final answer is 8',
  },
];

function docToText(question: string): string {
  return `Given the following problem, reason and give a final answer to the problem.\nProblem: ${question}\nYour response should end with "The final answer is [answer]" where [answer] is the response to the problem.\n`;
}

/** `doc_to_target` for a dataset doc: `answer.split('####')[-1].strip()`. */
function docToTarget(doc: Gsm8kDoc): string {
  return pythonStrip(doc.answer.split('####').at(-1) as string);
}

const score = regexExactMatchScorer({
  stop: STOP,
  filters: [
    { name: 'strict-match', regex: { regexPattern: 'The final answer is ((-?[$0-9.,]{2,})|(-?[0-9]+))', groupSelect: -1 } },
    GSM8K_FLEXIBLE_EXTRACT,
  ],
  exactMatch: GSM8K_EXACT_MATCH,
});

/**
 * lm-eval `gsm8k_cot_llama` (v4.0) as NeMo runs it on a chat endpoint (`--apply_chat_template
 * --fewshot_as_multiturn`): the 8 fixed exemplars (`first_n`) as user/assistant turns, then the
 * problem as the last user turn; gold is the number after `####`.
 */
export const gsm8kCotLlama: TaskDefinition<Gsm8kDoc> = {
  name: TASK,
  harness: 'lm-evaluation-harness',
  description: 'GSM8K chain-of-thought, 8-shot multi-turn chat in the Llama 3 eval format, "The final answer is N" (lm-eval gsm8k_cot_llama)',
  version: '4.0',
  reference: lmEvalReference('lm_eval/tasks/gsm8k/gsm8k-cot-llama.yaml'),
  endpointTypes: ['chat'],
  defaults: { maxNewTokens: 1024 },
  docs: (data) => gsm8kDocs(data, GSM8K_TEST),
  async createPrompter(ctx) {
    const numFewshot = resolveNumFewshot(ctx.params, NUM_FEWSHOT, SAMPLES.length);
    const shots = firstN(SAMPLES, numFewshot).map((sample) => ({ question: docToText(sample.question), answer: sample.target }));
    return (doc) => ({ kind: 'chat', messages: fewshotChat(shots, docToText(doc.question), LAYOUT, true), stop: [...STOP] });
  },
  target: docToTarget,
  score: (response, doc) => score(response, docToTarget(doc)),
  report: (totals) => lmEvalTaskReport(TASK, totals),
};
