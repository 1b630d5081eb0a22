import { describe, expect, it } from 'vitest';
import { compileRowTemplate, createTemplateEnvironment } from '../../../src/core/custom-task/row-template.js';
import type { DatasetRow } from '../../../src/core/datasets/dataset-reader.js';
import { ConfigError, DatasetError } from '../../../src/core/errors.js';

const FILE = '/tasks/t.yaml';
const row = (fields: Record<string, unknown>, rowNumber = 4): DatasetRow => ({ row: fields, rowNumber, location: '/data/rows.jsonl' });
const compile = (source: string) => compileRowTemplate(createTemplateEnvironment(), source, 'prompt.template', FILE);

function renderError(source: string, fields: Record<string, unknown>): DatasetError {
  try {
    compile(source)(row(fields));
  } catch (error) {
    expect(error).toBeInstanceOf(DatasetError);
    return error as DatasetError;
  }
  throw new Error('expected a DatasetError');
}

describe('compileRowTemplate', () => {
  it('renders row fields as nunjucks does, keeping text and whitespace exactly, without HTML escaping', () => {
    const render = compile('Q: {{ q }}\n{% for c in choices %}{{ loop.index }}. {{ c }}\n{% endfor %}n={{ n }} ok={{ ok }} <{{ html }}>\n');
    expect(render(row({ q: 'a & b', choices: ['x', 'y'], n: 3.5, ok: true, html: '<b>"hi"</b>' }))).toBe(
      'Q: a & b\n1. x\n2. y\nn=3.5 ok=true <<b>"hi"</b>>\n',
    );
    expect(compile('{{ list }}|{{ missing | default("none") }}|{{ obj.k }}')(row({ list: [1, 2], obj: { k: 'v' } }))).toBe('1,2|none|v');
  });

  it('renders each row independently from one compiled template', () => {
    const render = compile('{{ a }}');
    expect([1, 2, 3].map((a) => render(row({ a })))).toEqual(['1', '2', '3']);
  });

  it('names the row, file, variable and position of a missing field', () => {
    const error = renderError('Line one\n  then {{- country -}}!', { capital: 'Paris' });
    expect(error.location).toBe('/data/rows.jsonl');
    expect(error.row).toBe(4);
    expect(error.message).toBe(
      '/data/rows.jsonl, row 4: the row has no field "country", used by {{ country }} (prompt.template of /tasks/t.yaml, line 2, column 8)' +
        '\n  Fix: give every row a "country" field, or use {{ country | default("") }} where it may be absent (row fields: capital)',
    );
  });

  it('names a null field, and an undefined member of a present field', () => {
    expect(renderError('{{ a }}', { a: null }).message).toMatch(/^\/data\/rows\.jsonl, row 4: field "a" is null in this row, and \{\{ a \}\} outputs it \(prompt\.template/);
    expect(renderError('x {{ meta.lang }}', { meta: {} }).message).toMatch(
      /^\/data\/rows\.jsonl, row 4: \{\{ meta\.lang \}\} is undefined or null for this row \(prompt\.template of \/tasks\/t\.yaml, line 1, column 3\)\n {2}Fix: fix the row, or give the expression a default/,
    );
  });

  it('finds an expression that spans lines', () => {
    expect(renderError('a\nb {{\n  c\n}}', {}).message).toContain('the row has no field "c", used by {{ c }} (prompt.template of /tasks/t.yaml, line 2, column 3)');
  });

  it('rejects a template that does not compile, naming file and field', () => {
    expect(() => compile('{% for x in y %}')).toThrow(ConfigError);
    expect(() => compile('{% for x in y %}')).toThrow(/^\/tasks\/t\.yaml: prompt\.template: is not a valid nunjucks template: /);
  });
});
