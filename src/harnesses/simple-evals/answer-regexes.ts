/**
 * openai/simple-evals `common.py` (ee3b0318): the multilingual answer patterns MMLU uses, as the
 * Python strings `re` receives (`\s` is a regex escape; the template's `\t` is a real tab).
 * `{}` is filled with one label by `str.format`.
 */
export const MULTILINGUAL_ANSWER_PATTERN_TEMPLATE = '(?i){}[ \t]*([A-D]|[أ-د]|[অ]|[ব]|[ড]|[ঢ]|[Ａ]|[Ｂ]|[Ｃ]|[Ｄ])';

/**
 * The ways "Answer" is written, tried in this order. Invisible and combining characters are
 * written as escapes: the second label ends in six U+200B (ZERO WIDTH SPACE), and two Yoruba
 * labels are in decomposed form (base letter + combining mark) exactly as upstream has them.
 * The third and sixth labels are identical upstream; both are kept.
 */
export const MULTILINGUAL_ANSWER_REGEXES: readonly string[] = [
  'Answer\\s*:',
  'Answer\\s*:\u200b\u200b\u200b\u200b\u200b\u200b',
  'উত্তর\\s*:',
  'उत्तर\\s*:',
  'উত্তরঃ',
  'উত্তর\\s*:',
  'Antwort\\s*:',
  '답변\\s*:',
  '정답\\s*:',
  '답\\s*:',
  '答案\\s*：',
  '答案\\s*:',
  '答\\s*：',
  '答\\s*:',
  '答复\\s*：',
  '答曰\\s*：',
  'الإجابة:',
  'الجواب:',
  'إجابة:',
  'الإجابة النهائية:',
  'الإجابة الصحيحة:',
  'الإجابة الصحيحة هي:',
  'الإجابة هي:',
  'الجواب النهائي:',
  'Respuesta\\s*:',
  'Risposta\\s*:',
  '答え\\s*:',
  '答え\\s*：',
  '回答\\s*:',
  '回答\\s*：',
  '解答\\s*:',
  'Jawaban\\s*:',
  'Réponse\\s*:',
  'Resposta\\s*:',
  'Jibu\\s*:',
  'Idahun\\s*:',
  'Ìdáhùn\\s*:',
  'Idáhùn\\s*:',
  'A\u0300m\u1ecd\u0300na\u0300\\s*:',
  'Àdáhùn\\s*:',
  'A\u0300nu\u0301go\u0323\\s*:',
  'Àṣàyàn\\s*:',
];
