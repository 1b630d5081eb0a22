import nunjucks from 'nunjucks';
import type { DatasetRow } from '../datasets/dataset-reader.js';
import { DatasetError } from '../errors.js';
import { customTaskError } from './custom-task-errors.js';

/** Renders one template over one dataset row. */
export type RowTemplate = (row: DatasetRow) => string;

/**
 * The nunjucks environment custom task templates share: no autoescaping (prompts are not HTML), no
 * loader (no `include`), and outputting an undefined or null value (`{{ missing }}`) is an error
 * rather than an empty string, so a row without a field the prompt uses cannot go unnoticed.
 */
export function createTemplateEnvironment(): nunjucks.Environment {
  return new nunjucks.Environment(null, { autoescape: false, throwOnUndefined: true });
}

/**
 * Compiles `source` once (a syntax error is a ConfigError naming the file and field) and returns a
 * renderer over rows: the row's fields are the template's variables, values are rendered as
 * nunjucks does (numbers and booleans as text, lists joined by commas), and the text is kept
 * exactly, whitespace included. Outputting a missing or null value throws a DatasetError naming
 * the row, its file and the variable.
 */
export function compileRowTemplate(env: nunjucks.Environment, source: string, field: string, taskFile: string): RowTemplate {
  let template: nunjucks.Template;
  try {
    template = new nunjucks.Template(source, env, field, true);
  } catch (error) {
    throw customTaskError(taskFile, field, `is not a valid nunjucks template: ${cleanMessage((error as Error).message, field)}`);
  }
  return (row) => {
    try {
      return template.render(row.row);
    } catch (error) {
      throw renderError(error as Error, source, field, taskFile, row);
    }
  };
}

function renderError(error: Error, source: string, field: string, taskFile: string, row: DatasetRow): DatasetError {
  const where = `${row.location}, row ${row.rowNumber}`;
  const expression = failedOutput(error.message, source);
  let problem: string;
  let fix: string;
  if (expression) {
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(expression.text)?.[0];
    const missing = name !== undefined && !Object.hasOwn(row.row, name);
    const isNull = name !== undefined && !missing && row.row[name] === null && expression.text === name;
    problem = missing
      ? `the row has no field "${name}", used by {{ ${expression.text} }}`
      : isNull
        ? `field "${name}" is null in this row, and {{ ${expression.text} }} outputs it`
        : `{{ ${expression.text} }} is undefined or null for this row`;
    problem += ` (${field} of ${taskFile}, line ${expression.line}, column ${expression.column})`;
    fix = missing
      ? `give every row a "${name}" field, or use {{ ${name} | default("") }} where it may be absent (row fields: ${Object.keys(row.row).join(', ')})`
      : 'fix the row, or give the expression a default, e.g. {{ value | default("") }}';
  } else {
    problem = `${field} of ${taskFile} failed to render: ${cleanMessage(error.message, field)}`;
    fix = 'fix the template or the row';
  }
  return new DatasetError(`${where}: ${problem}`, row.location, row.rowNumber, fix);
}

/** The `{{ … }}` an "attempted to output null or undefined value" error points at, if it is one. */
function failedOutput(message: string, source: string): { text: string; line: number; column: number } | undefined {
  if (!message.includes('attempted to output null or undefined value')) return undefined;
  const at = /\[Line (\d+), Column (\d+)\]/.exec(message);
  if (!at) return undefined;
  const line = Number(at[1]);
  const column = Number(at[2]);
  // nunjucks counts lines at "\n" and columns in UTF-16 code units from 1, pointing at the "{{".
  const lineStart = source.split('\n').slice(0, line - 1).reduce((offset, text) => offset + text.length + 1, 0);
  const output = /^\{\{-?([\s\S]*?)-?\}\}/.exec(source.slice(lineStart + column - 1));
  const text = output?.[1]?.trim();
  return text ? { text, line, column } : undefined;
}

/**
 * nunjucks messages read `(field) [Line 1, Column 4]\n  problem` (the position only when known);
 * keep position and problem, on one line.
 */
function cleanMessage(message: string, field: string): string {
  const text = message.startsWith(`(${field})`) ? message.slice(field.length + 2) : message;
  return text.trim().replace(/\s*\n\s*/g, ': ');
}
