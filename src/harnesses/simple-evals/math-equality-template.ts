/**
 * simple-evals `common.py` `EQUALITY_TEMPLATE` (ee3b0318), as `.strip()` leaves it: the prompt
 * upstream's LLM equality checker (`check_equality`, one user message, reply "yes" in any case and
 * surrounding whitespace = equivalent) receives. Filled with Python `%`-formatting, see
 * `formatEqualityPrompt`. The native MATH tasks score with a rule-based checker until an LLM judge
 * endpoint exists; this is the judge's prompt for then.
 */
export const EQUALITY_TEMPLATE =
  'Look at the following two expressions (answers to a math problem) and judge whether they are equivalent. Only perform trivial simplifications\n' +
  '\n' +
  'Examples:\n' +
  '\n' +
  '    Expression 1: $2x+3$\n' +
  '    Expression 2: $3+2x$\n' +
  '\n' +
  'Yes\n' +
  '\n' +
  '    Expression 1: 3/2\n' +
  '    Expression 2: 1.5\n' +
  '\n' +
  'Yes\n' +
  '\n' +
  '    Expression 1: $x^2+2x+1$\n' +
  '    Expression 2: $y^2+2y+1$\n' +
  '\n' +
  'No\n' +
  '\n' +
  '    Expression 1: $x^2+2x+1$\n' +
  '    Expression 2: $(x+1)^2$\n' +
  '\n' +
  'Yes\n' +
  '\n' +
  '    Expression 1: 3245/5\n' +
  '    Expression 2: 649\n' +
  '\n' +
  'No\n' +
  "(these are actually equal, don't mark them equivalent if you need to do nontrivial simplifications)\n" +
  '\n' +
  '    Expression 1: 2/(-3)\n' +
  '    Expression 2: -2/3\n' +
  '\n' +
  'Yes\n' +
  '(trivial simplifications are allowed)\n' +
  '\n' +
  '    Expression 1: 72 degrees\n' +
  '    Expression 2: 72\n' +
  '\n' +
  'Yes\n' +
  '(give benefit of the doubt to units)\n' +
  '\n' +
  '    Expression 1: 64\n' +
  '    Expression 2: 64 square feet\n' +
  '\n' +
  'Yes\n' +
  '(give benefit of the doubt to units)\n' +
  '\n' +
  '---\n' +
  '\n' +
  'YOUR TASK\n' +
  '\n' +
  '\n' +
  'Respond with only "Yes" or "No" (without quotes). Do not include a rationale.\n' +
  '\n' +
  '    Expression 1: %(expression1)s\n' +
  '    Expression 2: %(expression2)s';

const CONVERSION = /%(?:\(([^)]*)\)s|%)|%/g;

/**
 * `EQUALITY_TEMPLATE % {"expression1": gold, "expression2": extracted}`: each `%(name)s` becomes
 * `str()` of its value, inserted verbatim (a `%` inside a value is never re-read), null (Python
 * `None`, as upstream sends when nothing was extracted) becomes `None`, and `%%` becomes `%`. Any
 * other `%` conversion throws, where Python would format differently or raise.
 */
export function formatEqualityPrompt(expression1: string | null, expression2: string | null): string {
  const values: Record<string, string | null> = { expression1, expression2 };
  return EQUALITY_TEMPLATE.replace(CONVERSION, (token: string, name: string | undefined) => {
    if (token === '%%') return '%';
    if (name === undefined || !(name in values)) throw new Error(`formatEqualityPrompt: unsupported "${token}" in template`);
    return values[name] ?? 'None';
  });
}
