import { describe, expect, it } from 'vitest';
import { rvuDatasetOrder, selectConversionFactor, selectDataset, selectPtpEdit } from '../../../src/data/dataset-selection';

const mue = [
  { id: 'mue-2026q2', effective: '2026-04-01' },
  { id: 'mue-2024q3', effective: '2024-07-01' },
];

describe('selectDataset', () => {
  it('takes the latest dataset in effect on the date of service', () => {
    expect(selectDataset(mue, '2026-04-01')?.id).toBe('mue-2026q2');
    expect(selectDataset(mue, '2026-03-31')?.id).toBe('mue-2024q3');
    expect(selectDataset(mue, '2027-01-15')?.id).toBe('mue-2026q2');
  });

  it('falls back to the earliest before all of them (its effective date shows the gap)', () => {
    expect(selectDataset(mue, '2023-02-01')).toEqual({ id: 'mue-2024q3', effective: '2024-07-01' });
  });

  it('uses the latest for a date that is not YYYY-MM-DD, and nothing when there is no dataset', () => {
    expect(selectDataset(mue, '03/01/2026')?.id).toBe('mue-2026q2');
    expect(selectDataset([], '2026-01-01')).toBeUndefined();
  });
});

describe('rvuDatasetOrder', () => {
  const rvu = [
    { id: 'rvu-2025', effective: '2025-01-01' },
    { id: 'rvu-2026', effective: '2026-01-01' },
  ];
  it('tries the DOS year first, then the nearest other year', () => {
    expect(rvuDatasetOrder(rvu, '2026-02-10').map((d) => d.id)).toEqual(['rvu-2026', 'rvu-2025']);
    expect(rvuDatasetOrder(rvu, '2025-12-31').map((d) => d.id)).toEqual(['rvu-2025', 'rvu-2026']);
    expect(rvuDatasetOrder(rvu, '2024-05-01').map((d) => d.id)).toEqual(['rvu-2025', 'rvu-2026']);
    expect(rvuDatasetOrder(rvu, '2028-05-01').map((d) => d.id)).toEqual(['rvu-2026', 'rvu-2025']);
  });
});

describe('selectConversionFactor', () => {
  const factors = [
    { year: 2025, value: 32.3465, appliesTo: 'all' as const, source: 'a' },
    { year: 2026, value: 33.4009, appliesTo: 'non-qualifying-apm' as const, source: 'b' },
    { year: 2026, value: 33.5675, appliesTo: 'qualifying-apm' as const, source: 'c' },
  ];
  it('picks by DOS year and APM status', () => {
    expect(selectConversionFactor(factors, '2025-07-01', false)?.value).toBe(32.3465);
    expect(selectConversionFactor(factors, '2025-07-01', true)?.value).toBe(32.3465);
    expect(selectConversionFactor(factors, '2026-07-01', false)?.value).toBe(33.4009);
    expect(selectConversionFactor(factors, '2026-07-01', true)?.value).toBe(33.5675);
  });
  it('uses the nearest year outside 2025-2026', () => {
    expect(selectConversionFactor(factors, '2024-12-31', false)?.year).toBe(2025);
    expect(selectConversionFactor(factors, '2027-01-02', true)?.value).toBe(33.5675);
  });
});

describe('selectPtpEdit', () => {
  // 0007U/0328U in the 2024 Q3 table: deleted 2023-06-30 with indicator 0, then active with indicator 1.
  const rows = [
    { deletion: null, modifierIndicator: 1 },
    { deletion: '2023-06-30', modifierIndicator: 0 },
  ];
  it('returns the row in effect for the DOS', () => {
    expect(selectPtpEdit(rows, '2023-01-15')?.modifierIndicator).toBe(0);
    expect(selectPtpEdit(rows, '2025-01-15')?.modifierIndicator).toBe(1);
  });
  it('returns the latest deleted row when every row was deleted before the DOS', () => {
    const deleted = [{ deletion: '2019-12-31' }, { deletion: '2021-03-31' }];
    expect(selectPtpEdit(deleted, '2025-01-01')?.deletion).toBe('2021-03-31');
    expect(selectPtpEdit(deleted, '2020-06-01')?.deletion).toBe('2021-03-31');
    expect(selectPtpEdit(deleted, '2019-06-01')?.deletion).toBe('2019-12-31');
    expect(selectPtpEdit([], '2019-06-01')).toBeUndefined();
  });
});
