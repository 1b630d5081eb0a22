// Python's case predicates use the Unicode properties Uppercase and Lowercase (not just the
// categories Lu and Ll) and treat titlecase letters (Lt) as breaking both.
const UPPERCASE = /^\p{Uppercase}$/u;
const LOWERCASE = /^\p{Lowercase}$/u;
const TITLECASE = /^\p{Lt}$/u;

/**
 * Python's `str.isupper()`: true when the text has at least one cased character and every cased
 * character is uppercase; a lowercase or titlecase character makes it false. Characters are code
 * points; the Unicode tables are the JS engine's.
 */
export function pythonIsUpper(text: string): boolean {
  return hasOnlyCase(text, UPPERCASE, LOWERCASE);
}

/**
 * Python's `str.islower()`: true when the text has at least one cased character and every cased
 * character is lowercase; an uppercase or titlecase character makes it false.
 */
export function pythonIsLower(text: string): boolean {
  return hasOnlyCase(text, LOWERCASE, UPPERCASE);
}

function hasOnlyCase(text: string, wanted: RegExp, other: RegExp): boolean {
  let cased = false;
  for (const c of text) {
    if (other.test(c) || TITLECASE.test(c)) return false;
    if (wanted.test(c)) cased = true;
  }
  return cased;
}
