const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;

/**
 * JSON for an HTML `<script type="application/json">` block. `<`, `>`, `&`, U+2028 and U+2029 are
 * written as `\u003c`, `\u003e`, `\u0026`, `\u2028`, `\u2029`, so no `</script`, `<!--` or `]]>` in
 * a prompt or response can end or confuse the block; `JSON.parse` of the block's text gives the
 * value back unchanged.
 */
export function jsonForScriptTag(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('jsonForScriptTag: the value has no JSON form');
  return json.replace(UNSAFE_IN_SCRIPT, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
