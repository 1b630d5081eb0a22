import { describe, expect, it } from 'vitest';
import { cutAtStopSequences, requestStopSequences } from '../../../src/harnesses/lm-eval/stop-sequences.js';

const UNTIL = ['<|eot_id|>', '<|start_header_id|>user<|end_header_id|>', 'Q:', '</s>', '<|im_end|>'];

describe('requestStopSequences', () => {
  it('sends all of until to completions and the first four to chat', () => {
    expect(requestStopSequences(UNTIL, 'completions')).toEqual(UNTIL);
    expect(requestStopSequences(UNTIL, 'chat')).toEqual(UNTIL.slice(0, 4));
  });
});

describe('cutAtStopSequences', () => {
  it('keeps the text before each stop string in list order, skipping empty ones', () => {
    expect(cutAtStopSequences('a Q: b </s> c', ['</s>', 'Q:'])).toBe('a ');
    expect(cutAtStopSequences('abc', ['', 'c'])).toBe('ab');
    expect(cutAtStopSequences('no stop', ['Q:'])).toBe('no stop');
    // Overlapping stops: splitting at "bc" first leaves "a", which has no "ab".
    expect(cutAtStopSequences('abc', ['bc', 'ab'])).toBe('a');
  });
});
