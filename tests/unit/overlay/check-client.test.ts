import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { checkLines } from '../../../src/overlay/check-client';
import { fee, result } from './fixtures';

const LINES = [{ code: '97530', modifiers: ['GP'], diagnoses: [], units: 1, minutes: 15, dos: '2025-03-04' }];
const OK = { ok: true, data: result([], [fee(0, '97530', 34.61)]) };

describe('checkLines', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('sends a check-claim message and returns the validated result', async () => {
    const send = vi.fn().mockResolvedValue(OK);
    const outcome = await checkLines(send, LINES, new AbortController().signal);
    expect(send).toHaveBeenCalledWith({ type: 'check-claim', lines: LINES });
    expect(outcome).toMatchObject({ kind: 'result', result: { fees: { allowed: 34.61 } } });
  });

  test('asks again with growing waits while the reference data is still loading', async () => {
    const send = vi
      .fn()
      .mockResolvedValueOnce({ ok: false, error: 'ClaimLens reference data is still loading (40 %).' })
      .mockResolvedValueOnce({ ok: false, error: 'ClaimLens reference data is still loading (90 %).' })
      .mockResolvedValueOnce(OK);
    const pending = checkLines(send, LINES, new AbortController().signal, [100, 400]);
    await vi.advanceTimersByTimeAsync(99);
    expect(send).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(send).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(399);
    expect(send).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect((await pending).kind).toBe('result');
  });

  test('gives up quietly when loading never ends', async () => {
    const send = vi.fn().mockResolvedValue({ ok: false, error: 'still loading' });
    const pending = checkLines(send, LINES, new AbortController().signal, [10, 10]);
    await vi.advanceTimersByTimeAsync(50);
    expect(await pending).toEqual({ kind: 'unavailable', message: 'still loading' });
    expect(send).toHaveBeenCalledTimes(3);
  });

  test('a worker error, a thrown send or a malformed answer become "unavailable", never an exception', async () => {
    const signal = new AbortController().signal;
    expect(await checkLines(vi.fn().mockResolvedValue({ ok: false, error: 'boom' }), LINES, signal)).toEqual({
      kind: 'unavailable',
      message: 'boom',
    });
    expect(await checkLines(vi.fn().mockRejectedValue(new Error('Extension context invalidated.')), LINES, signal)).toMatchObject({
      kind: 'unavailable',
    });
    const malformed = await checkLines(vi.fn().mockResolvedValue({ ok: true, data: { findings: 'x' } }), LINES, signal);
    expect(malformed).toMatchObject({ kind: 'unavailable', message: expect.stringMatching(/unexpected answer/) });
  });

  test('an aborted check stops retrying', async () => {
    const send = vi.fn().mockResolvedValue({ ok: false, error: 'still loading' });
    const controller = new AbortController();
    const pending = checkLines(send, LINES, controller.signal, [1000]);
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    expect(await pending).toEqual({ kind: 'aborted' });
    expect(send).toHaveBeenCalledTimes(1);
  });
});
