import { ConfigError } from './errors.js';
import type { HarnessDefinition } from './harness.js';
import type { TaskDefinition } from './task.js';

export interface RegisteredTask {
  harness: HarnessDefinition;
  task: TaskDefinition<any, any>;
}

/**
 * Task lookup by NeMo's rules: `task` must be unique across harnesses, `harness.task` picks one.
 * An unknown name fails with the closest known names.
 */
export class TaskRegistry {
  private readonly harnesses = new Map<string, HarnessDefinition>();

  constructor(harnesses: Iterable<HarnessDefinition> = []) {
    for (const harness of harnesses) this.addHarness(harness);
  }

  addHarness(harness: HarnessDefinition): void {
    const existing = this.harnesses.get(harness.name);
    if (!existing) {
      this.harnesses.set(harness.name, { ...harness, tasks: [...harness.tasks] });
      return;
    }
    for (const task of harness.tasks) this.addTask(harness.name, task);
  }

  /** Registers a task (e.g. a custom YAML task) under an existing or new harness. */
  addTask(harnessName: string, task: TaskDefinition<any, any>): void {
    const harness = this.harnesses.get(harnessName);
    if (!harness) throw new ConfigError('harness', `unknown harness "${harnessName}"`, `use one of: ${[...this.harnesses.keys()].join(', ')}`);
    if (harness.tasks.some((t) => t.name === task.name)) {
      throw new ConfigError('type', `task "${harnessName}.${task.name}" is already registered`, 'give the custom task another name');
    }
    this.harnesses.set(harnessName, { ...harness, tasks: [...harness.tasks, task] });
  }

  /** A copy that tasks can be added to without changing this registry. */
  clone(): TaskRegistry {
    return new TaskRegistry(this.harnesses.values());
  }

  list(): RegisteredTask[] {
    return [...this.harnesses.values()].flatMap((harness) => harness.tasks.map((task) => ({ harness, task })));
  }

  harness(name: string): HarnessDefinition | undefined {
    return this.harnesses.get(name);
  }

  resolve(type: string): RegisteredTask {
    const parts = type.split('.');
    if (parts.length > 2) {
      throw new ConfigError('config.type', `"${type}" has more than one dot`, 'use "task" or "harness.task"');
    }
    const all = this.list();
    const matches =
      parts.length === 2 ? all.filter((r) => r.harness.name === parts[0] && r.task.name === parts[1]) : all.filter((r) => r.task.name === type);
    if (matches.length === 1) return matches[0] as RegisteredTask;
    if (matches.length > 1) {
      throw new ConfigError(
        'config.type',
        `task "${type}" is defined by several harnesses`,
        `pick one of: ${matches.map((r) => `${r.harness.name}.${r.task.name}`).join(', ')}`,
      );
    }
    const suggestions = closestNames(type, all.map((r) => r.task.name));
    throw new ConfigError(
      'config.type',
      `unknown task "${type}"`,
      suggestions.length ? `did you mean ${suggestions.join(', ')}? (\`evalforge ls\` lists every task)` : 'run `evalforge ls` to list every task',
    );
  }
}

function closestNames(name: string, candidates: string[], max = 3): string[] {
  const scored = [...new Set(candidates)].map((c) => ({ c, d: editDistance(name.toLowerCase(), c.toLowerCase()) }));
  const threshold = Math.max(2, Math.floor(name.length / 2));
  return scored
    .filter(({ c, d }) => d <= threshold || c.includes(name) || name.includes(c))
    .sort((a, b) => a.d - b.d)
    .slice(0, max)
    .map(({ c }) => c);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] as number;
}
