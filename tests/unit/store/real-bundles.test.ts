import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BUNDLES_DIR, loadBundleReference } from '../../../src/data/node-bundles';
import { getSeedStatus, lookupCode, openReferenceStore, prefetchReference, seedFromBundles, type ReferenceStore, type SeedStatus } from '../../../src/data/store/api';
import { join } from 'node:path';

/**
 * The real bundles (data/bundles), seeded into fake-indexeddb once: every dataset complete
 * with the manifest's row count, and the store answering exactly like the in-memory
 * bundle reference the CLI uses.
 */
const manifest = JSON.parse(readFileSync(join(DEFAULT_BUNDLES_DIR, 'manifest.json'), 'utf8')) as { datasets: Array<{ id: string; rows: number }> };
let store: ReferenceStore;
let status: SeedStatus;

beforeAll(async () => {
  store = await openReferenceStore('real-bundles');
  status = await seedFromBundles(store, { manifest, readFile: async (name) => new Uint8Array(readFileSync(join(DEFAULT_BUNDLES_DIR, name))) });
}, 300_000);
afterAll(() => store.close());

describe('seeding the real bundles', () => {
  it('completes every dataset with the row count of the manifest', async () => {
    expect(status.complete).toBe(true);
    const rows = Object.fromEntries(status.datasets.map((d) => [d.id, d.rows]));
    expect(rows).toEqual(Object.fromEntries(manifest.datasets.map((d) => [d.id, d.rows])));
    expect((await getSeedStatus(store)).progress).toBe(1);
  });

  it('answers like the in-memory bundle reference for therapy and other codes', async () => {
    const memory = loadBundleReference();
    const codes = ['97530', '97150', '97110', '97140', '97112', '97535', '97537', '97545', '97546', '97161', '97165', 'G0283', '92507', '99213', '36000', '20610'];
    const dates = ['2024-08-01', '2025-03-10', '2026-11-23'];
    const ref = await prefetchReference(store, codes, dates);
    for (const dos of dates) {
      for (const a of codes) {
        expect(ref.rvu(a, '', dos), `rvu ${a} ${dos}`).toEqual(pick(memory.rvu(a, '', dos)));
        expect(ref.mue(a, dos), `mue ${a} ${dos}`).toEqual(memory.mue(a, dos));
        expect(ref.isKnownCode(a)).toBe(memory.isKnownCode(a));
        expect(ref.hcpcsDescription(a)).toEqual(memory.hcpcsDescription(a));
        for (const b of codes) expect(ref.ptpEdit(a, b, dos), `ptp ${a} ${b} ${dos}`).toEqual(memory.ptpEdit(a, b, dos));
      }
      expect(ref.conversionFactor(dos, false)).toEqual(memory.conversionFactor(dos, false));
      expect(ref.gpci('01112-05', dos)).toEqual(pickGpci(memory.gpci('01112-05', dos)));
    }
  });

  it('lists every active edit of 97530 on the DOS with totals', async () => {
    const all = await lookupCode(store, '97530', { dos: '2026-11-23', ptpLimit: 10_000 });
    expect(all.ptp.asColumn2.find((e) => e.column1 === '97150')).toMatchObject({ modifierIndicator: 1, deletion: null });
    // Deleted edits are not listed as active: 97530 → 97110 was deleted back to its start.
    expect(all.ptp.asColumn1.some((e) => e.column2 === '97110')).toBe(false);
    expect(all.ptp.asColumn1).toHaveLength(all.ptp.totalAsColumn1);
    const capped = await lookupCode(store, '97530', { dos: '2026-11-23', ptpLimit: 5 });
    expect(capped.ptp.asColumn1).toEqual(all.ptp.asColumn1.slice(0, 5));
    expect(capped.ptp.totalAsColumn1).toBe(all.ptp.totalAsColumn1);
    const card = all;
    expect(card.mue.find((m) => m.inEffect)).toMatchObject({ value: 6, mai: 3 });
  });
});

/** The memory reference returns bundle records with extra fields; compare the engine's fields. */
function pick<T extends object | undefined>(record: T): T {
  if (!record) return record;
  const { description: _d, notUsedForMedicare: _n, ...rest } = record as Record<string, unknown>;
  return rest as T;
}
function pickGpci<T extends object | undefined>(record: T): T {
  if (!record) return record;
  const { floor: _f, feeScheduleArea: _a, counties: _c, ...rest } = record as Record<string, unknown>;
  return rest as T;
}
