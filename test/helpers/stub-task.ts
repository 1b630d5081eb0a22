import type { HarnessDefinition } from '../../src/core/harness.js';
import type { TaskDefinition } from '../../src/core/task.js';

/** A minimal task for config and registry tests that never reads data. */
export function stubTask(name: string, overrides: Partial<TaskDefinition<string>> = {}): TaskDefinition<string> {
  return {
    name,
    harness: 'stub',
    description: `stub task ${name}`,
    version: '1',
    reference: 'test',
    endpointTypes: ['chat'],
    defaults: {},
    async *docs() {},
    async createPrompter() {
      return (doc) => ({ kind: 'chat', messages: [{ role: 'user', content: doc }] });
    },
    target: (doc) => doc,
    score: () => ({ extracted: {}, scores: {} }),
    report: () => ({ tasks: {}, groups: {} }),
    ...overrides,
  };
}

export function stubHarness(name: string, tasks: TaskDefinition<string>[], defaults: HarnessDefinition['defaults'] = {}): HarnessDefinition {
  return { name, pkgName: name.replace(/-/g, '_'), description: `stub harness ${name}`, defaults, tasks };
}
