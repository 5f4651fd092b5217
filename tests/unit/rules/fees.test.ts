import { describe, expect, test } from 'vitest';
import { checkClaim } from '../../../src/rules/check-claim';
import { roundCents } from '../../../src/rules/money';
import { claim, withRule } from './claim-helpers';
import { fakeReference } from './fake-reference';

const ref = fakeReference({
  gpci: [{ locality: '01112-05', mac: '01112', localityNumber: '05', state: 'CA', name: 'SAN FRANCISCO', work: 1.08, pe: 1.456, mp: 0.548 }],
});
const fees = (c: ReturnType<typeof claim>) => checkClaim(c, ref).fees;
const CF25 = 32.3465;

describe('Medicare fee per line', () => {
  test('97530, 2025, national, non-facility, 1 unit: 1.07 RVU × $32.3465 = $34.61', () => {
    const f = fees(claim([{ code: '97530', units: 1, modifiers: ['GP'] }]));
    expect(f.lines[0]!.unitAllowed).toBe(34.61);
    expect(f.lines[0]!.allowed).toBe(34.61);
    expect(f.lines[0]!.conversionFactor).toBe(CF25);
    expect(f.lines[0]!.breakdown.join('\n')).toContain('$34.61 per unit');
    expect(f.lines[0]!.source).toContain('RVU25D');
  });

  test('Medicare pays 80 % less 2 % sequestration, deductible not applied', () => {
    const f = fees(claim([{ code: '97530', units: 1, modifiers: ['GP'] }]));
    expect(f.lines[0]!.payerPays).toBe(roundCents(34.61 * 0.8 * 0.98));
    expect(f.medicarePays).toBe(27.13);
    expect(f.notes!.join(' ')).toContain('deductible');
  });

  test('a locality applies its GPCIs', () => {
    const f = fees(claim([{ code: '97530', units: 1, modifiers: ['GP'] }], { locality: '01112-05' }));
    expect(f.lines[0]!.unitAllowed).toBe(roundCents((0.44 * 1.08 + 0.62 * 1.456 + 0.01 * 0.548) * CF25));
  });

  test('an unknown locality gives a finding and national figures', () => {
    const r = checkClaim(claim([{ code: '97530', units: 1, modifiers: ['GP'] }], { locality: '99999-99' }), ref);
    expect(withRule(r.findings, 'fee.unknown-locality')[0]!.message).toContain('99999-99');
    expect(r.fees.lines[0]!.unitAllowed).toBe(34.61);
  });

  test('facility setting with the NA indicator uses the non-facility PE and says so', () => {
    const f = fees(claim([{ code: '97530', units: 1, modifiers: ['GP'] }], { setting: 'facility' }));
    expect(f.lines[0]!.unitAllowed).toBe(34.61);
    expect(f.lines[0]!.note).toContain('NA');
  });

  test('facility PE where the code has one', () => {
    const f = fees(claim([{ code: '99213', units: 1 }], { setting: 'facility' }));
    expect(f.lines[0]!.unitAllowed).toBe(roundCents((1.3 + 0.55 + 0.1) * CF25));
  });
});

describe('therapy MPPR', () => {
  test('the unit with the highest PE in full; every further unit half its PE', () => {
    // 97530 PE 0.62 (highest), 97110 PE 0.43.
    const f = fees(
      claim([
        { code: '97110', units: 2, modifiers: ['GP'] },
        { code: '97530', units: 2, modifiers: ['GP'] },
      ]),
    );
    const full530 = roundCents((0.44 + 0.62 + 0.01) * CF25);
    const reduced530 = roundCents((0.44 + 0.31 + 0.01) * CF25);
    const reduced110 = roundCents((0.45 + 0.215 + 0.01) * CF25);
    expect(f.lines[1]!.allowed).toBe(roundCents(full530 + reduced530));
    expect(f.lines[0]!.allowed).toBe(roundCents(2 * reduced110));
    expect(f.allowed).toBe(roundCents(full530 + reduced530 + 2 * reduced110));
    expect(f.lines[0]!.breakdown.join('\n')).toContain('MPPR');
  });

  test('one unit alone is paid in full', () => {
    expect(fees(claim([{ code: '97110', units: 1, modifiers: ['GP'] }])).lines[0]!.allowed).toBe(roundCents(0.89 * CF25));
  });

  test('different dates of service are reduced separately', () => {
    const f = fees(
      claim([
        { code: '97110', units: 1, modifiers: ['GP'], dos: '2025-03-04' },
        { code: '97110', units: 1, modifiers: ['GP'], dos: '2025-03-05' },
      ]),
    );
    expect(f.lines.map((l) => l.allowed)).toEqual([28.79, 28.79]);
  });
});

describe('assistants, participation, other payers', () => {
  test('CQ pays 85 % of the amount after MPPR', () => {
    const f = fees(claim([{ code: '97530', units: 1, modifiers: ['GP', 'CQ'] }]));
    expect(f.lines[0]!.allowed).toBe(roundCents(34.61 * 0.85));
  });

  test('CQ applies after the MPPR', () => {
    const f = fees(
      claim([
        { code: '97530', units: 1, modifiers: ['GP'] },
        { code: '97110', units: 2, modifiers: ['GP', 'CQ'] },
      ]),
    );
    // 97530 has the highest PE: paid in full. Both 97110 units: half PE, then 85 %.
    const reduced110 = roundCents((0.45 + 0.43 / 2 + 0.01) * CF25);
    expect(f.lines[0]!.allowed).toBe(34.61);
    expect(f.lines[1]!.allowed).toBe(roundCents(2 * reduced110 * 0.85));
    expect(f.lines[1]!.breakdown.join('\n')).toMatch(/MPPR[\s\S]*CQ/);
  });

  test('non-participating: 95 %, limiting charge 115 % of that', () => {
    const f = fees(claim([{ code: '97530', units: 1, modifiers: ['GP'] }], { participating: false }));
    expect(f.lines[0]!.allowed).toBe(roundCents(34.61 * 0.95));
    expect(f.lines[0]!.limitingCharge).toBe(roundCents(roundCents(34.61 * 0.95) * 1.15));
  });

  test('commercial at a percentage of Medicare; payer pays the allowed amount', () => {
    const f = fees(claim([{ code: '97530', units: 1, modifiers: ['GP'] }], { payer: 'commercial', feePercentOfMedicare: 120 }));
    expect(f.lines[0]!.allowed).toBe(roundCents(34.61 * 1.2));
    expect(f.lines[0]!.payerPays).toBe(f.lines[0]!.allowed);
    expect(f.medicarePays).toBe(0);
  });

  test('status R without RVUs pays $0 with a contractor-priced note', () => {
    const f = fees(claim([{ code: '97545', units: 1, minutes: 120, modifiers: ['GP'] }]));
    expect(f.lines[0]!.allowed).toBe(0);
    expect(f.lines[0]!.note).toContain('contractor priced');
  });

  test('2026: 2026 RVUs with the 2026 CF; codes missing from the 2026 extract use 2025 RVUs with a note', () => {
    const f = fees(
      claim([
        { code: '97530', units: 1, modifiers: ['GP'], dos: '2026-02-02' },
        { code: '97140', units: 1, modifiers: ['GP'], dos: '2026-02-03' },
      ]),
    );
    expect(f.lines[0]!.unitAllowed).toBe(roundCents((0.44 + 0.6 + 0.01) * 33.4009));
    expect(f.lines[0]!.note ?? '').not.toContain('2025 RVUs');
    expect(f.lines[1]!.unitAllowed).toBe(roundCents((0.43 + 0.4 + 0.01) * 33.4009));
    expect(f.lines[1]!.note).toContain('2025 RVUs with the 2026 conversion factor');
  });

  test('qualifying APM participants get the 2026 QP conversion factor', () => {
    const f = fees(claim([{ code: '97530', units: 1, modifiers: ['GP'], dos: '2026-02-02' }], { qualifyingApm: true }));
    expect(f.lines[0]!.conversionFactor).toBe(33.5675);
  });

  test('an invalid code has no fee line and does not break the others', () => {
    const f = fees(claim([{ code: 'xyz' }, { code: '97530', units: 1, modifiers: ['GP'] }]));
    expect(f.lines.map((l) => l.line)).toEqual([1]);
  });
});
