import { describe, expect, test } from 'vitest';
import type { ReferenceStore, SeedStatus } from '../../../src/data/store/api';
import { DataLoadingError, Seeding } from '../../../src/messaging/seeding';

const store = { db: undefined as never, close() {} } satisfies ReferenceStore;
const dataset = (kind: 'rvu' | 'ptp', complete: boolean) => ({ id: kind, kind, version: kind, effective: '2025-01-01', origin: 'bundle' as const, rows: 1, complete, readable: complete });

function seeding(initial: SeedStatus, seed: () => Promise<SeedStatus>) {
  let status = initial;
  let seeds = 0;
  const s = new Seeding({
    openStore: async () => store,
    bundleSource: async () => ({ manifest: {}, readFile: async () => new Uint8Array() }),
    seedFromBundles: async () => {
      seeds++;
      status = await seed();
      return status;
    },
    getSeedStatus: async () => status,
  });
  return { s, seeds: () => seeds };
}

const done: SeedStatus = { complete: true, progress: 1, datasets: [dataset('rvu', true), dataset('ptp', true)] };
const half: SeedStatus = { complete: false, progress: 0.5, datasets: [dataset('rvu', true), dataset('ptp', false)] };

describe('worker seeding', () => {
  test('a woken worker with complete data does not seed again', async () => {
    const { s, seeds } = seeding(done, async () => done);
    await s.resume();
    expect(seeds()).toBe(0);
  });

  test('a worker stopped mid-seed continues on its next start, once even when asked twice', async () => {
    const { s, seeds } = seeding(half, async () => done);
    await Promise.all([s.resume(), s.start()]);
    expect(seeds()).toBe(1);
    expect((await s.status()).complete).toBe(true);
  });

  test('a request waits for the data it needs, then says clearly that data is loading', async () => {
    const { s } = seeding(half, () => new Promise(() => {})); // a seed that never ends
    await expect(s.waitFor(['rvu'], 50)).resolves.toMatchObject({ complete: false });
    await expect(s.waitFor(['ptp'], 50)).rejects.toThrow(DataLoadingError);
    await expect(s.waitFor(['ptp'], 50)).rejects.toThrow(/still loading \(50 %, waiting for ptp\)/);
  });

  test('a failed seed is reported by data-status and retried on the next request', async () => {
    let fail = true;
    const { s, seeds } = seeding(half, async () => {
      if (fail) throw new Error('bundled data file missing: ptp-2024q3.txt.gz (404)');
      return done;
    });
    await s.start();
    expect((await s.status()).error).toContain('ptp-2024q3');
    fail = false;
    await s.start();
    expect(seeds()).toBe(2);
    expect((await s.status()).error).toBeUndefined();
  });
});
