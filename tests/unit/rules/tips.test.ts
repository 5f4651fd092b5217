import { describe, expect, test } from 'vitest';
import type { TipRule } from '../../../src/data/reference';
import { checkClaim } from '../../../src/rules/check-claim';
import { claim, withRule } from './claim-helpers';
import { fakeReference, TIPS } from './fake-reference';

const tip = (t: Partial<TipRule> & { id: string; codes: string[] }): TipRule => ({
  severity: 'info',
  message: 'A tip message long enough to read.',
  source: 'Test source',
  ...t,
});

describe('tip rules', () => {
  const ref = fakeReference({
    tips: [
      tip({ id: 'pair', codes: ['97530'], withCodes: ['97110'] }),
      tip({ id: 'wc-mod', codes: ['97545'], payers: ['workers-comp'], missingModifiers: ['WH', 'WC'], severity: 'warning' }),
      tip({ id: 'many', codes: ['97110'], unitsAbove: 3 }),
    ],
  });
  const ids = (c: ReturnType<typeof claim>) => checkClaim(c, ref).findings.filter((f) => f.rule.startsWith('tip.')).map((f) => f.rule);

  test('withCodes: only when the other code is on the same date', () => {
    const same = checkClaim(claim([{ code: '97530', modifiers: ['GP'] }, { code: '97110', modifiers: ['GP'] }]), ref);
    expect(withRule(same.findings, 'tip.pair')[0]!.lines).toEqual([0, 1]);
    expect(ids(claim([{ code: '97530', modifiers: ['GP'] }]))).toEqual([]);
    expect(
      ids(claim([{ code: '97530', modifiers: ['GP'], dos: '2025-03-04' }, { code: '97110', modifiers: ['GP'], dos: '2025-03-05' }])),
    ).toEqual([]);
  });

  test('payers and missing modifiers', () => {
    expect(ids(claim([{ code: '97545', minutes: 120, units: 1 }], { payer: 'workers-comp' }))).toEqual(['tip.wc-mod']);
    expect(ids(claim([{ code: '97545', minutes: 120, units: 1, modifiers: ['WH'] }], { payer: 'workers-comp' }))).toEqual([]);
    expect(ids(claim([{ code: '97545', minutes: 120, units: 1 }], { payer: 'medicare' }))).toEqual([]);
  });

  test('unitsAbove', () => {
    expect(ids(claim([{ code: '97110', units: 3, modifiers: ['GP'] }]))).toEqual([]);
    expect(ids(claim([{ code: '97110', units: 4, modifiers: ['GP'] }]))).toEqual(['tip.many']);
  });
});

describe('curated tips content', () => {
  const ref = fakeReference();
  test('every tip names a source and no tip calls payer advice an NCCI edit', () => {
    for (const t of TIPS) {
      expect(t.source.length).toBeGreaterThan(10);
      if (t.id.startsWith('97535') || t.id.startsWith('97537')) expect(t.message).toMatch(/not an NCCI edit/);
    }
  });

  test('97140 with 97530 for a commercial payer warns that payers still deny the pair', () => {
    const c = claim([{ code: '97140', modifiers: ['GP'] }, { code: '97530', modifiers: ['GP'] }], { payer: 'commercial' });
    const [f] = withRule(checkClaim(c, ref).findings, 'tip.97140-97530-commercial');
    expect(f!.severity).toBe('warning');
    expect(f!.message).toContain('2019-12-31');
    expect(f!.source).toContain('WebPT');
  });

  test('Texas work hardening modifier tip for workers comp', () => {
    const c = claim([{ code: '97545', minutes: 120, units: 1, modifiers: ['GP'] }], { payer: 'workers-comp' });
    expect(withRule(checkClaim(c, ref).findings, 'tip.97545-texas-modifier')[0]!.source).toContain('28 TAC §134.230');
  });
});
