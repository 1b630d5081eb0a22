/**
 * Responses with the answer upstream simple-evals extracts from them and the resulting score,
 * derived by hand from `normalize_response`, the multilingual patterns (tried in list order, first
 * pattern that matches anywhere wins; `[ \t]*` between label and letter) and
 * `normalize_extracted_answer` (no upper-casing), then checked by running upstream's own
 * functions under CPython 3.11 on the same strings.
 */
export interface ExtractionCase {
  name: string;
  response: string;
  gold: 'A' | 'B' | 'C' | 'D';
  extracted: string | null;
  score: 0 | 1;
}

export const EXTRACTION_CASES: readonly ExtractionCase[] = [
  { name: 'plain', response: 'Reasoning...\nAnswer: B', gold: 'B', extracted: 'B', score: 1 },
  // (?i) lets the label and the class match, but the capture keeps its case: 'b' !== 'B'.
  { name: 'lower-case', response: 'answer: b', gold: 'B', extracted: 'b', score: 0 },
  { name: 'upper-case label', response: 'ANSWER: A', gold: 'A', extracted: 'A', score: 1 },
  // `**` is deleted before matching.
  { name: 'bold line', response: '**Answer: C**', gold: 'C', extracted: 'C', score: 1 },
  { name: 'bold label', response: '**Answer:** C', gold: 'C', extracted: 'C', score: 1 },
  { name: 'bold letter', response: 'Answer: **D**', gold: 'D', extracted: 'D', score: 1 },
  { name: 'bold splits the word', response: 'Ans**wer: B', gold: 'B', extracted: 'B', score: 1 },
  // `$` is deleted.
  { name: 'dollar letter', response: 'Answer: $D$', gold: 'D', extracted: 'D', score: 1 },
  // `[ \t]*` after the colon cannot cross a newline, and no other label occurs.
  { name: 'letter on next line', response: 'Answer:\nB', gold: 'B', extracted: null, score: 0 },
  // `\s*` before the colon may hold spaces.
  { name: 'space before colon', response: 'Answer : B', gold: 'B', extracted: 'B', score: 1 },
  { name: 'no space', response: 'Answer:B', gold: 'B', extracted: 'B', score: 1 },
  { name: 'tab', response: 'Answer:\tB', gold: 'B', extracted: 'B', score: 1 },
  // No-break space is not in `[ \t]`.
  { name: 'no-break space', response: 'Answer:\u00a0B', gold: 'B', extracted: null, score: 0 },
  { name: 'no colon', response: 'The answer is B', gold: 'B', extracted: null, score: 0 },
  // re.search: the first occurrence of the first matching label.
  { name: 'two answer lines', response: 'Answer: A\nWait, let me recheck.\nAnswer: C', gold: 'C', extracted: 'A', score: 0 },
  { name: 'A or B', response: 'Answer: A or B', gold: 'B', extracted: 'A', score: 0 },
  // The first letter of a word counts: "Because" gives B.
  { name: 'word after colon', response: 'Answer: Because of X. Answer: D', gold: 'D', extracted: 'B', score: 0 },
  { name: 'E is not a choice', response: 'Answer: E', gold: 'A', extracted: null, score: 0 },
  { name: 'parenthesised letter', response: 'Answer: (B)', gold: 'B', extracted: null, score: 0 },
  { name: 'empty', response: '', gold: 'A', extracted: null, score: 0 },
  // Label order beats position: `Answer` is tried before `Antwort`, though Antwort comes first.
  { name: 'label order', response: 'Antwort: A\nAnswer: C', gold: 'C', extracted: 'C', score: 1 },
  { name: 'German', response: 'Antwort: D', gold: 'D', extracted: 'D', score: 1 },
  // `$\boxed{` goes first, then `}$`.
  { name: 'dollar boxed', response: 'Answer: $\\boxed{B}$', gold: 'B', extracted: 'B', score: 1 },
  // `{` is deleted, then `\boxed`, leaving "B}" with no label before it.
  { name: 'bare boxed', response: '\\boxed{B}', gold: 'B', extracted: null, score: 0 },
  { name: 'labelled boxed', response: 'Answer: \\boxed{B}', gold: 'B', extracted: 'B', score: 1 },
  // `}$` goes first, then `$\text{`.
  { name: 'dollar text', response: 'Answer: $\\text{B}$', gold: 'B', extracted: 'B', score: 1 },
  // `\text` goes, then `{`.
  { name: 'text', response: 'Answer: \\text{C}', gold: 'C', extracted: 'C', score: 1 },
  { name: 'mathbf', response: 'Answer: \\mathbf{A}', gold: 'A', extracted: 'A', score: 1 },
  { name: 'inline math', response: 'Answer: \\(D\\)', gold: 'D', extracted: 'D', score: 1 },
  { name: 'escaped dollar', response: 'Answer: \\$C', gold: 'C', extracted: 'C', score: 1 },
  // Arabic letters are captured from the range [أ-د] and mapped to " B", stripped to "B".
  { name: 'Arabic', response: 'الإجابة: ب', gold: 'B', extracted: 'B', score: 1 },
  { name: 'Arabic no space', response: 'الإجابة:أ', gold: 'A', extracted: 'A', score: 1 },
  // ت (U+062A) is inside [أ-د] but not mapped.
  { name: 'Arabic unmapped letter', response: 'الإجابة: ت', gold: 'B', extracted: 'ت', score: 0 },
  // The Arabic labels have no `\s*`: a space before the colon never matches.
  { name: 'Arabic space before colon', response: 'الإجابة : ب', gold: 'B', extracted: null, score: 0 },
  { name: 'Bengali', response: 'উত্তর: ব', gold: 'B', extracted: 'B', score: 1 },
  { name: 'Bengali visarga', response: 'উত্তরঃ ড', gold: 'C', extracted: 'C', score: 1 },
  { name: 'Hindi', response: 'उत्तर: C', gold: 'C', extracted: 'C', score: 1 },
  { name: 'Korean', response: '정답: B', gold: 'B', extracted: 'B', score: 1 },
  // Full-width colon and letter: Ｃ maps to " C".
  { name: 'Chinese full-width', response: '答案：Ｃ', gold: 'C', extracted: 'C', score: 1 },
  { name: 'full-width letter', response: 'Answer: Ｄ', gold: 'D', extracted: 'D', score: 1 },
  // (?i) lets [Ｂ] match ｂ (U+FF42), which is not mapped.
  { name: 'full-width lower-case', response: 'Answer: ｂ', gold: 'B', extracted: 'ｂ', score: 0 },
  // 答\s*： needs the colon right after 答 (or whitespace); 答え\s*： is the first to match.
  { name: 'Japanese', response: '答え：Ｂ', gold: 'B', extracted: 'B', score: 1 },
  // The first label fails at the U+200B (neither `[ \t]` nor a letter); the second ends in six U+200B.
  { name: 'six zero-width spaces', response: 'Answer:\u200b\u200b\u200b\u200b\u200b\u200bB', gold: 'B', extracted: 'B', score: 1 },
  { name: 'three zero-width spaces', response: 'Answer:\u200b\u200b\u200bB', gold: 'B', extracted: null, score: 0 },
  // Python `\s` does not match U+200B.
  { name: 'zero-width space before colon', response: 'Answer\u200b: B', gold: 'B', extracted: null, score: 0 },
  { name: 'French', response: 'Réponse : C', gold: 'C', extracted: 'C', score: 1 },
  { name: 'French upper-case', response: 'RÉPONSE: C', gold: 'C', extracted: 'C', score: 1 },
  // Python (?i) matches i to İ (U+0130); JS case folding alone would not.
  { name: 'dotted capital I', response: 'RİSPOSTA: B', gold: 'B', extracted: 'B', score: 1 },
  // Python `\s` matches U+0085 (NEL) and not U+FEFF; JS `\s` does the opposite.
  { name: 'NEL before colon', response: 'Answer\u0085: C', gold: 'C', extracted: 'C', score: 1 },
  { name: 'BOM before colon', response: 'Answer\ufeff: C', gold: 'C', extracted: null, score: 0 },
  // Yoruba labels are decomposed (A + U+0300 ...): the decomposed form matches, the composed one does not.
  { name: 'Yoruba decomposed', response: 'A\u0300m\u1ecd\u0300na\u0300: B', gold: 'B', extracted: 'B', score: 1 },
  { name: 'Yoruba composed', response: '\u00c0m\u1ecd\u0300n\u00e0: B', gold: 'B', extracted: null, score: 0 },
  { name: 'Yoruba composed label', response: 'Àdáhùn: A', gold: 'A', extracted: 'A', score: 1 },
];
