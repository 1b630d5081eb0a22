import type { TaskDefinition } from '../../core/task.js';
import { mtBenchAliasTask, mtbenchTask } from './mtbench.js';

/** The native mtbench tasks (`mtbench-cor1` is left out: its corrected references are not published data). */
export const mtbenchTasks: readonly TaskDefinition<any, any>[] = [mtbenchTask, mtBenchAliasTask];
