import type { ChatMessage } from '../../core/task.js';

/** One few-shot example as lm-eval renders it: `doc_to_text` and `doc_to_target` of the shot. */
export interface Shot {
  question: string;
  answer: string;
}

export interface FewshotLayout {
  /** Between a question and its answer (lm-eval default `" "`). */
  targetDelimiter: string;
  /** After each shot's answer (lm-eval default `"\n\n"`). */
  fewshotDelimiter: string;
  /** The task `description`, sent first (as the system message in chat). */
  description?: string;
}

/** A message plus the delimiter lm-eval appends to it when rendering plain text. */
interface DelimitedMessage extends ChatMessage {
  delimiter: string;
}

/**
 * lm-eval's `fewshot_context` messages (`build_qa_turn` per shot, then the eval question): a
 * description becomes a system message; each shot is a user turn (`question`, followed by
 * `targetDelimiter` in text form) and, when its answer is not empty, an assistant turn (`answer`,
 * followed by `fewshotDelimiter`); the eval question is a user turn with no delimiter.
 */
function fewshotMessages(shots: readonly Shot[], question: string, layout: FewshotLayout): DelimitedMessage[] {
  const messages: DelimitedMessage[] = [];
  if (layout.description) messages.push({ role: 'system', content: layout.description, delimiter: '' });
  for (const shot of shots) {
    const hasAnswer = shot.answer !== '';
    messages.push({ role: 'user', content: shot.question, delimiter: hasAnswer ? layout.targetDelimiter : '' });
    if (hasAnswer) messages.push({ role: 'assistant', content: shot.answer, delimiter: layout.fewshotDelimiter });
  }
  messages.push({ role: 'user', content: question, delimiter: '' });
  return messages;
}

/**
 * The plain-text prompt lm-eval builds for a completions model: description, then
 * `question + targetDelimiter + answer + fewshotDelimiter` per shot, then the eval question with
 * nothing after it.
 */
export function fewshotText(shots: readonly Shot[], question: string, layout: FewshotLayout): string {
  return fewshotMessages(shots, question, layout)
    .map((message) => message.content + message.delimiter)
    .join('');
}

/**
 * The chat messages lm-eval sends with `--apply_chat_template`. With `--fewshot_as_multiturn`
 * (`multiturn: true`, as NeMo runs chat tasks) each shot is a user and an assistant message and
 * delimiters are dropped; without it everything after the system message is collapsed into one
 * user message rendered as plain text.
 */
export function fewshotChat(shots: readonly Shot[], question: string, layout: FewshotLayout, multiturn: boolean): ChatMessage[] {
  const messages = fewshotMessages(shots, question, layout);
  const system = messages[0]?.role === 'system' ? messages.slice(0, 1) : [];
  const turns = messages.slice(system.length);
  const plain = ({ role, content }: ChatMessage): ChatMessage => ({ role, content });
  if (multiturn) return [...system.map(plain), ...turns.map(plain)];
  return [...system.map(plain), { role: 'user', content: turns.map((message) => message.content + message.delimiter).join('') }];
}
