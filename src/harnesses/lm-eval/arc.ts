import type { Loglikelihood, TaskDefinition } from '../../core/task.js';
import { arcDocs, arcFile, arcPool, type ArcDoc, type ArcSubset } from './arc-data.js';
import { fewshotText, type FewshotLayout } from './fewshot-context.js';
import { RandomFewshotSampler } from './fewshot-sampler.js';
import { choiceRequests, scoreMultipleChoice } from './multiple-choice.js';
import { resolveNumFewshot } from './num-fewshot.js';
import { lmEvalReference } from './reference.js';
import { lmEvalTaskReport } from './report.js';

const LAYOUT: FewshotLayout = { targetDelimiter: ' ', fewshotDelimiter: '\n\n' };

function docToText(doc: ArcDoc): string {
  return `Question: ${doc.question}\nAnswer:`;
}

/** `{{choices.label.index(answerKey)}}`. */
function gold(doc: ArcDoc): number {
  return doc.choices.label.indexOf(doc.answerKey);
}

/**
 * lm-eval `arc_easy` / `arc_challenge` (v1.0): log-likelihood multiple choice over the test split,
 * context "Question: …\nAnswer:", one continuation per choice text (`" " + text`), metrics `acc`
 * and `acc_norm`. 0-shot by default (the YAML sets no `num_fewshot`, nor does NeMo); `num_fewshot` shots are drawn per
 * doc from train with `random.Random(1234).sample`, each "Question: …\nAnswer: <gold text>\n\n".
 */
function arcTask(name: 'arc_easy' | 'arc_challenge', subset: ArcSubset, description: string): TaskDefinition<ArcDoc, readonly Loglikelihood[]> {
  return {
    name,
    harness: 'lm-evaluation-harness',
    description,
    version: '1.0',
    reference: lmEvalReference(`lm_eval/tasks/arc/${name === 'arc_easy' ? 'arc_easy.yaml' : 'arc_challenge.yaml'}`),
    endpointTypes: ['completions'],
    requiredCapabilities: ['logprobs'],
    defaults: {},
    docs: (data) => arcDocs(data, arcFile(subset, 'test')),
    async createPrompter(ctx) {
      const numFewshot = resolveNumFewshot(ctx.params, undefined);
      const sampler = new RandomFewshotSampler(numFewshot > 0 ? await arcPool(ctx.data, arcFile(subset, 'train')) : []);
      const draws: ArcDoc[][] = [];
      return (doc, index) => {
        while (draws.length <= index) draws.push(sampler.sample(numFewshot));
        const shots = (draws[index] as ArcDoc[]).map((shot) => ({ question: docToText(shot), answer: shot.choices.text[gold(shot)] as string }));
        return { kind: 'loglikelihood', requests: choiceRequests(fewshotText(shots, docToText(doc), LAYOUT), doc.choices.text, LAYOUT.targetDelimiter) };
      };
    },
    target: (doc) => String(gold(doc)),
    score: (lls, doc) => scoreMultipleChoice(lls, doc.choices.text, gold(doc), ['acc', 'acc_norm']),
    report: (totals) => lmEvalTaskReport(name, totals),
  };
}

export const arcEasy = arcTask('arc_easy', 'ARC-Easy', 'ARC-Easy (2,376 questions), log-likelihood multiple choice, acc and acc_norm (lm-eval arc_easy)');
export const arcChallenge = arcTask('arc_challenge', 'ARC-Challenge', 'ARC-Challenge (1,172 questions), log-likelihood multiple choice, acc and acc_norm (lm-eval arc_challenge)');
