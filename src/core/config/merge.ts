/**
 * NeMo's config merge: layers are deep-merged lowest first; plain objects merge key by key, any
 * other value (arrays included) replaces, and `undefined`/`null` never overwrite what is below.
 */
export function mergeLayers<T extends object>(...layers: ReadonlyArray<object | undefined>): T {
  let merged: Record<string, unknown> = {};
  for (const layer of layers) if (layer) merged = mergeTwo(merged, layer as Record<string, unknown>);
  return merged as T;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mergeTwo(base: Record<string, unknown>, override: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value === undefined || value === null) continue;
    const below = out[key];
    out[key] = isPlainObject(below) && isPlainObject(value) ? mergeTwo(below, value) : value;
  }
  return out;
}
