import { beforeAll, describe, expect, test } from 'vitest';
import type { ReferenceData } from '../../../src/data/reference';
import { loadBundleReference } from '../../../src/data/node-bundles';
import { checkClaim } from '../../../src/rules/check-claim';
import { roundCents } from '../../../src/rules/money';
import { ptpEditApplies } from '../../../src/rules/ptp';
import { claim, withRule } from './claim-helpers';
import { TIPS } from './fake-reference';

/** The engine against the committed CMS bundles (data/bundles). */
let ref: ReferenceData;
beforeAll(() => {
  ref = loadBundleReference();
});

describe('published 2025 national non-facility amounts (1 unit)', () => {
  test.each([
    ['97530', 34.61],
    ['97535', 32.02],
    ['97537', 31.7],
  ])('%s = $%s', (code, amount) => {
    const fees = checkClaim(claim([{ code, units: 1, modifiers: ['GP'] }]), ref).fees;
    expect(fees.lines[0]!.unitAllowed).toBe(amount);
    expect(fees.lines[0]!.allowed).toBe(amount);
  });
});

test('97530 at San Francisco (01112-05) equals the hand computation from RVU25D and GPCI2025', () => {
  // RVU25D 97530: work 0.44, non-facility PE 0.62, MP 0.01.
  // GPCI2025 01112-05: work 1.088, PE 1.419, MP 0.445. CF 2025 $32.3465.
  const expected = roundCents((0.44 * 1.088 + 0.62 * 1.419 + 0.01 * 0.445) * 32.3465);
  const fees = checkClaim(claim([{ code: '97530', units: 1, modifiers: ['GP'] }], { locality: '01112-05' }), ref).fees;
  expect(fees.lines[0]!.unitAllowed).toBe(expected);
  expect(fees.lines[0]!.source).toContain('GPCI');
});

describe('NCCI PTP 2024 Q3 table', () => {
  test('97150 + 97530 same day → ptp.modifier-required; 59 on 97530 → ptp.bypassed', () => {
    const plain = checkClaim(claim([{ code: '97150', modifiers: ['GP'] }, { code: '97530', modifiers: ['GP'] }]), ref);
    const [required] = withRule(plain.findings, 'ptp.modifier-required');
    expect(required!.lines).toEqual([0, 1]);
    expect(required!.source).toContain('NCCI practitioner PTP v30.2 (2024 Q3)');
    const with59 = checkClaim(claim([{ code: '97150', modifiers: ['GP'] }, { code: '97530', modifiers: ['GP', '59'] }]), ref);
    expect(withRule(with59.findings, 'ptp.modifier-required')).toEqual([]);
    expect(withRule(with59.findings, 'ptp.bypassed')).toHaveLength(1);
  });

  test('97530 + 97110 in 2025 → no PTP finding', () => {
    const r = checkClaim(claim([{ code: '97530', modifiers: ['GP'] }, { code: '97110', modifiers: ['GP'] }]), ref);
    expect(r.findings.filter((f) => f.rule.startsWith('ptp.'))).toEqual([]);
  });

  test('97140 + 97530 in 2025: no NCCI finding, but the commercial-payer tip', () => {
    const r = checkClaim(claim([{ code: '97140', modifiers: ['GP'] }, { code: '97530', modifiers: ['GP'] }], { payer: 'commercial' }), ref);
    expect(r.findings.filter((f) => f.rule.startsWith('ptp.'))).toEqual([]);
    expect(withRule(r.findings, 'tip.97140-97530-commercial')).toHaveLength(1);
  });
});

test('a realistic PT visit: 8-minute rule, MPPR and no false alarms', () => {
  const r = checkClaim(
    claim([
      { code: '97110', minutes: 24, units: 2, modifiers: ['GP'] },
      { code: '97112', minutes: 23, units: 1, modifiers: ['GP'] },
      { code: '97140', minutes: 8, units: 1, modifiers: ['GP'] },
    ]),
    ref,
  );
  expect(r.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  expect(r.fees.lines.every((l) => l.allowed > 0)).toBe(true);
});

test('97545 for Medicare: restricted coverage, $0 with a contractor-priced note', () => {
  const r = checkClaim(claim([{ code: '97545', minutes: 120, units: 1, modifiers: ['GP'] }]), ref);
  expect(withRule(r.findings, 'coverage.not-payable')[0]!.message).toContain('status R');
  expect(r.fees.lines[0]!.allowed).toBe(0);
  expect(r.fees.lines[0]!.note).toContain('contractor priced');
});

test('tips that say "no NCCI edit" are true for the bundled PTP table', () => {
  const claimsNoEdit = TIPS.filter((t) => /no NCCI edit|not an NCCI pair/i.test(t.message));
  expect(claimsNoEdit.length).toBeGreaterThanOrEqual(3);
  for (const tip of claimsNoEdit) {
    for (const a of tip.codes) {
      for (const b of tip.withCodes ?? []) {
        for (const [c1, c2] of [[a, b], [b, a]] as const) {
          const edit = ref.ptpEdit(c1, c2, '2025-06-02');
          expect(edit && ptpEditApplies(edit, '2025-06-02'), `${tip.id}: ${c1}/${c2}`).toBeFalsy();
        }
      }
    }
  }
});

test.each([
  ['97140-chiropractic', '98940', '97140', 1],
  ['97140-chiropractic', '98942', '97140', 1],
  ['97750-report', '97530', '97750', 1],
  ['97763-subsequent', '97760', '97763', 0],
  ['97150-one-on-one', '97150', '97530', 1],
  ['97535-ot-evaluation', '97535', '97168', 1],
] as const)('tip %s: the NCCI edit %s/%s it names exists with indicator %i', (id, c1, c2, indicator) => {
  expect(TIPS.some((t) => t.id === id)).toBe(true);
  const edit = ref.ptpEdit(c1, c2, '2025-06-02');
  expect(edit && ptpEditApplies(edit, '2025-06-02')).toBe(true);
  expect(edit!.modifierIndicator).toBe(indicator);
});
