import { z } from 'zod';
import { defineInterceptor } from '../pipeline/interceptor-definition.js';

interface ChatMessage {
  role?: unknown;
  content?: unknown;
}

const isSystem = (message: ChatMessage): boolean => message?.role === 'system';

/** A message's text: string content as is, content parts as their `text` fields concatenated. */
function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((part: { type?: unknown; text?: unknown }) => (part?.type === 'text' && typeof part.text === 'string' ? part.text : '')).join('');
}

/**
 * NeMo's `system_message` (as nemo-evaluator 0.2.x): the contents of all system messages in a chat
 * body's `messages`, joined with "\n", become ONE system message placed first, the other messages
 * keeping their order. `prepend` (the default) gives new + "\n" + old, `append` old + "\n" + new,
 * `replace` just new; with no (or only empty) existing system text the result is just new. A body
 * without a `messages` array (completions) passes unchanged.
 */
export const systemMessageInterceptor = defineInterceptor({
  name: 'system_message',
  description: 'adds, prepends or appends a system message to chat requests',
  config: z.strictObject({
    system_message: z.string(),
    strategy: z.enum(['prepend', 'append', 'replace']).default('prepend'),
    /** Accepted for NeMo configs; no effect. */
    log_level: z.string().optional(),
  }),
  create(config) {
    const added = config.system_message;
    function combined(existing: string): string {
      if (config.strategy === 'replace' || existing === '') return added;
      return config.strategy === 'append' ? `${existing}\n${added}` : `${added}\n${existing}`;
    }
    return {
      intercept(request, next) {
        const messages = request.body.messages;
        if (!Array.isArray(messages)) return next(request);
        // One pass: the system texts joined with "\n", the other messages kept in order after the new one.
        const system: ChatMessage = { role: 'system', content: '' };
        const edited: ChatMessage[] = [system];
        let existing = '';
        let systemCount = 0;
        for (const message of messages as ChatMessage[]) {
          if (!isSystem(message)) edited.push(message);
          else existing += (systemCount++ === 0 ? '' : '\n') + textOf(message.content);
        }
        system.content = combined(existing);
        return next({ ...request, body: { ...request.body, messages: edited } });
      },
    };
  },
});
