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

function serialize(input: unknown): string | undefined {
  const value = hasToJson(input) ? input.toJSON() : input;
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString();
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map((item) => serialize(item) ?? 'null').join(',')}]`;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return serialize(Array.from(value as unknown as ArrayLike<number | bigint>));
  }
  const record = value as Record<string, unknown>;
  const members: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const text = serialize(record[key]);
    if (text !== undefined) members.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${members.join(',')}}`;
}

function hasToJson(value: unknown): value is { toJSON(): unknown } {
  return typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON === 'function';
}
