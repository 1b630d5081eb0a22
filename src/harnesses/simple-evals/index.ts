import type { TaskDefinition } from '../../core/task.js';
import { gpqaDiamond, gpqaExtended, gpqaMain } from './gpqa.js';
import { aime2024Task, aime2025Task, mathTask, mathTest500Task } from './math.js';
import { mmluTask } from './mmlu.js';
import { simpleEvalsMmluPro } from './mmlu-pro.js';
import { simpleqaTask } from './simpleqa.js';

/** The native simple_evals tasks. */
export const simpleEvalsTasks: readonly TaskDefinition<any, any>[] = [mmluTask, simpleEvalsMmluPro, mathTest500Task, mathTask, aime2024Task, aime2025Task, simpleqaTask, gpqaDiamond, gpqaMain, gpqaExtended];
