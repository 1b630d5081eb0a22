import { bigcodeHarness } from '../harnesses/bigcode/framework.js';
import { lmEvalHarness } from '../harnesses/lm-eval/framework.js';
import { mtbenchHarness } from '../harnesses/mtbench/framework.js';
import { simpleEvalsHarness } from '../harnesses/simple-evals/framework.js';
import { TaskRegistry } from './registry.js';

/** A registry with every built-in harness; each call returns a fresh one custom tasks can be added to. */
export function createDefaultRegistry(): TaskRegistry {
  return new TaskRegistry([lmEvalHarness, simpleEvalsHarness, bigcodeHarness, mtbenchHarness]);
}
