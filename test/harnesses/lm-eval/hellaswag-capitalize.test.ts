import { describe, expect, it } from 'vitest';
import { pythonCapitalize } from '../../../src/harnesses/lm-eval/hellaswag-capitalize.js';

describe('pythonCapitalize', () => {
  it('upper-cases the first character and lower-cases all the rest, as str.capitalize', () => {
    expect(pythonCapitalize('he')).toBe('He');
    expect(pythonCapitalize('the MAN then')).toBe('The man then');
    expect(pythonCapitalize('SHE')).toBe('She');
    expect(pythonCapitalize('')).toBe('');
    expect(pythonCapitalize('1st PLACE')).toBe('1st place');
  });

  it('uses title case for the first character where it differs from upper case (python3: "ǆungla".capitalize())', () => {
    expect(pythonCapitalize('ǆungla')).toBe('ǅungla');
    expect(pythonCapitalize('ǉ the')).toBe('ǈ the');
    expect(pythonCapitalize('ßhe dog')).toBe('Sshe dog');
    expect(pythonCapitalize('ﬁne')).toBe('Fine');
    expect(pythonCapitalize('ᾳΣ')).toBe('ᾼς');
    // Georgian Mkhedruli is its own title case (its upper case is Mtavruli).
    expect(pythonCapitalize('ა ბ')).toBe('ა ბ');
  });

  it('lowers with the full mappings and the final-sigma rule judged on the whole string', () => {
    expect(pythonCapitalize('ÉLAN İSTANBUL')).toBe('Élan i̇stanbul');
    expect(pythonCapitalize('ΟΔΟΣ')).toBe('Οδος');
    expect(pythonCapitalize('ΑΣ ΑΣ.')).toBe('Ας ας.');
    expect(pythonCapitalize('ΣΑΣ')).toBe('Σας');
    expect(pythonCapitalize('ΑΣ\u0301b')).toBe('Ασ\u0301b');
    expect(pythonCapitalize('𐐨𐐀X')).toBe('𐐀𐐨x');
  });
});
