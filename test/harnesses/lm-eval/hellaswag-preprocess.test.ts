import { describe, expect, it } from 'vitest';
import { hellaswagPreprocess, hellaswagQuery } from '../../../src/harnesses/lm-eval/hellaswag-preprocess.js';

// Expected values: lm-eval tasks/hellaswag/utils.py `preprocess` run with python3 on each input.
describe('hellaswagPreprocess', () => {
  it('strips, turns " [title]" into ". ", removes the other markers, then halves double spaces once', () => {
    expect(hellaswagPreprocess('  [header] How to cook [title] Boil water. [step] Add salt.  ')).toBe(' How to cook. Boil water. Add salt.');
    expect(hellaswagPreprocess('[title]')).toBe('');
    expect(hellaswagPreprocess('x[title]y')).toBe('xy');
  });

  it("removes each [...] lazily, on one line only, with Python's dot (which crosses \\r)", () => {
    expect(hellaswagPreprocess('a [x] b [y] c')).toBe('a b c');
    expect(hellaswagPreprocess('Nested [a [b] c] d')).toBe('Nested c] d');
    expect(hellaswagPreprocess('keep [a\nb] this')).toBe('keep [a\nb] this');
    expect(hellaswagPreprocess('drop [a\rb]this')).toBe('drop this');
    expect(hellaswagPreprocess('no close [bracket')).toBe('no close [bracket');
  });

  it('replaces "  " in one left-to-right pass and strips Python whitespace', () => {
    expect(hellaswagPreprocess('four    spaces')).toBe('four  spaces');
    expect(hellaswagPreprocess('three   spaces')).toBe('three  spaces');
    expect(hellaswagPreprocess('\u3000\x1cpadded\x85')).toBe('padded');
  });
});

describe('hellaswagQuery', () => {
  it('is preprocess(activity_label + ": " + ctx_a + " " + ctx_b.capitalize())', () => {
    expect(hellaswagQuery('Roof shingle removal', 'A man is sitting on a roof.', 'he')).toBe('Roof shingle removal: A man is sitting on a roof. He');
    // An empty ctx_b leaves a trailing space that strip() removes.
    expect(hellaswagQuery('Home', 'Turn it on.', '')).toBe('Home: Turn it on.');
  });
});
