import { pythonStrip } from '../../../core/python/python-strip.js';
import { compileNonEmptyPattern } from '../text/python-pattern.js';
import type { InstructionDefinition } from './instruction-args.js';
import { countNonEmptyMatches, kwargFindallPattern, nonEmptyMatches } from './patterns.js';
import { isPythonJson } from './python-json.js';
import { lstripChars, rstripChars, stripChars } from './python-str.js';

const STAR_BULLET = compileNonEmptyPattern('(?m)^\\s*\\*[^\\*].*$');
const DASH_BULLET = compileNonEmptyPattern('(?m)^\\s*-.*$');
const HIGHLIGHT = compileNonEmptyPattern('\\*[^\\n\\*]*\\*');
const DOUBLE_HIGHLIGHT = compileNonEmptyPattern('\\*\\*[^\\n\\*]*\\*\\*');
const TITLE = compileNonEmptyPattern('<<[^\\n]+>>');
/** The reference's `_CONSTRAINED_RESPONSE_OPTIONS`. */
const CONSTRAINED_RESPONSE_OPTIONS = ['My answer is yes.', 'My answer is no.', 'My answer is maybe.'];
const JSON_FENCE_OPENERS = ['```json', '```Json', '```JSON', '```'];
const FENCE = '```';

/**
 * `detectable_format:number_bullet_lists` (`BulletListChecker`): exactly `num_bullets` lines
 * matching `^\s*\*[^\*].*$` or `^\s*-.*$` (multiline mode; `\s*` may run over blank lines, so
 * a bullet after an empty line is one match, and `---` counts as a bullet).
 */
export const bulletLists: InstructionDefinition = {
  kwargs: ['num_bullets'],
  build(args) {
    const expected = args.count('num_bullets');
    return (response) => countNonEmptyMatches(STAR_BULLET, response) + countNonEmptyMatches(DASH_BULLET, response) === expected;
  },
};

/**
 * `detectable_format:constrained_response` (`ConstrainedResponseChecker`): the stripped response
 * contains "My answer is yes.", "My answer is no." or "My answer is maybe." anywhere.
 */
export const constrainedResponse: InstructionDefinition = {
  kwargs: [],
  build() {
    return (response) => {
      const text = pythonStrip(response);
      return CONSTRAINED_RESPONSE_OPTIONS.some((option) => text.includes(option));
    };
  },
};

/**
 * `detectable_format:number_highlighted_sections` (`HighlightSectionChecker`): at least
 * `num_highlights` highlights, counting each `*…*` match (one line, no `*` inside) whose inside
 * is not blank, plus each `**…**` match whose inside is not blank. A `**bold**` span thus counts
 * once (as `**…**`; `*…*` there matches only the empty `**` pairs).
 */
export const highlightedSections: InstructionDefinition = {
  kwargs: ['num_highlights'],
  build(args) {
    const minimum = args.count('num_highlights');
    return (response) => {
      let count = 0;
      for (const highlight of nonEmptyMatches(HIGHLIGHT, response)) if (pythonStrip(stripChars(highlight, '*')) !== '') count++;
      for (const highlight of nonEmptyMatches(DOUBLE_HIGHLIGHT, response)) if (pythonStrip(highlight.slice(2, -2)) !== '') count++;
      return count >= minimum;
    };
  },
};

/**
 * `detectable_format:multiple_sections` (`SectionChecker`): splitting the response at
 * `\s?` + splitter + `\s?\d+\s?` (the stripped `section_spliter` is a regex, case-sensitive)
 * gives at least `num_sections` + 1 pieces, i.e. at least `num_sections` section headers.
 */
export const multipleSections: InstructionDefinition = {
  kwargs: ['section_spliter', 'num_sections'],
  build(args) {
    const splitter = kwargFindallPattern('section_spliter', `\\s?${args.strippedString('section_spliter')}\\s?\\d+\\s?`);
    const minimum = args.count('num_sections');
    // `len(re.split(...)) - 1`: each match adds one piece plus one item per capturing group.
    return (response) => splitter.findall(response).length * (1 + splitter.groups) >= minimum;
  },
};

/**
 * `detectable_format:json_format` (`JsonFormat`): the stripped response, without one leading
 * "```json", "```Json", "```JSON" and "```" (removed in that order, each if present) and one
 * trailing "```", stripped again, is accepted by Python's `json.loads` (which also takes `NaN`,
 * `Infinity` and `-Infinity`).
 */
export const jsonFormat: InstructionDefinition = {
  kwargs: [],
  build() {
    return (response) => {
      let text = pythonStrip(response);
      for (const opener of JSON_FENCE_OPENERS) if (text.startsWith(opener)) text = text.slice(opener.length);
      if (text.endsWith(FENCE)) text = text.slice(0, -FENCE.length);
      return isPythonJson(pythonStrip(text));
    };
  },
};

/**
 * `detectable_format:title` (`TitleChecker`): some `<<…>>` match (greedy, within one line) has
 * something other than whitespace once its leading `<` and trailing `>` are removed.
 */
export const title: InstructionDefinition = {
  kwargs: [],
  build() {
    return (response) => nonEmptyMatches(TITLE, response).some((match) => pythonStrip(rstripChars(lstripChars(match, '<'), '>')) !== '');
  },
};
