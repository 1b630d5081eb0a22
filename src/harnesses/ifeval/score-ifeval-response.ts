import { DatasetError } from '../../core/errors.js';
import { pythonStrip } from '../../core/python/python-strip.js';
import { InstructionArgs, InstructionArgumentError, type InstructionChecker } from './checkers/instruction-args.js';
import { INSTRUCTIONS } from './checkers/registry.js';
import { looseVariants } from './loose-variants.js';

/** The fields of an IFEval row that scoring reads (Google's input_data.jsonl layout). */
export interface IfevalRow {
  /** Instruction ids such as `punctuation:no_comma`, in the row's order (an id may repeat). */
  instruction_id_list: readonly string[];
  /** One kwargs object per instruction, position by position; `null` values count as absent. */
  kwargs: readonly Readonly<Record<string, unknown>>[];
  /**
   * The prompt. The reference passes it to an instruction whose arguments include `prompt`; no
   * registered instruction has one, so it never changes a verdict.
   */
  prompt?: string;
}

/** Whether one instruction was followed, strictly and loosely. */
export interface IfevalInstructionVerdict {
  id: string;
  strict: boolean;
  loose: boolean;
}

/** The verdicts for one response: per instruction, and for the prompt (all instructions followed). */
export interface IfevalVerdicts {
  instructions: IfevalInstructionVerdict[];
  promptLevelStrict: boolean;
  promptLevelLoose: boolean;
}

/** An instruction of a row, ready to check responses. */
export interface CompiledInstruction {
  id: string;
  check: InstructionChecker;
}

/** Where a row came from, for error messages. */
export interface IfevalRowSource {
  location: string;
  rowNumber: number;
}

/**
 * Builds the checkers of a row's instructions as the reference does (lm-eval's IFEval task:
 * kwargs without falsy values, `build_description(**kwargs)`). Throws a DatasetError naming the
 * instruction (and `source`, when given) for an unknown id, a missing kwargs object, or kwargs
 * the reference rejects or would replace by a random draw.
 */
export function compileIfevalInstructions(row: IfevalRow, source?: IfevalRowSource): CompiledInstruction[] {
  const where = source ? `${source.location}, row ${source.rowNumber}: ` : '';
  const fail = (problem: string, fix: string) => new DatasetError(`${where}${problem}`, source?.location, source?.rowNumber, fix);
  const ids: unknown = row.instruction_id_list;
  const kwargsList: unknown = row.kwargs;
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) {
    throw fail('"instruction_id_list" is not a list of instruction ids', 'give the row an "instruction_id_list" of strings');
  }
  if (!Array.isArray(kwargsList)) throw fail('"kwargs" is not a list', 'give the row a "kwargs" list with one object per instruction');
  return ids.map((id: string, index) => {
    const what = `instruction ${index + 1} of ${ids.length} ("${id}")`;
    const definition = INSTRUCTIONS.get(id);
    if (definition === undefined) throw fail(`${what} is not an IFEval instruction id`, `use one of: ${[...INSTRUCTIONS.keys()].join(', ')}`);
    const kwargs: unknown = kwargsList[index];
    if (typeof kwargs !== 'object' || kwargs === null || Array.isArray(kwargs)) {
      throw fail(`${what} has no kwargs object (kwargs[${index}] is ${JSON.stringify(kwargs) ?? 'missing'})`, 'give "kwargs" one object per instruction, {} when it takes none');
    }
    try {
      return { id, check: definition.build(new InstructionArgs(kwargs as Record<string, unknown>, definition.kwargs)) };
    } catch (error) {
      if (error instanceof InstructionArgumentError) throw fail(`${what}: ${error.problem}`, error.fix);
      throw error;
    }
  });
}

/**
 * The reference's verdicts (`test_instruction_following_strict` / `_loose`) for one response.
 * Strict: the response is not blank (Python `str.strip()`) and the checker accepts it. Loose: the
 * checker accepts any non-blank text of `looseVariants(response)`. A prompt is followed when all
 * its instructions are (an empty instruction list counts as followed, as Python's `all([])`).
 */
export function judgeIfevalResponse(instructions: readonly CompiledInstruction[], response: string): IfevalVerdicts {
  const answered = pythonStrip(response) !== '';
  // Checkers are pure, so a text equal to one already tried cannot change the verdict.
  const alternatives = [...new Set(looseVariants(response))].filter((text) => text !== response && pythonStrip(text) !== '');
  const verdicts = instructions.map(({ id, check }) => {
    const strict = answered && check(response);
    return { id, strict, loose: strict || alternatives.some(check) };
  });
  return {
    instructions: verdicts,
    promptLevelStrict: verdicts.every((v) => v.strict),
    promptLevelLoose: verdicts.every((v) => v.loose),
  };
}

/**
 * Scores a pre-generated response to an IFEval row exactly as Google's reference evaluator
 * (variant B, as lm-eval's `ifeval` task runs it): per instruction strict and loose, and
 * prompt-level strict and loose. Throws a DatasetError when the row cannot be scored
 * reproducibly (see `compileIfevalInstructions`); never for any response text.
 */
export function scoreIfevalResponse(row: IfevalRow, response: string): IfevalVerdicts {
  return judgeIfevalResponse(compileIfevalInstructions(row), response);
}
