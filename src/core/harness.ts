import type { ConfigParams } from './config/schema.js';
import type { TaskDefinition } from './task.js';

/** A NeMo harness (framework.yml): its identity, framework-level defaults and native tasks. */
export interface HarnessDefinition {
  /** `framework.name`, used in `harness.task`. */
  name: string;
  /** `framework.pkg_name`. */
  pkgName: string;
  description: string;
  /** Framework-level `config.params` defaults (lowest priority). */
  defaults: ConfigParams;
  tasks: readonly TaskDefinition<any, any>[];
}
