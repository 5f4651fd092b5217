import { describe, expect, test } from 'vitest';
import { buildClaimLines, localIsoDate } from '../../../src/overlay/claim-lines';
import type { ReadLine } from '../../../src/detect/types';

const line = (over: Partial<ReadLine>): ReadLine => ({ code: '', modifiers: [], diagnoses: [], ...over });

describe('buildClaimLines', () => {
  test('sends lines with a code and keeps the page index of each', () => {
    const out = buildClaimLines(
      [line({ code: '97530', units: 2, minutes: 20, dos: '2025-03-04' }), line({}), line({ code: '97110', dos: '2025-03-04' })],
      '2025-05-05',
    );
    expect(out.lines.map((l) => l.code)).toEqual(['97530', '97110']);
    expect(out.sentToPage).toEqual([0, 2]);
    expect(out.skipped.get(1)).toEqual({ kind: 'empty' });
  });

  test('a line without a date of service is checked as of today and marked', () => {
    const out = buildClaimLines([line({ code: '97530' })], '2026-11-23');
    expect(out.lines[0]?.dos).toBe('2026-11-23');
    expect(out.dosDefaulted.has(0)).toBe(true);
  });

  test('half-typed codes are not sent', () => {
    const out = buildClaimLines([line({ code: '975' }), line({ code: 'abc' })], '2026-11-23');
    expect(out.lines).toHaveLength(0);
  });

  test('a line the engine would refuse is skipped with the reason, others still go', () => {
    const out = buildClaimLines(
      [line({ code: '97530', units: 1.5, dos: '2025-01-02' }), line({ code: '97110', units: 1, dos: '2025-01-02' })],
      '2026-11-23',
    );
    expect(out.sentToPage).toEqual([1]);
    expect(out.skipped.get(0)).toMatchObject({ kind: 'invalid', message: expect.stringMatching(/units.*whole number/) });
  });

  test('localIsoDate formats the local calendar date', () => {
    expect(localIsoDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
