// Writes dist/run-config.schema.json after the build, for editors validating run-config YAML files.
import { writeFileSync } from 'node:fs';
import { runConfigJsonSchema } from '../dist/index.js';

writeFileSync(new URL('../dist/run-config.schema.json', import.meta.url), `${JSON.stringify(runConfigJsonSchema(), null, 2)}\n`);
