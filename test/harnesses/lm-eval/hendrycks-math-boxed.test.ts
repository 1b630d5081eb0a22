import { describe, expect, it } from 'vitest';
import { lastBoxedOnlyString, removeBoxed } from '../../../src/harnesses/lm-eval/hendrycks-math-boxed.js';

// Expected values printed by python3 running the reference last_boxed_only_string / remove_boxed;
// null for remove_boxed is where its asserts fail.
describe('lastBoxedOnlyString and removeBoxed', () => {
  it.each([
    ['so $\\boxed{5}$.', '\\boxed{5}', '5'],
    ['a \\boxed{1} b \\boxed{\\frac{1}{2}}', '\\boxed{\\frac{1}{2}}', '\\frac{1}{2}'],
    ['x \\boxed 5$ y', '\\boxed 5', '5'],
    ['first \\boxed 1$ then \\boxed{2}', '\\boxed 1', '1'],
    ['\\boxed 7', '\\boxed 7', '7'],
    ['\\boxed{a}{b}', '\\boxed{a}', 'a'],
    ['\\fbox{3}', '\\fbox{3}', null],
  ])('%j', (solution, boxed, answer) => {
    expect(lastBoxedOnlyString(solution)).toBe(boxed);
    expect(removeBoxed(boxed)).toBe(answer);
  });

  it.each(['no box', '\\boxed{unclosed', 'x\\boxed}{}{'])('finds nothing in %j', (solution) => {
    expect(lastBoxedOnlyString(solution)).toBeNull();
  });
});
