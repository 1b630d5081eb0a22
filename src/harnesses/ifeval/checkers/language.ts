import { detectLanguage, LanguageNotDetected } from '../language/detect-language.js';
import { InstructionArgumentError, type InstructionDefinition } from './instruction-args.js';

/**
 * The reference's `instructions_util.LANGUAGE_CODES`: the ISO 639-1 codes `language` may take
 * (any other raises `KeyError` when the reference builds the description), with their names.
 */
export const LANGUAGE_CODES: Readonly<Record<string, string>> = {
  en: 'English',
  es: 'Spanish',
  pt: 'Portuguese',
  ar: 'Arabic',
  hi: 'Hindi',
  fr: 'French',
  ru: 'Russian',
  de: 'German',
  ja: 'Japanese',
  it: 'Italian',
  bn: 'Bengali',
  uk: 'Ukrainian',
  th: 'Thai',
  ur: 'Urdu',
  ta: 'Tamil',
  te: 'Telugu',
  bg: 'Bulgarian',
  ko: 'Korean',
  pl: 'Polish',
  he: 'Hebrew',
  fa: 'Persian',
  vi: 'Vietnamese',
  ne: 'Nepali',
  sw: 'Swahili',
  kn: 'Kannada',
  mr: 'Marathi',
  gu: 'Gujarati',
  pa: 'Punjabi',
  ml: 'Malayalam',
  fi: 'Finnish',
};

/**
 * `langdetect.detect(text) == language`, where a text langdetect cannot classify (it raises
 * `LangDetectException`: no known n-gram) counts as following, as in the reference.
 */
export function detectedLanguageIs(text: string, language: string): boolean {
  try {
    return detectLanguage(text) === language;
  } catch (error) {
    if (error instanceof LanguageNotDetected) return true;
    throw error;
  }
}

/** `language:response_language` (`ResponseLanguageChecker`): langdetect finds `language`. */
export const responseLanguage: InstructionDefinition = {
  kwargs: ['language'],
  build(args) {
    const language = args.string('language');
    if (!Object.hasOwn(LANGUAGE_CODES, language)) {
      throw new InstructionArgumentError(
        `kwargs.language is ${JSON.stringify(language)}, not one of the reference's language codes (${Object.keys(LANGUAGE_CODES).join(', ')})`,
        'give "language" one of those ISO 639-1 codes',
      );
    }
    return (response) => detectedLanguageIs(response, language);
  },
};
