import { describe, expect, it } from 'vitest';
import { packEdits, reverseIndex, unpackEdits, type PackedEdit } from '../../../src/data/store/ptp-pack';

const edit = (other: string, deletion: string | null, modifierIndicator: 0 | 1 | 9, rationale: number, effective: string | null = null): PackedEdit => ({ other, deletion, modifierIndicator, rationale, effective });

describe('packed PTP edits', () => {
  it('round-trips edits with and without effective dates', () => {
    const edits = [edit('97530', null, 1, 0), edit('97750', '2019-12-31', 9, 2), edit('97110', null, 1, 0, '2026-07-01')];
    const packed = packEdits(edits);
    expect(packed).toBe('*/1/0:97530;20191231/9/2:97750;*/1/0/20260701:97110');
    expect(unpackEdits(packed)).toEqual(edits);
  });

  it('builds the reverse index: every pair once, under its column-2 code, same attributes', () => {
    const forward = [
      { column1: '97140', packed: packEdits([edit('97530', '2019-12-31', 1, 0), edit('97750', null, 0, 1)]) },
      { column1: '97150', packed: packEdits([edit('97530', null, 1, 0), edit('97750', null, 1, 0)]) },
      { column1: '0029T', packed: packEdits([edit('97530', '2008-12-31', 1, 0, '2002-01-01')]) },
    ];
    const reverse = reverseIndex(forward);
    const transposed = reverse.flatMap((r) => unpackEdits(r.packed).map((e) => ({ ...e, column2: r.code })));
    const original = forward.flatMap((f) => unpackEdits(f.packed).map((e) => ({ ...e, other: f.column1, column2: e.other })));
    const key = (e: { other: string; column2: string }) => `${e.other}>${e.column2}`;
    expect(transposed.map(key).sort()).toEqual(original.map(key).sort());
    expect(new Map(transposed.map((e) => [key(e), e]))).toEqual(new Map(original.map((e) => [key(e), e])));
    expect(reverse.map((r) => [r.code, r.count])).toEqual([
      ['97530', 3],
      ['97750', 2],
    ]);
  });
});
