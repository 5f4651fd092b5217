/**
 * Reference store in real Chromium IndexedDB (a plain http://127.0.0.1 page, not the
 * extension): time to seed every bundle, time until therapy claims are answerable, and one
 * claim's prefetch. The extension's own figures are in bench/extension.bench.ts.
 */
import { readFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { launchPlainChromium } from '../tests/e2e/harness';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

export async function run(): Promise<Array<{ name: string; value: number; unit: string; target?: string }>> {
  const bundle = await build({ entryPoints: [join(root, 'bench', 'store-chromium-page.ts')], bundle: true, format: 'esm', platform: 'browser', write: false, minify: true });
  const script = bundle.outputFiles[0]?.text ?? '';
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><script type="module" src="/store.js"></script>');
    if (url.pathname === '/store.js') return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    const file = normalize(join(root, 'data', 'bundles', url.pathname.replace(/^\/data\//, '')));
    if (!url.pathname.startsWith('/data/') || !file.startsWith(join(root, 'data', 'bundles')) || !existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const browser = await launchPlainChromium(['--enable-precise-memory-info']);
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => 'runSeed' in globalThis);
    const r = await page.evaluate(() => (globalThis as unknown as { runSeed(): Promise<Record<string, number>> }).runSeed());
    if (process.env.STORE_BENCH_MARKS) console.error(JSON.stringify(await page.evaluate(() => (globalThis as unknown as { marks: unknown }).marks)));
    const ms = (v: number | undefined): number => Math.round(v ?? Number.NaN);
    return [
      { name: 'store (Chromium IndexedDB): seed all bundles', value: ms(r.seedMs), unit: 'ms', target: '<= 10000 ms' },
      { name: 'store (Chromium IndexedDB): therapy claims answerable', value: ms(r.therapyMs), unit: 'ms', target: '<= 2000 ms' },
      { name: 'store (Chromium IndexedDB): prefetch 8-code claim, cold', value: Number((r.coldMs ?? 0).toFixed(1)), unit: 'ms' },
      { name: 'store (Chromium IndexedDB): prefetch 8-code claim, cached', value: Number((r.warmMs ?? 0).toFixed(1)), unit: 'ms' },
      { name: 'store (Chromium IndexedDB): peak JS heap growth while seeding', value: Math.round(r.heapPeakMb ?? Number.NaN), unit: 'MB' },
    ];
  } finally {
    await browser.close();
    server.close();
  }
}
