import { describe, expect, test } from 'vitest';
import { checkClaim } from '../../../src/rules/check-claim';
import { claim, withRule } from './claim-helpers';
import { fakeReference } from './fake-reference';

const ref = fakeReference({
  mue: [
    { code: '97530', value: 6, mai: 3, rationale: 'Clinical: Data' },
    { code: '97545', value: 1, mai: 2, rationale: 'Code Descriptor / CPT Instruction' },
    { code: '97140', value: 4, mai: 1, rationale: 'Clinical: Data' },
    { code: '97014', value: 0, mai: 3, rationale: 'CMS Policy' },
  ],
});
const mue = (c: ReturnType<typeof claim>) => withRule(checkClaim(c, ref).findings, 'mue.exceeded');

describe('medically unlikely edits', () => {
  test('MAI 3 sums the units of the date of service across lines', () => {
    const [f] = mue(claim([{ code: '97530', units: 4, modifiers: ['GP'] }, { code: '97530', units: 3, modifiers: ['GP', '59'] }]));
    expect(f!.lines).toEqual([0, 1]);
    expect(f!.message).toContain('7 units of 97530');
    expect(f!.message).toContain('allows 6');
    expect(f!.message).toContain('appeal with documentation');
    expect(f!.source).toContain('NCCI practitioner MUE (2026 Q2)');
  });

  test('at the limit is fine', () => {
    expect(mue(claim([{ code: '97530', units: 6, modifiers: ['GP'] }]))).toEqual([]);
  });

  test('MAI 2 is an absolute limit', () => {
    const [f] = mue(claim([{ code: '97545', units: 2, modifiers: ['GP'] }]));
    expect(f!.message).toContain('not even on appeal');
  });

  test('MAI 1 counts each line on its own', () => {
    expect(mue(claim([{ code: '97140', units: 3, modifiers: ['GP'] }, { code: '97140', units: 3, modifiers: ['GP', 'XS'] }]))).toEqual([]);
    const [f] = mue(claim([{ code: '97140', units: 5, modifiers: ['GP'] }]));
    expect(f!.message).toContain('another line with modifier 59, 76, 77');
  });

  test('units on different dates are counted separately', () => {
    expect(
      mue(claim([
        { code: '97530', units: 4, modifiers: ['GP'], dos: '2025-03-04' },
        { code: '97530', units: 4, modifiers: ['GP'], dos: '2025-03-06' },
      ])),
    ).toEqual([]);
  });

  test('an MUE of 0 says the code is not paid to practitioners', () => {
    const [f] = mue(claim([{ code: '97014', units: 1, modifiers: ['GP'] }]));
    expect(f!.message).toContain('not paid for this code');
  });
});
