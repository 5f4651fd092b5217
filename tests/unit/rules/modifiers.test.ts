import { describe, expect, test } from 'vitest';
import { checkClaim } from '../../../src/rules/check-claim';
import { claim, withRule } from './claim-helpers';
import { fakeReference } from './fake-reference';

const ref = fakeReference();
const run = (c: ReturnType<typeof claim>) => checkClaim(c, ref).findings;

describe('therapy discipline modifiers', () => {
  test('an always-therapy code without GP/GO/GN', () => {
    const [f] = withRule(run(claim([{ code: '97530' }])), 'modifier.therapy-missing');
    expect(f!.severity).toBe('error');
    expect(f!.message).toContain('GP (physical therapy), GO (occupational therapy) or GN');
  });

  test('GP typed with the code counts', () => {
    expect(withRule(run(claim([{ code: '97530-GP' }])), 'modifier.therapy-missing')).toEqual([]);
  });

  test('a code that is not always therapy needs no discipline modifier', () => {
    expect(withRule(run(claim([{ code: '99213' }, { code: '97129', minutes: 15, units: 1 }])), 'modifier.therapy-missing')).toEqual([]);
  });

  test('two disciplines on one line', () => {
    const [f] = withRule(run(claim([{ code: '97530', modifiers: ['GP', 'GO'] }])), 'modifier.therapy-conflict');
    expect(f!.message).toContain('GP and GO');
  });

  test('CQ with GO and CO with GP are assistant conflicts; CQ with GP is fine', () => {
    expect(withRule(run(claim([{ code: '97110', modifiers: ['GO', 'CQ'] }])), 'modifier.assistant-conflict')[0]!.message).toContain('CQ belongs with GP');
    expect(withRule(run(claim([{ code: '97110', modifiers: ['GP', 'CO'] }])), 'modifier.assistant-conflict')[0]!.message).toContain('CO belongs with GO');
    expect(withRule(run(claim([{ code: '92507', modifiers: ['GN', 'CQ'] }])), 'modifier.assistant-conflict')[0]!.message).toContain('no assistant modifier');
    expect(withRule(run(claim([{ code: '97110', modifiers: ['GP', 'CQ'] }])), 'modifier.assistant-conflict')).toEqual([]);
  });
});

describe('KX threshold (Medicare)', () => {
  // One 97530 unit, 2025 national: $34.61 allowed.
  test('passing the 2025 threshold without KX', () => {
    const c = claim([{ code: '97530', units: 1, modifiers: ['GP'] }], { therapyYearToDate: 2400 });
    const [f] = withRule(run(c), 'modifier.kx-required');
    expect(f!.message).toContain('$2,434.61');
    expect(f!.message).toContain('2025 threshold of $2,410.00');
    expect(f!.source).toMatch(/verify/);
  });

  test('below the threshold, or with KX, or for a commercial payer: nothing', () => {
    expect(withRule(run(claim([{ code: '97530', units: 1, modifiers: ['GP'] }], { therapyYearToDate: 2300 })), 'modifier.kx-required')).toEqual([]);
    expect(withRule(run(claim([{ code: '97530', units: 1, modifiers: ['GP', 'KX'] }], { therapyYearToDate: 2400 })), 'modifier.kx-required')).toEqual([]);
    expect(
      withRule(run(claim([{ code: '97530', units: 1, modifiers: ['GP'] }], { therapyYearToDate: 2400, payer: 'commercial' })), 'modifier.kx-required'),
    ).toEqual([]);
  });

  test('only the lines from the crossing onward need KX', () => {
    const c = claim(
      [
        { code: '97530', units: 1, modifiers: ['GP'], dos: '2025-03-04' },
        { code: '97530', units: 1, modifiers: ['GP'], dos: '2025-03-06' },
      ],
      { therapyYearToDate: 2350 },
    );
    expect(withRule(run(c), 'modifier.kx-required')[0]!.lines).toEqual([1]);
  });

  test('the 2026 threshold is $2,480', () => {
    const c = claim([{ code: '97530', units: 1, modifiers: ['GP'], dos: '2026-02-02' }], { therapyYearToDate: 2450 });
    expect(withRule(run(c), 'modifier.kx-required')[0]!.message).toContain('$2,480.00');
  });

  test('OT is counted apart from PT and SLP', () => {
    const c = claim([{ code: '97530', units: 1, modifiers: ['GO'] }], { therapyYearToDate: 2400, therapyYearToDateOt: 100 });
    expect(withRule(run(c), 'modifier.kx-required')).toEqual([]);
  });

  test('above $3,000 the message mentions targeted medical review', () => {
    const c = claim([{ code: '97530', units: 1, modifiers: ['GP'] }], { therapyYearToDate: 3100 });
    expect(withRule(run(c), 'modifier.kx-required')[0]!.message).toContain('targeted medical review');
  });
});
