import type { TaskDefinition } from '../../core/task.js';
import { humaneval } from './humaneval.js';
import { humanevalInstruct } from './humaneval-instruct.js';
import { mbppChat, mbppCompletions } from './mbpp.js';

/** The bigcode-evaluation-harness tasks evalforge runs natively. */
export const bigcodeTasks: readonly TaskDefinition<any, any>[] = [humaneval, humanevalInstruct, mbppCompletions, mbppChat];
