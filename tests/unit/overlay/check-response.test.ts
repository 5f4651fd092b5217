import { describe, expect, test, vi } from 'vitest';
import { parseCheckClaimResponse, parseCheckClaimResponseSliced, VALIDATE_SLICE_ITEMS } from '../../../src/overlay/check-response';
import { fee, finding, result } from './fixtures';

/** An answer for a claim of `n` lines: a fee per line and a finding on every other line. */
function answer(n: number) {
  const fees = Array.from({ length: n }, (_, i) => fee(i, '97110', 30 + i));
  const findings = Array.from({ length: Math.ceil(n / 2) }, (_, i) => finding('units.over', 'error', [2 * i]));
  return { ok: true, data: result(findings, fees) };
}

describe('parseCheckClaimResponseSliced', () => {
  test('a 200-line answer is validated over several tasks and equals the one-shot parse', async () => {
    const raw = answer(200);
    const yieldToPage = vi.fn(async () => {});
    const parsed = await parseCheckClaimResponseSliced(raw, yieldToPage);
    expect(parsed).toEqual(parseCheckClaimResponse(raw));
    expect(parsed.ok && parsed.data.fees.lines).toHaveLength(200);
    expect(yieldToPage.mock.calls.length).toBe(Math.ceil(300 / VALIDATE_SLICE_ITEMS) - 1);
  });

  test('a small answer is validated at once, without yielding', async () => {
    const yieldToPage = vi.fn(async () => {});
    const parsed = await parseCheckClaimResponseSliced(answer(3), yieldToPage);
    expect(parsed.ok && parsed.data.fees.lines.map((l) => l.allowed)).toEqual([30, 31, 32]);
    expect(yieldToPage).not.toHaveBeenCalled();
  });

  test('a malformed fee line late in a large answer makes the whole answer an error', async () => {
    const raw = answer(200);
    (raw.data.fees.lines[180] as { allowed: unknown }).allowed = 'lots';
    const parsed = await parseCheckClaimResponseSliced(raw, async () => {});
    expect(parsed).toMatchObject({ ok: false, error: expect.stringMatching(/unexpected answer/) });
  });

  test('an error answer passes through', async () => {
    expect(await parseCheckClaimResponseSliced({ ok: false, error: 'still loading' }, async () => {})).toEqual({
      ok: false,
      error: 'still loading',
    });
  });
});
