import { afterEach, describe, expect, it } from 'vitest';
import { createModelClient } from '../../src/adapters/model-client.js';
import { createMockServer, type MockServer } from '../../src/testing/index.js';

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('multi-turn prompts', () => {
  it('asks each turn with the earlier turns and answers, and returns one answer per turn', async () => {
    server = await createMockServer({ replies: { 'Write a haiku.': 'Leaves fall slowly', 'Now make it rhyme.': 'Leaves fall, none at all' }, recordRequests: true });
    const client = createModelClient({ url: server.chatUrl, modelId: 'm', type: 'chat' }, { maxNewTokens: 64, temperature: 0 });
    const reply = await client.generate(
      { kind: 'multi-turn', messages: [{ role: 'system', content: 'Be brief.' }], turns: ['Write a haiku.', 'Now make it rhyme.'] },
      new AbortController().signal,
      'q81',
    );
    await client.close();
    expect(reply.turns).toEqual(['Leaves fall slowly', 'Leaves fall, none at all']);
    expect(reply.text).toBe('Leaves fall, none at all');
    // Usage is summed over the turns (the mock counts whitespace-separated words).
    expect(reply.usage?.completionTokens).toBe(3 + 5);
    const bodies = server.requests() as Array<{ messages: unknown[]; max_tokens: number }>;
    expect(bodies.map((b) => b.messages)).toEqual([
      [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Write a haiku.' }],
      [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Write a haiku.' },
        { role: 'assistant', content: 'Leaves fall slowly' },
        { role: 'user', content: 'Now make it rhyme.' },
      ],
    ]);
    expect(bodies.every((b) => b.max_tokens === 64)).toBe(true);
  });
});
