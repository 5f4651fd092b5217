import { describe, expect, test } from 'vitest';
import { checkClaim } from '../../../src/rules/check-claim';
import { claim, withRule } from './claim-helpers';
import { fakeReference } from './fake-reference';

const ref = fakeReference({
  ptp: [
    { column1: '97150', column2: '97530', deletion: null, modifierIndicator: 1, rationale: 'Mutually exclusive procedures' },
    { column1: '97161', column2: '97164', deletion: null, modifierIndicator: 0, rationale: 'Mutually exclusive procedures' },
    { column1: '97530', column2: '97110', deletion: '1996-01-01', modifierIndicator: 9, rationale: 'Mutually exclusive procedures' },
    { column1: '97140', column2: '97530', deletion: '2019-12-31', modifierIndicator: 1, rationale: 'Mutually exclusive procedures' },
    { column1: '97530', column2: '97116', deletion: '2020-10-01', modifierIndicator: 0, rationale: 'Mutually exclusive procedures' },
  ],
});
const ptpFindings = (c: ReturnType<typeof claim>) => checkClaim(c, ref).findings.filter((f) => f.rule.startsWith('ptp.'));

describe('NCCI PTP edits', () => {
  test('modifier indicator 1 without a bypass modifier → ptp.modifier-required', () => {
    const [f, ...rest] = ptpFindings(claim([{ code: '97530', modifiers: ['GP'] }, { code: '97150', modifiers: ['GP'] }]));
    expect(rest).toEqual([]);
    expect(f!.rule).toBe('ptp.modifier-required');
    expect(f!.severity).toBe('error');
    expect(f!.lines).toEqual([1, 0]);
    expect(f!.message).toContain('97150 (column 1) with 97530 (column 2)');
    expect(f!.message).toContain('Mutually exclusive procedures');
    expect(f!.source).toContain('NCCI practitioner PTP v30.2 (2024 Q3)');
  });

  test('59 on the column 2 line → ptp.bypassed (info)', () => {
    const [f] = ptpFindings(claim([{ code: '97150', modifiers: ['GP'] }, { code: '97530', modifiers: ['GP', '59'] }]));
    expect(f!.rule).toBe('ptp.bypassed');
    expect(f!.severity).toBe('info');
    expect(f!.message).toContain('59 on 97530');
  });

  test('XU typed with the code also bypasses', () => {
    const [f] = ptpFindings(claim([{ code: '97150 GP' }, { code: '97530-GP-XU' }]));
    expect(f!.rule).toBe('ptp.bypassed');
  });

  test('bypass modifier on the column 1 line is accepted but the biller is told where CMS expects it', () => {
    const [f] = ptpFindings(claim([{ code: '97150', modifiers: ['GP', '59'] }, { code: '97530', modifiers: ['GP'] }]));
    expect(f!.rule).toBe('ptp.bypassed');
    expect(f!.message).toContain('move it');
  });

  test('a modifier that is not an NCCI bypass modifier does not bypass', () => {
    const [f] = ptpFindings(claim([{ code: '97150', modifiers: ['GP'] }, { code: '97530', modifiers: ['GP', 'KX'] }]));
    expect(f!.rule).toBe('ptp.modifier-required');
  });

  test('modifier indicator 0 → ptp.bundled even with 59', () => {
    const [f] = ptpFindings(claim([{ code: '97161', modifiers: ['GP'] }, { code: '97164', modifiers: ['GP', '59'] }]));
    expect(f!.rule).toBe('ptp.bundled');
    expect(f!.message).toContain('no modifier');
  });

  test('indicator 9 and deleted edits give nothing', () => {
    expect(ptpFindings(claim([{ code: '97530', modifiers: ['GP'] }, { code: '97110', modifiers: ['GP'] }]))).toEqual([]);
    expect(ptpFindings(claim([{ code: '97140', modifiers: ['GP'] }, { code: '97530', modifiers: ['GP'] }]))).toEqual([]);
  });

  test('a deleted edit still applies to dates of service before its deletion', () => {
    const old = claim([
      { code: '97140', modifiers: ['GP'], dos: '2019-06-03' },
      { code: '97530', modifiers: ['GP'], dos: '2019-06-03' },
    ]);
    expect(ptpFindings(old).map((f) => f.rule)).toEqual(['ptp.modifier-required']);
    const onDeletionDay = claim([
      { code: '97530', modifiers: ['GP'], dos: '2020-10-01' },
      { code: '97116', modifiers: ['GP'], dos: '2020-10-01' },
    ]);
    expect(ptpFindings(onDeletionDay)).toEqual([]);
  });

  test('codes on different dates of service are not paired', () => {
    expect(
      ptpFindings(claim([{ code: '97150', modifiers: ['GP'], dos: '2025-03-04' }, { code: '97530', modifiers: ['GP'], dos: '2025-03-05' }])),
    ).toEqual([]);
  });

  test('several lines of a code give one finding per outcome, not one per line pair', () => {
    const found = ptpFindings(
      claim([
        { code: '97150', modifiers: ['GP'] },
        { code: '97530', modifiers: ['GP'] },
        { code: '97530', modifiers: ['GP', 'XU'] },
      ]),
    );
    expect(found.map((f) => [f.rule, f.lines])).toEqual([
      ['ptp.bypassed', [0, 2]],
      ['ptp.modifier-required', [0, 1]],
    ]);
  });
});
