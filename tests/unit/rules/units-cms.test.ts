import { describe, expect, test } from 'vitest';
import { checkClaim } from '../../../src/rules/check-claim';
import { allocateCmsUnits, cmsTotalUnits } from '../../../src/rules/units-cms';
import { claim, rules, withRule } from './claim-helpers';
import { fakeReference } from './fake-reference';

const ref = fakeReference();

function expected(lines: Array<{ code: string; minutes: number }>) {
  const result = checkClaim(claim(lines.map((l) => ({ ...l, modifiers: ['GP'], units: 1 }))), ref);
  return result.expectedUnits!.map((e) => [lines[e.line]!.code, e.min, e.max]);
}

describe('CMS 8-minute rule: total units from all timed minutes of the day', () => {
  test.each([
    [7, 0], [8, 1], [22, 1], [23, 2], [37, 2], [38, 3], [52, 3], [53, 4], [67, 4], [68, 5], [82, 5],
    [83, 6], [97, 6], [98, 7], [112, 7], [113, 8], [127, 8],
  ])('%i minutes → %i units', (minutes, units) => {
    expect(cmsTotalUnits(minutes)).toBe(units);
  });
});

describe('CMS Pub. 100-04 ch. 5 §20.2 worked examples', () => {
  test('24 min 97112 + 23 min 97110 → 2 × 97112, 1 × 97110', () => {
    expect(expected([{ code: '97112', minutes: 24 }, { code: '97110', minutes: 23 }])).toEqual([
      ['97112', 2, 2],
      ['97110', 1, 1],
    ]);
  });

  test('20 min 97112 + 20 min 97110 → 3 units, 2 of either and 1 of the other', () => {
    const allocation = allocateCmsUnits([20, 20]);
    expect(allocation.totalUnits).toBe(3);
    expect(allocation.ranges).toEqual([{ min: 1, max: 2 }, { min: 1, max: 2 }]);
    for (const units of [[2, 1], [1, 2]]) {
      const c = claim([
        { code: '97112', minutes: 20, units: units[0], modifiers: ['GP'] },
        { code: '97110', minutes: 20, units: units[1], modifiers: ['GP'] },
      ]);
      expect(rules(checkClaim(c, ref).findings).filter((r) => r.startsWith('units.'))).toEqual([]);
    }
  });

  test('20 + 20 billed as 2 + 2 is over-billing: 3 units in all', () => {
    const c = claim([
      { code: '97112', minutes: 20, units: 2, modifiers: ['GP'] },
      { code: '97110', minutes: 20, units: 2, modifiers: ['GP'] },
    ]);
    const over = withRule(checkClaim(c, ref).findings, 'units.over');
    expect(over).toHaveLength(1);
    expect(over[0]!.lines).toEqual([0, 1]);
    expect(over[0]!.message).toContain('4 timed units billed for 40 timed minutes');
    expect(over[0]!.message).toContain('supports 3');
    expect(over[0]!.message).toContain('may go to 97112 or 97110');
  });

  test('three services tie for two leftover units', () => {
    // 10 + 10 + 10 = 30 min → 2 units; each has 10 remaining minutes.
    const allocation = allocateCmsUnits([10, 10, 10]);
    expect(allocation.totalUnits).toBe(2);
    expect(allocation.tied).toEqual([0, 1, 2]);
    const c = claim(['97110', '97112', '97140'].map((code) => ({ code, minutes: 10, units: 1, modifiers: ['GP'] })));
    const [over] = withRule(checkClaim(c, ref).findings, 'units.over');
    expect(over!.message).toContain('2 leftover units go to 2 of 97110, 97112, 97140');
  });

  test('33 min 97110 + 7 min 97140 → 2 × 97110, 1 × 97140', () => {
    expect(expected([{ code: '97110', minutes: 33 }, { code: '97140', minutes: 7 }])).toEqual([
      ['97110', 2, 2],
      ['97140', 1, 1],
    ]);
  });

  test('18 97110 + 13 97140 + 10 97116 + 8 97035 → 1 each of the first three, none of 97035', () => {
    expect(
      expected([
        { code: '97110', minutes: 18 },
        { code: '97140', minutes: 13 },
        { code: '97116', minutes: 10 },
        { code: '97035', minutes: 8 },
      ]),
    ).toEqual([
      ['97110', 1, 1],
      ['97140', 1, 1],
      ['97116', 1, 1],
      ['97035', 0, 0],
    ]);
  });

  test('7 min 97110 + 7 min 97140 → one unit to either', () => {
    expect(expected([{ code: '97110', minutes: 7 }, { code: '97140', minutes: 7 }])).toEqual([
      ['97110', 0, 1],
      ['97140', 0, 1],
    ]);
  });

  test('a single timed service under 8 minutes is not billed', () => {
    const c = claim([{ code: '97110', minutes: 7, units: 1, modifiers: ['GP'] }]);
    const over = withRule(checkClaim(c, ref).findings, 'units.over');
    expect(over).toHaveLength(1);
    expect(over[0]!.message).toMatch(/1 unit of 97110 billed for 7 minutes; the CMS 8-minute rule supports 0/);
    expect(over[0]!.severity).toBe('error');
  });
});

describe('unit findings under the CMS method', () => {
  test('2 units for 20 minutes alone is over-billing', () => {
    const c = claim([{ code: '97530', minutes: 20, units: 2, modifiers: ['GP'] }]);
    const [finding] = withRule(checkClaim(c, ref).findings, 'units.over');
    expect(finding!.message).toContain('2 units of 97530 billed for 20 minutes; the CMS 8-minute rule supports 1');
    expect(finding!.source).toContain('Pub. 100-04 ch. 5 §20.2');
    expect(finding!.lines).toEqual([0]);
  });

  test('under-billing is a warning with the dollars not billed', () => {
    const c = claim([{ code: '97530', minutes: 38, units: 2, modifiers: ['GP'] }]);
    const [finding] = withRule(checkClaim(c, ref).findings, 'units.under');
    expect(finding!.severity).toBe('warning');
    expect(finding!.message).toContain('supports 3');
    // The missing 3rd unit of 97530 would be MPPR-reduced (half PE): (0.44 + 0.31 + 0.01) × 32.3465 = $24.58.
    expect(finding!.message).toContain('$24.58');
  });

  test('the 7 minutes of one code earn a unit when the day total allows it', () => {
    const c = claim([
      { code: '97110', minutes: 33, units: 2, modifiers: ['GP'] },
      { code: '97140', minutes: 7, units: 1, modifiers: ['GP'] },
    ]);
    expect(withRule(checkClaim(c, ref).findings, 'units.over')).toEqual([]);
  });

  test('untimed minutes do not count toward timed minutes', () => {
    const c = claim([
      { code: '97161', minutes: 45, units: 1, modifiers: ['GP'] },
      { code: '97110', minutes: 7, units: 1, modifiers: ['GP'] },
    ]);
    const over = withRule(checkClaim(c, ref).findings, 'units.over');
    expect(over.map((f) => f.lines)).toEqual([[1]]);
  });

  test('lines of another date of service are counted separately', () => {
    const c = claim([
      { code: '97110', minutes: 7, units: 1, modifiers: ['GP'], dos: '2025-03-04' },
      { code: '97140', minutes: 7, units: 1, modifiers: ['GP'], dos: '2025-03-05' },
    ]);
    expect(withRule(checkClaim(c, ref).findings, 'units.over').map((f) => f.lines)).toEqual([[0], [1]]);
  });

  test('lines without minutes get no unit finding', () => {
    const c = claim([{ code: '97530', units: 4, modifiers: ['GP'] }]);
    expect(rules(checkClaim(c, ref).findings).filter((r) => r.startsWith('units.'))).toEqual([]);
  });

  test('a timed line without minutes stops the day check and says why', () => {
    const c = claim([
      { code: '97110', minutes: 7, units: 1, modifiers: ['GP'] },
      { code: '97140', units: 1, modifiers: ['GP'] },
    ]);
    const findings = checkClaim(c, ref).findings;
    expect(withRule(findings, 'units.over')).toEqual([]);
    expect(withRule(findings, 'units.minutes-incomplete')[0]!.lines).toEqual([1]);
  });

  test('two lines of one code share the code minutes', () => {
    const c = claim([
      { code: '97110', minutes: 15, units: 1, modifiers: ['GP'] },
      { code: '97110', minutes: 15, units: 1, modifiers: ['GP', '59'] },
    ]);
    expect(rules(checkClaim(c, ref).findings).filter((r) => r.startsWith('units.'))).toEqual([]);
  });

  test('workers comp uses the CMS method by default', () => {
    const c = claim([
      { code: '97110', minutes: 33, units: 2, modifiers: ['GP'] },
      { code: '97140', minutes: 7, units: 1, modifiers: ['GP'] },
    ], { payer: 'workers-comp' });
    expect(withRule(checkClaim(c, ref).findings, 'units.over')).toEqual([]);
  });
});
