import { describe, expect, test } from 'vitest';
import type { CodeCardRvu, GpciRecord, RvuRecord } from '../../../src/data/store/api';
import { yearFee } from '../../../src/messaging/fee';

const rvuSet = { id: 'rvu-2026', version: 'RVU26C', effective: '2026-01-01' };
function row(overrides: Partial<RvuRecord>, year = 2026): CodeCardRvu {
  const record: RvuRecord = {
    code: '99999', modifier: '', status: 'A', work: 1, peNonFacility: 2, peFacility: 0.5, mp: 0.5, naNonFacility: false, naFacility: false,
    pctc: '0', globalDays: 'XXX', multProc: '0', conversionFactor: 30, dataset: rvuSet, ...overrides,
  };
  return { year, record, conversionFactor: { year, value: 30, source: 'test CF' } };
}
const gpci: GpciRecord = { locality: '01112-05', mac: '01112', localityNumber: '05', state: 'CA', name: 'SAN FRANCISCO', work: 1.1, pe: 1.2, mp: 0.9, dataset: { id: 'gpci-2025', version: 'GPCI 2025', effective: '2025-01-01' } };

describe('popup fee for one unit', () => {
  test('applies the GPCIs of the locality to each RVU part', () => {
    // (1 × 1.1) + (2 × 1.2) + (0.5 × 0.9) = 3.95 RVU × 30 = $118.50
    const fee = yearFee(row({}), gpci, 'non-facility')!;
    expect(fee.amount).toBe(118.5);
    expect(fee.breakdown.join(' ')).toContain('$118.50');
  });

  test('says when an older year\'s GPCIs stand in for a year without its own', () => {
    expect(yearFee(row({}), gpci, 'non-facility')!.notes.join(' ')).toContain('No 2026 GPCIs loaded');
    expect(yearFee(row({}, 2025), gpci, 'non-facility')!.notes).toEqual([]);
  });

  test('a setting marked NA uses the other setting\'s PE and says so', () => {
    const fee = yearFee(row({ naFacility: true }, 2025), undefined, 'facility')!;
    expect(fee.rvu.pe).toBe(2);
    expect(fee.amount).toBe(105); // (1 + 2 + 0.5) × 30
    expect(fee.notes.join(' ')).toContain('NA');
  });

  test('a code Medicare does not pay says so next to the amount', () => {
    expect(yearFee(row({ status: 'R', work: 0, peNonFacility: 0, peFacility: 0, mp: 0 }, 2025), undefined, 'non-facility')).toMatchObject({ amount: 0, notes: [expect.stringContaining('Status R')] });
  });

  test('a restricted-coverage code with national RVUs is priced like the claim check prices it, with its condition', () => {
    // Status R with RVUs: Medicare pays the fee schedule amount where the coverage conditions are met (engine: isPricedStatus).
    const fee = yearFee(row({ status: 'R' }, 2025), undefined, 'non-facility')!;
    expect(fee.amount).toBe(105); // (1 + 2 + 0.5) × 30
    expect(fee.notes.join(' ')).not.toContain('does not pay');
    expect(fee.notes.join(' ')).toContain('coverage');
  });
});
