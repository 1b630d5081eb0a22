import { describe, expect, it } from 'vitest';
import { choiceRequests, scoreMultipleChoice } from '../../../src/harnesses/lm-eval/multiple-choice.js';

const lls = (...values: number[]) => values.map((logprob) => ({ logprob, isGreedy: false }));

describe('choiceRequests', () => {
  it('continues the shared context with the target delimiter and each choice', () => {
    expect(choiceRequests('Q\nAnswer:', ['red', 'blue'])).toEqual([
      { context: 'Q\nAnswer:', continuation: ' red' },
      { context: 'Q\nAnswer:', continuation: ' blue' },
    ]);
    expect(choiceRequests('ctx', ['a'], '')).toEqual([{ context: 'ctx', continuation: 'a' }]);
  });
});

describe('scoreMultipleChoice (lm-eval process_results, multiple_choice)', () => {
  it('acc takes the most likely choice; acc_norm divides by the choice length in characters', () => {
    // Raw: choice 0 (-4) beats choice 1 (-6). Per character: 0 is -4/2 = -2, 1 is -6/12 = -0.5.
    const scored = scoreMultipleChoice(lls(-4, -6), ['no', 'a longer one'], 1, ['acc', 'acc_norm']);
    expect(scored.scores).toEqual({ 'acc,none': 0, 'acc_norm,none': 1 });
    expect(scored.extracted).toEqual({ answer: '0' });
  });

  it('gives ties to the first choice, as numpy argmax does', () => {
    expect(scoreMultipleChoice(lls(-1, -1), ['x', 'y'], 1, ['acc']).scores).toEqual({ 'acc,none': 0 });
    expect(scoreMultipleChoice(lls(-1, -1), ['x', 'y'], 0, ['acc']).scores).toEqual({ 'acc,none': 1 });
  });

  it('counts code points, not UTF-16 units or bytes, for acc_norm', () => {
    // '😀😀' is 2 code points (4 UTF-16 units, 8 bytes): -3/2 = -1.5 beats 'abc' at -5/3.
    expect(scoreMultipleChoice(lls(-3, -5), ['😀😀', 'abc'], 0, ['acc_norm']).scores).toEqual({ 'acc_norm,none': 1 });
  });

  it('scores 0 when the gold index is outside the choices (lm-eval -100)', () => {
    expect(scoreMultipleChoice(lls(-1, -2), ['x', 'y'], 5, ['acc', 'acc_norm']).scores).toEqual({ 'acc,none': 0, 'acc_norm,none': 0 });
    expect(scoreMultipleChoice(lls(-1, -2), ['x', 'y'], -1, ['acc']).scores).toEqual({ 'acc,none': 0 });
  });

  it('reports only the metrics asked for', () => {
    expect(Object.keys(scoreMultipleChoice(lls(-1), ['x'], 0, ['acc']).scores)).toEqual(['acc,none']);
  });
});
