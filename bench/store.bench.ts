/**
 * Reference store (IndexedDB) under fake-indexeddb in Node: seeding every bundled dataset,
 * time until therapy codes are answerable, and one claim's prefetch. Real Chromium IndexedDB
 * is measured by the extension bench; fake-indexeddb is a pure-JS implementation, so these
 * figures are an upper-bound sanity check, not the product target.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getSeedStatus, openReferenceStore, prefetchReference, seedFromBundles } from '../src/data/store/api';

const bundles = join(dirname(dirname(fileURLToPath(import.meta.url))), 'data', 'bundles');

export async function run(): Promise<Array<{ name: string; value: number; unit: string; target?: string }>> {
  const manifest: unknown = JSON.parse(readFileSync(join(bundles, 'manifest.json'), 'utf8'));
  const store = await openReferenceStore(`bench-${Date.now()}`);
  const source = { manifest, readFile: async (name: string) => new Uint8Array(readFileSync(join(bundles, name))) };
  const start = performance.now();
  let therapyMs = 0;
  await seedFromBundles(store, source, undefined, {
    // Therapy codes are answerable once every kind a therapy claim needs is readable
    // (the current RVU, MUE and PTP tables switch on their therapy codes first).
    afterChunk: async () => {
      if (therapyMs) return;
      const status = await getSeedStatus(store);
      const needed = ['curated-codes', 'conversion-factor', 'gpci', 'rvu', 'mue', 'ptp'];
      if (needed.every((kind) => status.datasets.some((d) => d.kind === kind && d.readable))) therapyMs = performance.now() - start;
    },
  });
  const seedMs = performance.now() - start;

  const claim = ['97530', '97150', '97110', '97140', '97112', '97535', '97161', 'G0283'];
  const cold = performance.now();
  await prefetchReference(store, claim, ['2026-11-23']);
  const coldMs = performance.now() - cold;
  const warm = performance.now();
  await prefetchReference(store, claim, ['2026-11-23']);
  const warmMs = performance.now() - warm;
  store.close();
  return [
    { name: 'store: seed all bundles (fake-indexeddb)', value: Math.round(seedMs), unit: 'ms' },
    { name: 'store: therapy codes answerable (fake-indexeddb)', value: Math.round(therapyMs), unit: 'ms' },
    { name: 'store: prefetch 8-code claim, cold', value: Number(coldMs.toFixed(1)), unit: 'ms' },
    { name: 'store: prefetch 8-code claim, cached', value: Number(warmMs.toFixed(1)), unit: 'ms' },
  ];
}
