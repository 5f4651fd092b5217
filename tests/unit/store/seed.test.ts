import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { getSeedStatus, openReferenceStore, prefetchReference, seedFromBundles, type ReferenceStore } from '../../../src/data/store/api';
import { FILES, itemCount, miniSource } from './mini-bundles';

let dbCount = 0;
const stores: ReferenceStore[] = [];
async function freshStore(): Promise<ReferenceStore> {
  const store = await openReferenceStore(`seed-test-${++dbCount}`);
  stores.push(store);
  return store;
}
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

/** Every record of every store, for comparing two databases. */
async function dump(store: ReferenceStore): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of ['rvu', 'gpci', 'ptp', 'ptpRev', 'mue', 'hcpcs', 'docs', 'zip', 'words', 'datasets']) out[name] = await store.db.getAll(name);
  out.datasets = (out.datasets as Array<{ order: number }>).map((e) => ({ ...e }));
  return out;
}

describe('seedFromBundles', () => {
  it('seeds every bundled dataset with its row count and answers therapy lookups', async () => {
    const store = await freshStore();
    const status = await seedFromBundles(store, await miniSource());
    expect(status.complete).toBe(true);
    expect(status.progress).toBe(1);
    const rows = Object.fromEntries(status.datasets.map((d) => [d.id, d.rows]));
    expect(rows).toMatchObject({ 'rvu-2025': 6, 'rvu-2026': 3, 'mue-2026q2': 4, 'mue-2024q3': 2, 'ptp-2024q3': 17, 'gpci-2025': 2, 'hcpcs-2025oct': 2 });
    expect(status.datasets.every((d) => d.complete && d.readable && d.coverage === 'all')).toBe(true);
    // One forward record per column-1 code, one reverse record per column-2 code.
    expect(await itemCount(store, 'ptp')).toBe(7);
    expect(await itemCount(store, 'ptpRev')).toBe(6);
  });

  it('is cheap the second time: nothing is rewritten, only the curated list is re-read', async () => {
    const store = await freshStore();
    await seedFromBundles(store, await miniSource());
    const before = await dump(store);
    const again = await miniSource();
    const status = await seedFromBundles(store, again);
    expect(status.complete).toBe(true);
    expect([...again.reads.keys()]).toEqual(['curated-codes.json']);
    expect(await dump(store)).toEqual(before);
  });

  it('resumes after being killed mid-seed and ends identical to an uninterrupted seed', async () => {
    const limits = { records: 2, edits: 3 };
    const reference = await freshStore();
    await seedFromBundles(reference, await miniSource(), undefined, { limits });

    const store = await freshStore();
    let chunks = 0;
    const killAt = 9;
    const killed = seedFromBundles(store, await miniSource(), undefined, {
      limits,
      afterChunk: () => {
        if (++chunks === killAt) throw new Error('worker killed');
      },
    });
    await expect(killed).rejects.toThrow('worker killed');
    const midway = await getSeedStatus(store);
    expect(midway.complete).toBe(false);
    expect(midway.progress).toBeGreaterThan(0);
    expect(midway.progress).toBeLessThan(1);

    let resumedChunks = 0;
    const status = await seedFromBundles(store, await miniSource(), undefined, { limits, afterChunk: () => void resumedChunks++ });
    expect(status.complete).toBe(true);
    // It continued: it did not write the killed seed's chunks again.
    let allChunks = 0;
    await seedFromBundles(await freshStore(), await miniSource(), undefined, { limits, afterChunk: () => void allChunks++ });
    expect(resumedChunks).toBe(allChunks - killAt);
    expect(await dump(store)).toEqual(await dump(reference));
  });

  it('resumes after the database connection was closed mid-seed (worker stopped)', async () => {
    const limits = { records: 3, edits: 5 };
    const reference = await freshStore();
    await seedFromBundles(reference, await miniSource(), undefined, { limits });

    const name = `seed-test-${++dbCount}`;
    const first = await openReferenceStore(name);
    let chunks = 0;
    const cut = seedFromBundles(first, await miniSource(), undefined, { limits, afterChunk: () => void (++chunks === 12 && first.close()) });
    await expect(cut).rejects.toThrow();
    const second = await openReferenceStore(name);
    stores.push(second);
    expect((await getSeedStatus(second)).complete).toBe(false);
    expect((await seedFromBundles(second, await miniSource(), undefined, { limits })).complete).toBe(true);
    expect(await dump(second)).toEqual(await dump(reference));
  });

  it('never answers from a half-written PTP table; therapy codes become answerable before the rest', async () => {
    const limits = { records: 1, edits: 100 };
    const store = await freshStore();
    const seen: Array<{ therapy: string | undefined; other: string | undefined; pending: readonly string[]; mue: number | undefined; mueOther: number | undefined; rvu: number | undefined }> = [];
    await seedFromBundles(store, await miniSource(), undefined, {
      limits,
      afterChunk: async () => {
        const status = await getSeedStatus(store);
        const ptp = status.datasets.find((d) => d.id === 'ptp-2024q3');
        if (!ptp) return;
        const ref = await prefetchReference(store, ['97150', '97530', '99213', '96372'], ['2026-11-23']);
        seen.push({
          therapy: ref.ptpEdit('97150', '97530', '2026-11-23')?.rationale,
          other: ref.ptpEdit('99213', '96372', '2026-11-23')?.rationale,
          pending: ref.pending,
          mue: ref.mue('97530', '2026-11-23')?.value,
          mueOther: ref.mue('99213', '2026-11-23')?.value,
          rvu: ref.rvu('97530', '', '2026-11-23')?.work,
        });
      },
    });
    // Before the therapy chunks are complete nothing is answered; then therapy, then all.
    const firstTherapy = seen.findIndex((s) => s.therapy !== undefined);
    const firstOther = seen.findIndex((s) => s.other !== undefined);
    expect(firstTherapy).toBeGreaterThan(0);
    expect(firstOther).toBeGreaterThan(firstTherapy);
    expect(seen.slice(0, firstTherapy).every((s) => s.therapy === undefined)).toBe(true);
    // When therapy PTP edits answer, the therapy RVU and MUE rows do too; the rest is pending.
    expect(seen[firstTherapy]).toMatchObject({ mue: 6, rvu: 0.44, mueOther: undefined, other: undefined });
    expect(seen[firstTherapy]?.pending).toEqual(expect.arrayContaining([expect.stringMatching(/^ptp \(/), 'mue (99213, 96372)']));
    expect(seen.at(-1)).toEqual({ therapy: 'Mutually exclusive procedures', other: 'Standards of medical / surgical practice', pending: [], mue: 6, mueOther: 1, rvu: 0.44 });
  });

  it('re-seeds a dataset whose bundle changed and drops the old generation', async () => {
    const store = await freshStore();
    await seedFromBundles(store, await miniSource());
    const changed = { ...FILES, 'mue-2026q2.tsv.gz': FILES['mue-2026q2.tsv.gz']!.replace('97530\t6\t3', '97530\t5\t3') };
    const status = await seedFromBundles(store, await miniSource(changed));
    expect(status.complete).toBe(true);
    const ref = await prefetchReference(store, ['97530'], ['2026-11-23']);
    expect(ref.mue('97530', '2026-11-23')?.value).toBe(5);
    const mueEntries = ((await store.db.getAll('datasets')) as Array<{ id: string }>).filter((e) => e.id === 'mue-2026q2');
    expect(mueEntries).toHaveLength(1);
    expect(await itemCount(store, 'mue')).toBe(6);
  });

  it('refuses a bundle file that does not match its manifest checksum', async () => {
    const store = await freshStore();
    const source = await miniSource();
    const damaged = { ...source, readFile: async (name: string) => (name === 'rvu-2025.tsv.gz' ? new Uint8Array([1, 2, 3]) : source.readFile(name)) };
    await expect(seedFromBundles(store, damaged)).rejects.toThrow(/rvu-2025\.tsv\.gz does not match/);
  });
});
