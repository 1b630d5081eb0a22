import { describe, expect, it } from 'vitest';
import { strictVerdict } from './strict-verdict.js';

describe('combination:two_responses', () => {
  const id = 'combination:two_responses';
  it('needs two different answers separated by ******', () => {
    expect(strictVerdict(id, {}, 'A\n******\nB')).toBe(true);
    expect(strictVerdict(id, {}, 'A ****** A')).toBe(false);
    expect(strictVerdict(id, {}, 'A ****** B ****** C')).toBe(false);
  });
  it('allows a blank first or last piece only', () => {
    expect(strictVerdict(id, {}, '****** A ****** B')).toBe(true);
    expect(strictVerdict(id, {}, 'A ************ B')).toBe(false);
  });
  it('splits seven stars into the separator and a star that belongs to the second answer', () => {
    expect(strictVerdict(id, {}, 'A ******* B')).toBe(true);
  });
});

describe('combination:repeat_prompt', () => {
  const id = 'combination:repeat_prompt';
  it('needs the response to start with the prompt, ignoring case and surrounding whitespace', () => {
    expect(strictVerdict(id, { prompt_to_repeat: 'Write a poem. ' }, '  write a POEM. Here it is')).toBe(true);
    expect(strictVerdict(id, { prompt_to_repeat: 'Write a poem.' }, 'Sure! Write a poem.')).toBe(false);
  });
});
