import { compileNonEmptyPattern } from '../text/python-pattern.js';
import type { InstructionDefinition } from './instruction-args.js';
import { countNonEmptyMatches, kwargSearchPattern } from './patterns.js';

const PLACEHOLDER = compileNonEmptyPattern('\\[.*?\\]');
/** The reference's patterns for its two markers, searched in the lower-cased response. */
const POSTSCRIPT_PATTERNS: ReadonlyMap<string, string> = new Map([
  ['P.P.S', '(?m)\\s*p\\.\\s?p\\.\\s?s.*$'],
  ['P.S.', '(?m)\\s*p\\.\\s?s\\..*$'],
]);

/**
 * `detectable_content:number_placeholders` (`PlaceholderChecker`): at least `num_placeholders`
 * matches of `\[.*?\]` (square brackets on one line, shortest first, not overlapping).
 */
export const placeholders: InstructionDefinition = {
  kwargs: ['num_placeholders'],
  build(args) {
    const minimum = args.count('num_placeholders');
    return (response) => countNonEmptyMatches(PLACEHOLDER, response) >= minimum;
  },
};

/**
 * `detectable_content:postscript` (`PostscriptChecker`): the lower-cased response has a match
 * (multiline mode) of `\s*p\.\s?p\.\s?s.*$` for the marker `P.P.S`, of `\s*p\.\s?s\..*$` for
 * `P.S.`, and of `\s*` + the lower-cased marker as a regex + `.*$` for any other marker. The
 * marker can be anywhere in the text, not only at the end.
 */
export const postscript: InstructionDefinition = {
  kwargs: ['postscript_marker'],
  build(args) {
    const marker = args.strippedString('postscript_marker');
    const pattern = kwargSearchPattern('postscript_marker', POSTSCRIPT_PATTERNS.get(marker) ?? `(?m)\\s*${marker.toLowerCase()}.*$`);
    return (response) => pattern.test(response.toLowerCase());
  },
};
