import { describe, expect, it } from 'vitest';
import { readMtbenchRating } from '../../../src/harnesses/mtbench/mtbench-rating.js';

const rated = (value: number, text: string) => ({ value, unparsable: false, text });
const unparsable = { value: -1, unparsable: true, text: null };

describe('readMtbenchRating (FastChat one_score_pattern, then the backup)', () => {
  it('reads [[n]] anywhere, ints and floats, never clamped', () => {
    expect(readMtbenchRating('The answer is fine.\n\nRating: [[7]]')).toEqual(rated(7, '7'));
    expect(readMtbenchRating('[[8.5]]')).toEqual(rated(8.5, '8.5'));
    expect(readMtbenchRating('[[15]]')).toEqual(rated(15, '15'));
    expect(readMtbenchRating('[[0]]')).toEqual(rated(0, '0'));
    // literal_eval("10.") is the float 10.0.
    expect(readMtbenchRating('Rating: [[10.]]')).toEqual(rated(10, '10.'));
  });

  it('falls back to [n] only when no [[n]] is anywhere in the reply', () => {
    expect(readMtbenchRating('Rating: [7]')).toEqual(rated(7, '7'));
    // A citation comes first, but the double-bracket pattern is searched first over the whole reply.
    expect(readMtbenchRating('As shown in [1], the answer is right.\nRating: [[6]]')).toEqual(rated(6, '6'));
    // Without one, the backup catches the citation.
    expect(readMtbenchRating('As shown in [1], the answer is right. Rating: 6/10')).toEqual(rated(1, '1'));
    // [[ 7 ]] fails the first pattern; the backup cannot match inside it either.
    expect(readMtbenchRating('Rating: [[ 7 ]]')).toEqual(unparsable);
  });

  it('is -1 and unparsable without a match', () => {
    expect(readMtbenchRating('I rate this response 8 out of 10.')).toEqual(unparsable);
    expect(readMtbenchRating('Rating: [[rating]]')).toEqual(unparsable);
    expect(readMtbenchRating('')).toEqual(unparsable);
    expect(readMtbenchRating('[[-3]]')).toEqual(unparsable);
  });

  it('counts as unparsable what literal_eval would refuse (FastChat crashes on it)', () => {
    // Python 3 rejects a leading zero on an integer literal; \d also matches non-ASCII digits.
    expect(readMtbenchRating('[[07]]')).toEqual(unparsable);
    expect(readMtbenchRating('[[٧]]')).toEqual(unparsable);
    // ...but not on a float, nor an all-zero integer.
    expect(readMtbenchRating('[[07.5]]')).toEqual(rated(7.5, '07.5'));
    expect(readMtbenchRating('[[00]]')).toEqual(rated(0, '00'));
  });
});
