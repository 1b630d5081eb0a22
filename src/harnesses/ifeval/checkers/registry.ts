import { capitalWordFrequency, englishCapital, englishLowercase } from './change-case.js';
import { repeatPrompt, twoResponses } from './combination.js';
import { placeholders, postscript } from './detectable-content.js';
import { bulletLists, constrainedResponse, highlightedSections, jsonFormat, multipleSections, title } from './detectable-format.js';
import type { InstructionDefinition } from './instruction-args.js';
import { forbiddenWords, keywordExistence, keywordFrequency, letterFrequency } from './keywords.js';
import { responseLanguage } from './language.js';
import { numberOfSentences, numberOfWords, paragraphCount, paragraphFirstWord } from './length-constraints.js';
import { noComma } from './punctuation.js';
import { endPhrase, quotation } from './startend.js';

/**
 * The reference's `instructions_registry.INSTRUCTION_DICT`: every instruction id IFEval uses,
 * in its order. The classes the reference leaves out of the registry (`ConstrainedStartChecker`,
 * `RephraseChecker`, `KeySentenceChecker`, `RephraseParagraph`) cannot be named by a row and are
 * not ported.
 */
export const INSTRUCTIONS: ReadonlyMap<string, InstructionDefinition> = new Map([
  ['keywords:existence', keywordExistence],
  ['keywords:frequency', keywordFrequency],
  ['keywords:forbidden_words', forbiddenWords],
  ['keywords:letter_frequency', letterFrequency],
  ['language:response_language', responseLanguage],
  ['length_constraints:number_sentences', numberOfSentences],
  ['length_constraints:number_paragraphs', paragraphCount],
  ['length_constraints:number_words', numberOfWords],
  ['length_constraints:nth_paragraph_first_word', paragraphFirstWord],
  ['detectable_content:number_placeholders', placeholders],
  ['detectable_content:postscript', postscript],
  ['detectable_format:number_bullet_lists', bulletLists],
  ['detectable_format:constrained_response', constrainedResponse],
  ['detectable_format:number_highlighted_sections', highlightedSections],
  ['detectable_format:multiple_sections', multipleSections],
  ['detectable_format:json_format', jsonFormat],
  ['detectable_format:title', title],
  ['combination:two_responses', twoResponses],
  ['combination:repeat_prompt', repeatPrompt],
  ['startend:end_checker', endPhrase],
  ['change_case:capital_word_frequency', capitalWordFrequency],
  ['change_case:english_capital', englishCapital],
  ['change_case:english_lowercase', englishLowercase],
  ['punctuation:no_comma', noComma],
  ['startend:quotation', quotation],
]);
