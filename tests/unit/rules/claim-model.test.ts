import { expect, test } from 'vitest';
import { Claim, IsoDate } from '../../../src/rules/claim';

test('dates that do not exist on the calendar are refused, real ones accepted', () => {
  expect(IsoDate.safeParse('2026-02-30').success).toBe(false);
  expect(IsoDate.safeParse('2025-13-01').success).toBe(false);
  expect(IsoDate.safeParse('03/04/2025').success).toBe(false);
  expect(IsoDate.safeParse('2024-02-29').success).toBe(true);
});

test('a claim defaults to Medicare, national, non-facility, participating', () => {
  const claim = Claim.parse({ lines: [{ code: '97530', dos: '2025-03-04' }] });
  expect(claim).toMatchObject({ payer: 'medicare', locality: 'national', setting: 'non-facility', participating: true });
  expect(claim.lines[0]?.modifiers).toEqual([]);
});
