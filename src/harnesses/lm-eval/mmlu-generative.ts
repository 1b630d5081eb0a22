import { pythonStrip } from '../../core/python/python-strip.js';
import type { SampleScore, TaskDefinition } from '../../core/task.js';
import type { MmluDoc } from '../simple-evals/mmlu-data.js';
import { exactMatch } from './exact-match.js';
import { fewshotChat, fewshotText } from './fewshot-context.js';
import type { FewshotLayout } from './fewshot-context.js';
import { LM_EVAL_MMLU_CATEGORIES, MMLU_SUBJECTS } from './mmlu-generative-data.js';
import { mmluDescription, mmluDevShots, mmluQuestion, mmluSubtaskDocs } from './mmlu-template.js';
import { resolveNumFewshot } from './num-fewshot.js';
import { lmEvalReference } from './reference.js';
import { regexFilter } from './regex-filter.js';
import { cutAtStopSequences, requestStopSequences } from './stop-sequences.js';
import { takeFirst } from './take-first.js';
import { weightedGroupReport } from './weighted-group-report.js';
import type { WeightedGroup, WeightedGroupLayout } from './weighted-group-report.js';

const GROUP = 'mmlu_generative';
const UNTIL = ['</s>', '\n'];
const FILTER = 'get_response';
/** Shots in the `dev` split per subject, the most `first_n` can give. */
const DEV_ROWS = 5;

/** lm-eval's subtask for a subject: `mmlu_<subject>_generative`. */
export function mmluGenerativeSubtask(subject: string): string {
  return `mmlu_${subject}_generative`;
}

/**
 * `_mmlu.yaml`'s inline groups, named `<parent>::<group>` as lm-eval names inline groups, in the
 * order listed there, each with its tag's tasks sorted by name.
 */
const CATEGORY_GROUPS: readonly WeightedGroup[] = (['stem', 'other', 'social_sciences', 'humanities'] as const).map((category) => ({
  name: `${GROUP}::${category.replaceAll('_', ' ')}`,
  leaves: MMLU_SUBJECTS.filter((subject) => LM_EVAL_MMLU_CATEGORIES[subject] === category).map(mmluGenerativeSubtask),
}));
const ALL_LEAVES = CATEGORY_GROUPS.flatMap((group) => group.leaves);
const REPORT_LAYOUT: WeightedGroupLayout = {
  leaves: ALL_LEAVES,
  groups: [{ name: GROUP, leaves: ALL_LEAVES }, ...CATEGORY_GROUPS],
  aggregated: [`exact_match,${FILTER}`],
};

const firstLine = regexFilter({ regexPattern: '^(.*?)(?=\\n|$)' });
const withoutTrailingSpace = regexFilter({ regexPattern: '^(.*?)\\s*$' });
const sameLetter = exactMatch({ ignoreCase: true, ignorePunctuation: true });

/**
 * The `get_response` filter chain and `exact_match`: the response cut at `</s>` and `\n` (the stop
 * list); the first match of `^(.*?)(?=\n|$)` (the first line), stripped; `.strip()`
 * (`remove_whitespace`); the first match of `^(.*?)\s*$`, stripped; then compared with the gold
 * letter ignoring case and `string.punctuation`, so "B", "b." and "(B)" score 1 and "B. Paris" or
 * "Answer: B" score 0.
 */
export function scoreMmluGenerative(response: string, target: string): SampleScore {
  const text = cutAtStopSequences(response, UNTIL);
  const answer = takeFirst(withoutTrailingSpace(firstLine([text]).map(pythonStrip)));
  return { extracted: { [FILTER]: answer }, scores: { [`exact_match,${FILTER}`]: sameLetter(answer, target) } };
}

/**
 * lm-eval `mmlu_generative` (v3.0), the public generative MMLU: per subject the description, then
 * "<question>\nA. …\nD. …\nAnswer:"; the model's first line must be the letter. No shots by default
 * (the YAML leaves `num_fewshot` unset); `params.extra.num_fewshot` takes the first n `dev` rows of
 * the subject (`first_n`), as `--num_fewshot` does. On a chat endpoint (NeMo's
 * `--apply_chat_template --fewshot_as_multiturn`) the description is the system message and the
 * question the last user message; on a completions endpoint everything is one text. Results: the
 * 57 `mmlu_<subject>_generative` subtasks, the four category groups and `mmlu_generative`, all
 * size-weighted.
 *
 * NeMo's `mmlu_instruct` runs NVIDIA's non-public `mmlu_str --add_instruction` instead, whose
 * instruction text is unpublished; this task is not registered under that name (docs/tasks/mmlu-pro.md).
 */
export const mmluGenerative: TaskDefinition<MmluDoc> = {
  name: GROUP,
  harness: 'lm-evaluation-harness',
  description:
    "MMLU (57 subjects), generative: the first line of the reply must be the answer letter, zero-shot by default (lm-eval mmlu_generative). The public stand-in for NeMo's lm-eval mmlu / mmlu_instruct, which run a non-public mmlu_str build (--add_instruction) not reproduced here.",
  version: '3.0',
  reference: lmEvalReference('lm_eval/tasks/mmlu/generative/_default_template_yaml, _mmlu.yaml, mmlu_<subject>.yaml'),
  limitPerSubtask: true,
  endpointTypes: ['chat', 'completions'],
  defaults: { maxNewTokens: 256 },
  docs: (data) => mmluSubtaskDocs(data, mmluGenerativeSubtask),
  async createPrompter(ctx) {
    // The YAML leaves num_fewshot unset: 0-shot unless the run asks for (at most DEV_ROWS) shots.
    const numFewshot = resolveNumFewshot(ctx.params, undefined, DEV_ROWS);
    const shots = await mmluDevShots(ctx.data, numFewshot);
    const stop = requestStopSequences(UNTIL, ctx.endpointType);
    return (doc) => {
      const layout: FewshotLayout = { targetDelimiter: ' ', fewshotDelimiter: '\n\n', description: mmluDescription(doc.subject) };
      const subjectShots = shots.get(doc.subject) ?? [];
      const question = mmluQuestion(doc);
      if (ctx.endpointType === 'chat') return { kind: 'chat', messages: fewshotChat(subjectShots, question, layout, true), stop: [...stop] };
      return { kind: 'completions', prompt: fewshotText(subjectShots, question, layout), stop: [...stop] };
    };
  },
  target: (doc) => doc.answer,
  score: (response, doc) => scoreMmluGenerative(response, doc.answer),
  report: (totals) => weightedGroupReport(REPORT_LAYOUT, totals),
};
