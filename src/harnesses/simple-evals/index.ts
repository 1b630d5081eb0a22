import type { TaskDefinition } from '../../core/task.js';
import { mmluTask } from './mmlu.js';

/** The native simple_evals tasks. */
export const simpleEvalsTasks: readonly TaskDefinition<any, any>[] = [mmluTask];
