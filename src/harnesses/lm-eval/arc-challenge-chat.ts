import { pythonStrip } from '../../core/python/python-strip.js';
import type { ChatMessage, SampleScore, TaskDefinition } from '../../core/task.js';
import { arcDocs, arcFile, type ArcDoc } from './arc-data.js';
import { exactMatch } from './exact-match.js';
import { lmEvalReference } from './reference.js';
import { lmEvalTaskReport } from './report.js';
import { cutAtStopSequences, requestStopSequences } from './stop-sequences.js';
import { takeFirst } from './take-first.js';

const TASK = 'arc_challenge_chat';
const FILTER = 'remove_whitespace';
/** The YAML's `gen_prefix`, sent as a trailing assistant message for the model to continue. */
const ARC_CHAT_GEN_PREFIX = 'The best answer is';
/** `generation_kwargs.until`; both reach a chat endpoint (`stop[:4]`). */
const STOP = requestStopSequences(['\n\n', '.'], 'chat');

/**
 * `doc_to_text`, the YAML's Jinja template rendered. The YAML writes it in single quotes, where
 * `\n` is not an escape: every "line break" of the prompt is the two characters backslash and
 * `n`, and the prompt is one line, as lm-eval sends it. In order: the instruction, the stripped
 * question (Python `str.strip`), "A. …" to "C. …", "D. …" only when there are more than three
 * choices (`{% if choices.text|length > 3 %}`), then the answer-format sentence. A fifth choice is
 * never shown (the template stops at D).
 */
export function arcChatText(doc: ArcDoc): string {
  const [a, b, c, d] = doc.choices.text;
  const dLine = doc.choices.text.length > 3 ? `\\nD. ${d}` : '';
  return (
    'Given the following question and four candidate answers (A, B, C and D), choose the best answer.\\n' +
    `Question: ${pythonStrip(doc.question)}\\nA. ${a}\\nB. ${b}\\nC. ${c}${dLine}\\n` +
    'Your response should end with "The best answer is [the_answer_letter]" where the [the_answer_letter] is one of A, B, C or D.'
  );
}

/**
 * `doc_to_target`: `{{ 'ABCD'[answerKey|int - 1] if answerKey|string in '1234' else answerKey }}`.
 * ARC's answer keys are single characters (A–E or 1–5), for which the Jinja substring test holds
 * exactly for 1–4: those become A–D, anything else ("E", "5") is kept as it is.
 */
export function arcChatTarget(doc: ArcDoc): string {
  return /^[1-4]$/.test(doc.answerKey) ? ('ABCD'[Number(doc.answerKey) - 1] as string) : doc.answerKey;
}

/**
 * The messages lm-eval sends for a 0-shot chat task with a `gen_prefix`
 * (`--apply_chat_template --fewshot_as_multiturn`, `local-chat-completions`): the question as the
 * user message, then the prefix as an assistant message, which `build_qa_turn` adds when the turn
 * has no answer. Delimiters exist only in text rendering, so `target_delimiter` plays no part.
 */
export function arcChatMessages(doc: ArcDoc): ChatMessage[] {
  return [
    { role: 'user', content: arcChatText(doc) },
    { role: 'assistant', content: ARC_CHAT_GEN_PREFIX },
  ];
}

const metric = exactMatch({ ignoreCase: true, ignorePunctuation: true });

/**
 * The YAML's `filter_list` and metric: the response (cut at the stop list sent, which changes nothing
 * for a server that honours it), `remove_whitespace` (Python `str.strip`), `take_first`, then
 * `exact_match` against the target ignoring case and `string.punctuation`. The response is what the
 * model wrote after the prefix (lm-eval does not prepend it), so " B" scores 1 and "The best answer is
 * B" scores 0.
 */
export function scoreArcChallengeChat(response: string, target: string): SampleScore {
  const answer = takeFirst([pythonStrip(cutAtStopSequences(response, STOP))]);
  return { extracted: { [FILTER]: answer }, scores: { [`exact_match,${FILTER}`]: metric(answer, target) } };
}

/**
 * lm-eval `arc_challenge_chat` (v1.0) as NeMo runs it: ARC-Challenge test (1,172 questions), chat,
 * 0-shot (the YAML's `num_fewshot: 0`, which `--num_fewshot` cannot override), the question as a
 * user message followed by the assistant prefix "The best answer is", stop "\n\n" and ".", NeMo's
 * `max_new_tokens` 1024 (the YAML's `max_gen_toks` is 100). Metric `exact_match,remove_whitespace`
 * (see `scoreArcChallengeChat`). Whether the server continues the trailing assistant message or
 * starts a new turn is the server's choice, as it is for lm-eval.
 */
export const arcChallengeChat: TaskDefinition<ArcDoc> = {
  name: TASK,
  harness: 'lm-evaluation-harness',
  description: 'ARC-Challenge (1,172 questions), 0-shot chat with the assistant prefix "The best answer is", letter exact match (lm-eval arc_challenge_chat)',
  version: '1.0',
  reference: lmEvalReference('lm_eval/tasks/arc/arc_challenge_chat.yaml'),
  endpointTypes: ['chat'],
  defaults: { maxNewTokens: 1024 },
  docs: (data) => arcDocs(data, arcFile('ARC-Challenge', 'test')),
  createPrompter: async () => (doc) => ({ kind: 'chat', messages: arcChatMessages(doc), stop: [...STOP] }),
  target: arcChatTarget,
  score: (response, doc) => scoreArcChallengeChat(response, arcChatTarget(doc)),
  report: (totals) => lmEvalTaskReport(TASK, totals),
};
