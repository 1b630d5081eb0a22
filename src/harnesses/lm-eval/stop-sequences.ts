import type { EndpointType } from '../../core/config/schema.js';

/**
 * The stop list lm-eval sends for a task's `until`: completions get all of it; chat gets only the
 * first four (`local-chat-completions` sends `stop[:4]`, the OpenAI limit). No EOS string is added:
 * NeMo runs lm-eval without a tokenizer and with concurrent requests, where lm-eval adds none.
 */
export function requestStopSequences(until: readonly string[], endpointType: EndpointType): string[] {
  return endpointType === 'chat' ? until.slice(0, 4) : until.slice();
}

/**
 * Cuts a response at its stop sequences the way lm-eval does wherever it cuts locally
 * (`postprocess_generated_text`): for each non-empty stop in list order, keep the text before its
 * first occurrence. lm-eval's API clients leave this to the server; cutting again at the list that
 * was sent changes nothing for a server that honours `stop` and gives the same text for one that
 * ignores it.
 */
export function cutAtStopSequences(text: string, stops: readonly string[]): string {
  let result = text;
  for (const stop of stops) {
    const at = stop.length > 0 ? result.indexOf(stop) : -1;
    if (at >= 0) result = result.slice(0, at);
  }
  return result;
}
