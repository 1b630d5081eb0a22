import { describe, expect, it } from 'vitest';
import type { DatasetRow } from '../../../src/core/datasets/dataset-reader.js';
import { DatasetError } from '../../../src/core/errors.js';
import { digitLabelField, goldChoice, integerField } from '../../../src/harnesses/lm-eval/label-fields.js';

const row = (label: unknown): DatasetRow => ({ row: { label }, rowNumber: 2, location: 'x.parquet' });

describe('label fields', () => {
  it('integerField takes a whole number and names anything else', () => {
    expect(integerField(row(1), 'label')).toBe(1);
    expect(integerField(row(-1), 'label')).toBe(-1);
    expect(() => integerField(row(1.5), 'label')).toThrow(DatasetError);
    expect(() => integerField(row(2n ** 64n), 'label')).toThrow(/field "label" is 18446744073709551616, not a whole number/);
    expect(() => integerField(row(undefined), 'label')).toThrow(/field "label" is missing/);
  });

  it('digitLabelField takes digits as lm-eval turns "{{label}}" into an int, or a whole number', () => {
    expect(digitLabelField(row('3'), 'label')).toBe(3);
    expect(digitLabelField(row('0'), 'label')).toBe(0);
    expect(digitLabelField(row(2), 'label')).toBe(2);
    for (const bad of ['', ' 3', '03', '-1', '٣', 1.5, -1]) expect(() => digitLabelField(row(bad), 'label')).toThrow(/not a choice index/);
  });

  it("goldChoice gives a shot's answer, or names a label that is no choice", () => {
    expect(goldChoice(row(1), 'label', ['no', 'yes'], 1)).toBe('yes');
    expect(() => goldChoice(row(2), 'label', ['no', 'yes'], 2)).toThrow(/x\.parquet, row 2: field "label" is 2, not an index of one of its 2 choices/);
  });
});
