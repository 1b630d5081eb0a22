/** SimpleQA's three grades, as the grader's letters A, B and C stand for them. */
export type SimpleqaGrade = 'CORRECT' | 'INCORRECT' | 'NOT_ATTEMPTED';

const GRADES: Readonly<Record<string, SimpleqaGrade>> = { A: 'CORRECT', B: 'INCORRECT', C: 'NOT_ATTEMPTED' };

/** What a grader reply says, and whether anything in it could be read. */
export interface ReadGrade {
  value: SimpleqaGrade;
  /** The reply held no A, B or C at all (upstream then counts NOT_ATTEMPTED). */
  unparsable: boolean;
}

/**
 * Upstream `grade_sample`: `re.search(r"(A|B|C)", reply)`, the first capital A, B or C anywhere in
 * the reply (so "CORRECT" reads as C, and "Based on…" as B), and NOT_ATTEMPTED when there is none.
 */
export function readSimpleqaGrade(reply: string): ReadGrade {
  const match = /A|B|C/.exec(reply);
  return match ? { value: GRADES[match[0]] as SimpleqaGrade, unparsable: false } : { value: 'NOT_ATTEMPTED', unparsable: true };
}
