import { describe, expect, test } from 'vitest';
import { checkClaim } from '../../../src/rules/check-claim';
import { midpointUnits } from '../../../src/rules/units-ama';
import { claim, rules, withRule } from './claim-helpers';
import { fakeReference } from './fake-reference';

const ref = fakeReference();
const unitRules = (c: ReturnType<typeof claim>) => rules(checkClaim(c, ref).findings).filter((r) => r.startsWith('units.'));

describe('AMA midpoint rule: each code on its own', () => {
  test.each([[7, 0], [8, 1], [22, 1], [23, 2], [37, 2], [38, 3]])('%i minutes of one code → %i units', (m, u) => {
    expect(midpointUnits(m)).toBe(u);
  });

  test('commercial payers default to the AMA method: 7 minutes earn nothing even beside other codes', () => {
    const c = claim(
      [
        { code: '97110', minutes: 33, units: 2, modifiers: ['GP'] },
        { code: '97140', minutes: 7, units: 1, modifiers: ['GP'] },
      ],
      { payer: 'commercial' },
    );
    const [over] = withRule(checkClaim(c, ref).findings, 'units.over');
    expect(over!.lines).toEqual([1]);
    expect(over!.message).toContain('1 unit of 97140 billed for 7 minutes; the AMA midpoint rule supports 0');
  });

  test('the same claim under the CMS method passes', () => {
    const c = claim(
      [
        { code: '97110', minutes: 33, units: 2, modifiers: ['GP'] },
        { code: '97140', minutes: 7, units: 1, modifiers: ['GP'] },
      ],
      { payer: 'commercial', unitMethod: 'cms' },
    );
    expect(unitRules(c)).toEqual([]);
  });

  test('20 + 20 minutes: 2 units under AMA (1 each), where CMS allows 3', () => {
    const lines = [
      { code: '97112', minutes: 20, units: 2, modifiers: ['GP'] },
      { code: '97110', minutes: 20, units: 1, modifiers: ['GP'] },
    ];
    expect(unitRules(claim(lines, { unitMethod: 'ama' }))).toEqual(['units.over']);
    expect(unitRules(claim(lines, { unitMethod: 'cms' }))).toEqual([]);
  });

  test('AMA under-billing: 38 minutes of 97530 billed as 2 units', () => {
    const c = claim([{ code: '97530', minutes: 38, units: 2, modifiers: ['GP'] }], { unitMethod: 'ama' });
    const [under] = withRule(checkClaim(c, ref).findings, 'units.under');
    expect(under!.message).toContain('supports 3');
  });
});

describe('untimed codes: one unit per session', () => {
  test('2 units of an evaluation', () => {
    const c = claim([{ code: '97161', minutes: 60, units: 2, modifiers: ['GP'] }]);
    const [f] = withRule(checkClaim(c, ref).findings, 'units.untimed-multiple');
    expect(f!.message).toContain('2 units of 97161');
    expect(f!.message).toContain('once per session');
  });

  test('one unit of group therapy for 45 minutes is right', () => {
    expect(unitRules(claim([{ code: '97150', minutes: 45, units: 1, modifiers: ['GP'] }]))).toEqual([]);
  });

  test('an untimed code billed on two lines the same day counts both', () => {
    const c = claim([
      { code: '92507', units: 1, modifiers: ['GN'] },
      { code: '92507', units: 1, modifiers: ['GN'] },
    ]);
    expect(withRule(checkClaim(c, ref).findings, 'units.untimed-multiple')[0]!.lines).toEqual([0, 1]);
  });
});

describe('codes with other unit lengths', () => {
  test('97545: the first 2 hours are one unit', () => {
    expect(unitRules(claim([{ code: '97545', minutes: 120, units: 1, modifiers: ['GP'] }]))).toEqual([]);
    expect(unitRules(claim([{ code: '97545', minutes: 120, units: 2, modifiers: ['GP'] }]))).toEqual(['units.over']);
  });

  test('97546 counts each hour after the first two', () => {
    const c = (units: number) =>
      claim([
        { code: '97545', minutes: 120, units: 1, modifiers: ['GP'] },
        { code: '97546', minutes: 120, units, modifiers: ['GP'] },
      ]);
    expect(unitRules(c(2))).toEqual([]);
    expect(unitRules(c(3))).toEqual(['units.over']);
    const [under] = withRule(checkClaim(c(1), ref).findings, 'units.under');
    expect(under!.message).toContain('1 unit of 97546 billed for 120 minutes');
    expect(under!.message).toContain('work hardening minutes on 2025-03-04: 240');
    expect(under!.message).toContain('supports 2');
    expect(under!.source).toContain('28 TAC §134.230');
  });

  test('97129 takes the first 15 minutes, 97130 each further 15', () => {
    const c = (u129: number, u130: number) =>
      claim([
        { code: '97129', minutes: 15, units: u129 },
        { code: '97130', minutes: 30, units: u130 },
      ]);
    expect(unitRules(c(1, 2))).toEqual([]);
    expect(unitRules(c(3, 0))).toEqual(['units.over', 'units.under']);
  });

  test('units left empty get the supported number as information', () => {
    const c = claim([{ code: '97530', minutes: 30, modifiers: ['GP'] }]);
    const [f] = withRule(checkClaim(c, ref).findings, 'units.missing');
    expect(f!.severity).toBe('info');
    expect(f!.message).toContain('supports 2');
  });
});
