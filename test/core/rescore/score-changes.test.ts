import { describe, expect, it } from 'vitest';
import { reportedChanges, ScoreChanges } from '../../../src/core/rescore/score-changes.js';

describe('ScoreChanges', () => {
  it('gives each metric its means before and after and the ids that moved up or down', () => {
    const changes = new ScoreChanges();
    changes.add('a', { acc: 0, len: 3 }, { acc: 1, len: 3 });
    changes.add('b', { acc: 1 }, { acc: 0, extra: 1 });
    changes.add('c', { acc: 1 }, { acc: 1 });
    expect(changes.list()).toEqual([
      { metric: 'acc', before: 2 / 3, after: 2 / 3, changed: 2, up: ['a'], down: ['b'] },
      { metric: 'extra', before: null, after: 1, changed: 1, up: [], down: [] },
      { metric: 'len', before: 3, after: 3, changed: 0, up: [], down: [] },
    ]);
  });
});

describe('reportedChanges', () => {
  it('pairs every reported value by its place in results, nested groups included', () => {
    const score = (value: number) => ({ scores: { micro: { value, stats: {} } } });
    const before = { tasks: { t: { metrics: { score: score(0.5) } } }, groups: { g: { metrics: { score: score(0.5) }, groups: { sub: { metrics: { old: score(1) } } } } } };
    const after = { tasks: { t: { metrics: { score: score(0.75) } } }, groups: { g: { metrics: { score: score(0.75) } } } };
    expect(reportedChanges(before, after)).toEqual([
      { score: 'tasks.t.score.micro', before: 0.5, after: 0.75 },
      { score: 'groups.g.score.micro', before: 0.5, after: 0.75 },
      { score: 'groups.g.sub.old.micro', before: 1, after: null },
    ]);
    expect(reportedChanges(undefined, after)[0]).toEqual({ score: 'tasks.t.score.micro', before: null, after: 0.75 });
  });
});
