/**
 * Browser side of bench/store-chromium.bench.ts (bundled with esbuild, run in a plain page
 * of Debian Chromium): seeds the real bundles into the page's IndexedDB and times it.
 */
import { getSeedStatus, openReferenceStore, prefetchReference, seedFromBundles } from '../src/data/store/api';

async function runSeed(): Promise<Record<string, number>> {
  const manifest: unknown = await (await fetch('/data/manifest.json')).json();
  const source = { manifest, readFile: async (name: string) => new Uint8Array(await (await fetch(`/data/${name}`)).arrayBuffer()) };
  const store = await openReferenceStore(`bench-${Date.now()}`);
  // Chrome's non-standard heap figure: the page's JS heap, sampled while seeding.
  const heap = (): number => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? Number.NaN;
  const heapBefore = heap();
  let heapPeak = heapBefore;
  const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, heap())), 25);
  const start = performance.now();
  let therapyMs = 0;
  const marks: Record<string, number> = {};
  await seedFromBundles(store, source, (p) => {
    marks[`${p.dataset} ${p.chunk === p.chunks ? 'done' : 'chunk'}`] = Math.round(performance.now() - start);
  }, {
    afterChunk: async () => {
      if (therapyMs) return;
      const status = await getSeedStatus(store);
      const needed = ['curated-codes', 'conversion-factor', 'gpci', 'rvu', 'mue', 'ptp'];
      if (needed.every((kind) => status.datasets.some((d) => d.kind === kind && d.readable))) therapyMs = performance.now() - start;
    },
  });
  const seedMs = performance.now() - start;
  clearInterval(sampler);
  const heapPeakMb = (heapPeak - heapBefore) / 1e6;
  const claim = ['97530', '97150', '97110', '97140', '97112', '97535', '97161', 'G0283'];
  const cold = performance.now();
  await prefetchReference(store, claim, ['2026-11-23']);
  const coldMs = performance.now() - cold;
  const warm = performance.now();
  await prefetchReference(store, claim, ['2026-11-23']);
  const warmMs = performance.now() - warm;
  store.close();
  (globalThis as unknown as { marks: unknown }).marks = marks;
  return { seedMs, therapyMs, coldMs, warmMs, heapPeakMb };
}

(globalThis as unknown as { runSeed: typeof runSeed }).runSeed = runSeed;
