import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/errors.js';
import { customTaskScorer } from '../../../src/core/custom-task/custom-task-scorer.js';

const FILE = '/tasks/t.yaml';

/**
 * Expected answers and scores computed with Python 3 from lm-eval 4e7e0d47's RegexFilter.apply
 * (filters/extraction.py) and exact_match_hf_evaluate (api/metrics.py), after cutting the
 * response at each stop string in order.
 */
const LM_EVAL_CASES = [
  { response: 'Answer: Paris', target: 'Paris', regex: 'Answer:\\s*(.+)', group_select: 0, metric: { ignore_case: true }, stop: ['\n\n'], answer: 'Paris', score: 1 },
  { response: 'Answer: paris\n\nAnswer: Lyon', target: 'Paris', regex: 'Answer:\\s*(.+)', group_select: 0, metric: { ignore_case: true }, stop: ['\n\n'], answer: 'paris', score: 1 },
  { response: 'Answer: Paris\nAnswer: Lyon', target: 'Paris', regex: 'Answer:\\s*(.+)', group_select: -1, metric: { ignore_case: true }, stop: [], answer: 'Lyon', score: 0 },
  { response: 'Answer:\n  Brasília  ', target: 'Brasília', regex: 'Answer:\\s*(.+)', group_select: 0, metric: { ignore_case: true }, stop: [], answer: 'Brasília', score: 1 },
  { response: 'answer: BRASÍLIA', target: 'Brasília', regex: '(?i)answer:\\s*(.+)', group_select: 0, metric: { ignore_case: true }, stop: [], answer: 'BRASÍLIA', score: 1 },
  { response: 'I think it is Paris.', target: 'Paris', regex: 'Answer:\\s*(.+)', group_select: 0, metric: { ignore_case: true }, stop: [], answer: '[invalid]', score: 0 },
  { response: 'Answer: Paris.', target: 'Paris', regex: 'Answer:\\s*(.+)', group_select: 0, metric: { ignore_punctuation: true }, stop: [], answer: 'Paris.', score: 1 },
  { response: 'Answer: Paris.', target: 'Paris', regex: 'Answer:\\s*(.+)', group_select: 0, metric: {}, stop: [], answer: 'Paris.', score: 0 },
  { response: 'Answer: The city of Paris', target: 'Paris', regex: 'Answer:\\s*(.+)', group_select: 0, metric: { regexes_to_ignore: ['(?i)the city of\\s*'] }, stop: [], answer: 'The city of Paris', score: 1 },
  { response: 'x=12 y=7', target: '7', regex: 'x=(\\d+)|y=(\\d+)', group_select: 1, metric: {}, stop: [], answer: '7', score: 1 },
  { response: 'final 42\r\n', target: '42', regex: 'final (\\d+)$', group_select: 0, metric: {}, stop: [], answer: '[invalid]', score: 0 },
  { response: 'Answer: 1,000', target: '1000', regex: 'Answer:\\s*(.+)', group_select: 0, metric: { regexes_to_ignore: [','] }, stop: [], answer: '1,000', score: 1 },
];

describe('customTaskScorer', () => {
  it.each(LM_EVAL_CASES)('regex + exact_match as lm-eval: $response -> $answer', ({ response, target, regex, group_select, metric, stop, answer, score }) => {
    const scorer = customTaskScorer({ stop, extraction: { regex, group_select }, metric: { type: 'exact_match', ...metric } }, FILE);
    expect(scorer(response, target)).toEqual({ extracted: { answer }, scores: { exact_match: score } });
  });

  it('without extraction, compares the whole response with Python strip() applied', () => {
    const scorer = customTaskScorer({}, FILE);
    expect(scorer('  Paris\n', 'Paris')).toEqual({ extracted: { answer: 'Paris' }, scores: { exact_match: 1 } });
    // U+FEFF is not whitespace to Python; U+0085 is.
    expect(scorer('\u0085Paris\ufeff', 'Paris').extracted.answer).toBe('Paris\ufeff');
    expect(scorer('paris', 'Paris').scores.exact_match).toBe(0);
  });

  it('cuts at every stop string in list order before extracting', () => {
    const scorer = customTaskScorer({ stop: ['\n\n', 'Q:'] }, FILE);
    expect(scorer('Paris Q: next\n\nmore', 'Paris').extracted.answer).toBe('Paris');
  });

  it('uses the fallback (not stripped) when nothing matches, and where lm-eval would index past the matches', () => {
    const scorer = customTaskScorer({ extraction: { regex: 'Answer: (\\w+)', group_select: 3, fallback: ' none ' } }, FILE);
    expect(scorer('nothing', 'x').extracted.answer).toBe(' none ');
    expect(scorer('Answer: a Answer: b', 'x').extracted.answer).toBe(' none ');
  });

  it('contains: 1 when the target occurs in the answer, optionally ignoring case', () => {
    const exact = customTaskScorer({ metric: { type: 'contains' } }, FILE);
    expect(exact('The capital is Paris.', 'Paris')).toEqual({ extracted: { answer: 'The capital is Paris.' }, scores: { contains: 1 } });
    expect(exact('the capital is paris', 'Paris').scores.contains).toBe(0);
    const folded = customTaskScorer({ metric: { type: 'contains', ignore_case: true } }, FILE);
    expect(folded('THE CAPITAL IS PARIS', 'Paris').scores.contains).toBe(1);
  });

  it('never throws, whatever the response', () => {
    const scorer = customTaskScorer({ extraction: { regex: '(a)|(b)' } }, FILE);
    for (const response of ['', '\u0000', '😀'.repeat(100), 'b', '\n'.repeat(10)]) expect(() => scorer(response, 'x')).not.toThrow();
    expect(scorer('b', 'b').extracted.answer).toBe('b');
  });

  it('rejects an invalid or unsupported Python pattern with the file and field', () => {
    expect(() => customTaskScorer({ extraction: { regex: '(unclosed' } }, FILE)).toThrow(ConfigError);
    expect(() => customTaskScorer({ extraction: { regex: '(unclosed' } }, FILE)).toThrow(/^\/tasks\/t\.yaml: extraction\.regex: Python regex "\(unclosed"/);
    expect(() => customTaskScorer({ metric: { type: 'exact_match', regexes_to_ignore: ['ok', '(a)\\1'] } }, FILE)).toThrow(
      /^\/tasks\/t\.yaml: metric\.regexes_to_ignore\[1\]: .*backreferences[\s\S]*Fix: a list of Python `re` patterns/,
    );
  });
});
