import { describe, expect, it } from 'vitest';
import { buildLoglikelihoodBody, LogprobsMissingError, parseLoglikelihoodReply } from '../../src/adapters/loglikelihood-payload.js';
import { responseJson } from '../../src/adapters/pipeline/types.js';
import { MalformedReplyError } from '../../src/adapters/openai-payload.js';

/** A reply with one choice per entry; each entry lists [token, logprob, top-1 logprob]. */
function reply(choices: Array<Array<[string, number | null, number?]>>, withOffsets = true): string {
  return JSON.stringify({
    choices: choices.map((tokens, index) => {
      let offset = 0;
      const text_offset = tokens.map(([token]) => {
        const at = offset;
        offset += [...token].length;
        return at;
      });
      return {
        index,
        text: tokens.map(([t]) => t).join(''),
        finish_reason: 'length',
        logprobs: {
          tokens: tokens.map(([t]) => t),
          token_logprobs: tokens.map(([, lp]) => lp),
          top_logprobs: tokens.map(([t, lp, top]) => (lp === null ? null : { [t]: lp, alt: top ?? lp })),
          ...(withOffsets ? { text_offset } : {}),
        },
      };
    }),
  });
}

describe('buildLoglikelihoodBody', () => {
  it('asks for every prompt echoed with its log-probabilities and nothing generated', () => {
    expect(buildLoglikelihoodBody('m', [{ context: 'Q: x\nA:', continuation: ' yes' }, { context: 'Q: x\nA:', continuation: ' no' }])).toEqual({
      model: 'm',
      prompt: ['Q: x\nA: yes', 'Q: x\nA: no'],
      max_tokens: 0,
      echo: true,
      logprobs: 1,
      temperature: 0,
      seed: 1234,
    });
  });
});

/** The reply body parsed as the pipeline parses it, then read. */
const parse = (body: string, requests: Parameters<typeof parseLoglikelihoodReply>[2]) =>
  parseLoglikelihoodReply(responseJson({ status: 200, headers: {}, body, latencyMs: 0 }), body, requests);

describe('parseLoglikelihoodReply', () => {
  const requests = [
    { context: 'Q: x\nA:', continuation: ' yes' },
    { context: 'Q: x\nA:', continuation: ' no way' },
  ];

  it('sums the continuation tokens found from the end of the echoed prompt, and tells greedy from not', () => {
    const body = reply([
      [['Q:', null], [' x', -2], ['\nA:', -1], [' yes', -0.25]],
      [['Q:', null], [' x', -2], ['\nA:', -1], [' no', -0.5, -0.1], [' way', -1.5]],
    ]);
    expect(parse(body, requests)).toEqual([
      { logprob: -0.25, isGreedy: true },
      { logprob: -2, isGreedy: false },
    ]);
  });

  it('needs no text_offset', () => {
    const body = reply(
      [
        [['Q:', null], [' x', -2], ['\nA:', -1], [' yes', -0.25]],
        [['Q:', null], [' x', -2], ['\nA:', -1], [' no', -0.5], [' way', -1.5]],
      ],
      false,
    );
    expect(parse(body, requests).map((r) => r.logprob)).toEqual([-0.25, -2]);
  });

  it('never counts generated tokens after the prompt (a server that generated one anyway)', () => {
    const body = reply([
      [['Q:', null], [' x', -2], ['\nA:', -1], [' yes', -0.25], ['!', -9]],
      [['Q:', null], [' x', -2], ['\nA:', -1], [' no', -0.5], [' way', -1.5], ['.', -9]],
    ]);
    expect(parse(body, requests).map((r) => r.logprob)).toEqual([-0.25, -2]);
  });

  it("moves the context's trailing whitespace into the continuation, as lm-eval does", () => {
    const body = reply([[['Answer', null], [':', -1], [' (', -0.5], ['A', -0.25], [')', -0.125]]]);
    expect(parse(body, [{ context: 'Answer: ', continuation: '(A)' }])).toEqual([{ logprob: -0.875, isGreedy: true }]);
  });

  it('counts a token that straddles the context/continuation boundary for the continuation', () => {
    const body = reply([[['Answer', null], [': A', -3]]]);
    expect(parse(body, [{ context: 'Answer:', continuation: ' A' }])).toEqual([{ logprob: -3, isGreedy: true }]);
  });

  it('measures token texts in code points, as Python does', () => {
    const body = reply([[['😀', null], ['!', -1], [' ok', -0.5]]]);
    expect(parse(body, [{ context: '😀!', continuation: ' ok' }])).toEqual([{ logprob: -0.5, isGreedy: true }]);
  });

  it('matches choices to requests by their index', () => {
    const body = JSON.parse(reply([[['a', null], [' yes', -1]], [['a', null], [' no way', -2]]]));
    body.choices.reverse();
    expect(parse(JSON.stringify(body), [{ context: 'a', continuation: ' yes' }, { context: 'a', continuation: ' no way' }]).map((r) => r.logprob)).toEqual([-1, -2]);
  });

  it('says the endpoint returned no log-probabilities when logprobs is null', () => {
    const body = JSON.stringify({ choices: [{ index: 0, text: 'Q: x\nA: yes', logprobs: null, finish_reason: 'length' }] });
    expect(() => parse(body, [requests[0]!])).toThrow(LogprobsMissingError);
    expect(() => parse(body, [requests[0]!])).toThrow('choices[0].logprobs has no tokens and token_logprobs');
  });

  it('says so when the prompt was not echoed, and never scores generated tokens as the continuation', () => {
    const empty = JSON.stringify({ choices: [{ index: 0, text: '', logprobs: { tokens: [], token_logprobs: [], top_logprobs: [], text_offset: [] } }] });
    expect(() => parse(empty, [requests[0]!])).toThrow(LogprobsMissingError);
    expect(() => parse(empty, [requests[0]!])).toThrow(/does not echo the prompt \(0 of its 11 characters came back/);
    // echo ignored, one token generated: its logprob must not pass for the continuation's.
    const generatedOnly = JSON.stringify({ choices: [{ index: 0, text: ' yes', logprobs: { tokens: [' yes'], token_logprobs: [-0.1], top_logprobs: [{ ' yes': -0.1 }], text_offset: [0] } }] });
    expect(() => parse(generatedOnly, [requests[0]!])).toThrow(/does not echo the prompt/);
  });

  it("is not thrown off by a BOS token the echoed text does not show (vLLM's text_offset then starts past it)", () => {
    const tokens = ['<|begin_of_text|>', 'Q:', ' x', '\nA:', ' yes'];
    let offset = 0;
    const text_offset = tokens.map((t) => ((offset += t.length), offset - t.length));
    const body = JSON.stringify({
      choices: [{ index: 0, text: 'Q: x\nA: yes', finish_reason: 'length', logprobs: { tokens, token_logprobs: [null, -5, -2, -1, -0.25], top_logprobs: [null, {}, {}, {}, { ' yes': -0.25 }], text_offset } }],
    });
    expect(parse(body, [requests[0]!])).toEqual([{ logprob: -0.25, isGreedy: true }]);
  });

  it('rejects a continuation token without a logprob, and a reply with the wrong number of choices', () => {
    expect(() => parse(reply([[['Q:', null], [' x', null]]]), [{ context: 'Q:', continuation: ' x' }])).toThrow(LogprobsMissingError);
    expect(() => parse(reply([[['a', null], [' b', -1]]]), requests)).toThrow(MalformedReplyError);
    expect(() => parse('not json', requests)).toThrow('reply is not JSON');
  });
});
