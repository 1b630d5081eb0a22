/**
 * The canonical JSON text of a row, used for provenance hashes: `JSON.stringify` output with every
 * object's keys sorted by UTF-16 code unit (not insertion order, and integer-like keys are sorted
 * as strings too), no whitespace, `toJSON()` honoured (dates become ISO strings), bigints written
 * as their decimal digits and typed arrays written as arrays of numbers. Like `JSON.stringify`,
 * object properties holding `undefined`, functions or symbols are left out and such array items
 * become `null`.
 */
export function canonicalJson(value: unknown): string {
  return serialize(value) ?? 'null';
}

// Strings are built by concatenation and each object's keys sorted in place: this runs for every
// request the response cache sees (its key), where arrays of parts joined afterwards cost twice as much.
function serialize(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString();
    case 'object':
      break;
    default: // undefined, function, symbol
      return undefined;
  }
  if (value === null) return 'null';
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return serialize((value as { toJSON(): unknown }).toJSON());
  if (Array.isArray(value)) return serializeArray(value);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return serializeArray(Array.from(value as unknown as ArrayLike<number | bigint>));
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length > 1) keys.sort();
  let out = '{';
  for (const key of keys) {
    const text = serialize(record[key]);
    if (text === undefined) continue;
    if (out.length > 1) out += ',';
    out += `${JSON.stringify(key)}:${text}`;
  }
  return `${out}}`;
}

function serializeArray(items: readonly unknown[]): string {
  let out = '[';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out += ',';
    out += serialize(items[i]) ?? 'null';
  }
  return `${out}]`;
}
