import { pythonStrip } from '../../../core/python/python-strip.js';

/** Whether a response follows one instruction (the reference's `check_following`). */
export type InstructionChecker = (response: string) => boolean;

/**
 * One registered instruction: the keyword arguments its `build_description` accepts and how to
 * build its checker from them.
 */
export interface InstructionDefinition {
  readonly kwargs: readonly string[];
  build(args: InstructionArgs): InstructionChecker;
}

/**
 * An instruction's kwargs cannot be used: they are of the wrong type, rejected by the reference
 * (a `ValueError`, `KeyError` or `TypeError` there), or leave a value the reference would draw at
 * random. `problem` names the kwarg; the caller adds which instruction and row.
 */
export class InstructionArgumentError extends Error {
  constructor(
    readonly problem: string,
    readonly fix: string,
  ) {
    super(problem);
    this.name = 'InstructionArgumentError';
  }
}

/** The comparison relations of the reference (`_COMPARISON_RELATION`), `less than` first. */
export const COMPARISON_RELATIONS = ['less than', 'at least'] as const;
export type ComparisonRelation = (typeof COMPARISON_RELATIONS)[number];

/** `actual < threshold` for `less than`, `actual >= threshold` for `at least`. */
export function compareCount(actual: number, relation: ComparisonRelation, threshold: number): boolean {
  return relation === 'less than' ? actual < threshold : actual >= threshold;
}

/**
 * The kwargs of one instruction as `build_description` receives them from lm-eval's IFEval task:
 * falsy values (`null`, `0`, `""`, `false`, `[]`, `{}`) are dropped first, so the Hugging Face
 * copy of the data, which lists every kwarg of every instruction with `null` for the unused ones,
 * reads the same as Google's file. What is left must be a kwarg the instruction accepts (Python
 * raises `TypeError` otherwise).
 *
 * The getters return a value the reference would use as is. Where the reference would pick a
 * random value instead (a missing or negative count, a missing relation, keyword or marker) they
 * throw: a score must not depend on a random draw. Values of a type the reference does not
 * expect (a count given as a string, a keyword list given as one string) are rejected too rather
 * than given Python's incidental meaning.
 */
export class InstructionArgs {
  private readonly values: ReadonlyMap<string, unknown>;

  constructor(raw: Readonly<Record<string, unknown>>, accepted: readonly string[]) {
    const values = new Map<string, unknown>();
    for (const [name, value] of Object.entries(raw)) {
      if (!isTruthy(value)) continue;
      if (!accepted.includes(name)) {
        const takes = accepted.length === 0 ? 'takes no kwargs' : `takes ${accepted.map((a) => `"${a}"`).join(', ')}`;
        throw new InstructionArgumentError(`kwargs has "${name}", which this instruction does not take (it ${takes})`, `remove "${name}" or set it to null`);
      }
      values.set(name, value);
    }
    this.values = values;
  }

  /** A number ≥ 0 (`None` or a negative value is replaced at random by the reference). */
  count(name: string): number {
    const value = this.number(name);
    if (value < 0) throw randomDraw(name, 'is negative', 'a number ≥ 0');
    return value;
  }

  /** A number; the reference replaces only a missing one at random (`capital_frequency`). */
  number(name: string): number {
    const value = this.values.get(name);
    if (value === undefined) throw randomDraw(name, 'is missing', 'a number');
    if (typeof value !== 'number') throw wrongType(name, value, 'a number');
    return value;
  }

  /** `less than` or `at least`; a missing relation is drawn at random, another raises `ValueError`. */
  relation(name: string): ComparisonRelation {
    const value = this.string(name);
    const relation = COMPARISON_RELATIONS.find((r) => r === value);
    if (relation === undefined) {
      throw new InstructionArgumentError(`kwargs.${name} is ${JSON.stringify(value)}, not "less than" or "at least"`, `set "${name}" to "less than" or "at least"`);
    }
    return relation;
  }

  /**
   * A non-empty string. A missing one is drawn at random by the reference, except where it raises
   * `ValueError` instead (`requiredByReference`).
   */
  string(name: string, requiredByReference = false): string {
    const value = this.values.get(name);
    if (value === undefined && requiredByReference) {
      throw new InstructionArgumentError(`kwargs.${name} is missing or empty; Google's reference rejects the instruction without it`, `give "${name}" a non-empty string`);
    }
    if (value === undefined) throw randomDraw(name, 'is missing', 'a non-empty string');
    if (typeof value !== 'string') throw wrongType(name, value, 'a string');
    return value;
  }

  /** `string(name)` after Python's `str.strip()`, which the reference applies to markers and phrases. */
  strippedString(name: string): string {
    return pythonStrip(this.string(name));
  }

  /** A non-empty list of strings (an empty or missing list is drawn at random by the reference). */
  strings(name: string): string[] {
    const value = this.values.get(name);
    if (value === undefined) throw randomDraw(name, 'is missing or empty', 'a non-empty list of strings');
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) throw wrongType(name, value, 'a list of strings');
    return value as string[];
  }
}

/** Python truthiness of a JSON value. */
function isTruthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

function randomDraw(name: string, state: string, expected: string): InstructionArgumentError {
  return new InstructionArgumentError(
    `kwargs.${name} ${state}; Google's reference would pick a random value, so the score would not be reproducible`,
    `give "${name}" ${expected}`,
  );
}

function wrongType(name: string, value: unknown, expected: string): InstructionArgumentError {
  return new InstructionArgumentError(`kwargs.${name} is ${JSON.stringify(value)}, not ${expected}`, `give "${name}" ${expected}`);
}
