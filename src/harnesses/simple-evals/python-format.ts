const FIELD = /\{\{|\}\}|\{([^{}]*)\}|[{}]/g;

/**
 * Python `str.format(**fields)` for templates whose fields are plain names: `{name}` becomes
 * `fields[name]` verbatim (a value's own braces or `$` are never re-read), `{{` and `}}` become `{`
 * and `}`. A missing name, a lone brace, or a field with an index, attribute, conversion or format
 * spec throws, where Python would raise or do something this port does not reproduce.
 */
export function formatPythonTemplate(template: string, fields: Readonly<Record<string, string>>): string {
  return template.replace(FIELD, (token: string, name: string | undefined) => {
    if (token === '{{') return '{';
    if (token === '}}') return '}';
    if (name === undefined || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      throw new Error(`formatPythonTemplate: unsupported "${token}" in template`);
    }
    const value = fields[name];
    if (value === undefined) throw new Error(`formatPythonTemplate: no value for field "${name}"`);
    return value;
  });
}
