/**
 * Builds data/bundles/ from the CMS files in ../shared/cms (npm run data:build).
 * Deterministic: the same CMS files give byte-identical bundles and manifest.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseManifest, type ManifestEntry } from '../src/data/bundle-manifest';
import { BUNDLES_DIR, CMS_DIR } from './build/paths';
import type { BuiltDataset } from './build/dataset';
import { writeBundle } from './build/write-bundle';
import { writeManifest } from './build/manifest';
import { buildRvu2025, buildRvu2026 } from './build/rvu';
import { buildConversionFactors } from './build/conversion-factor';
import { buildGpci2025, buildZipLocality } from './build/gpci';
import { buildPtp2024q3 } from './build/ptp';
import { buildMue2024q3, buildMue2026q2 } from './build/mue';
import { buildHcpcs2025oct } from './build/hcpcs';
import { buildCurated } from './build/curated';

/** Budget for all bundles together (compressed as committed). */
const MAX_TOTAL_BYTES = 15 * 1024 * 1024;

/**
 * `npm run data:build -- --curated-only`: refresh only the curated copies and their
 * manifest entries, keeping every CMS bundle as committed (works without ../shared).
 */
function refreshCurated(): void {
  const previous = parseManifest(readFileSync(join(BUNDLES_DIR, 'manifest.json'), 'utf8'));
  const kept = previous.datasets.filter((e) => e.kind !== 'curated-codes' && e.kind !== 'curated-tips');
  const curated = buildCurated().map((built) => writeBundle(BUNDLES_DIR, built));
  writeManifest(BUNDLES_DIR, [...kept, ...curated]);
  for (const e of curated) console.log(`${e.id.padEnd(22)} ${String(e.rows).padStart(9)} rows ${String(e.bytes).padStart(10)} bytes  ${e.file}`);
}

async function main(): Promise<void> {
  if (process.argv.includes('--curated-only')) {
    refreshCurated();
    return;
  }
  const started = performance.now();
  console.log(`reading CMS files from ${CMS_DIR}`);
  mkdirSync(BUNDLES_DIR, { recursive: true });
  const entries: ManifestEntry[] = [];
  const write = (built: BuiltDataset): void => {
    const t = performance.now();
    const entry = writeBundle(BUNDLES_DIR, built);
    entries.push(entry);
    console.log(`${entry.id.padEnd(22)} ${String(entry.rows).padStart(9)} rows ${String(entry.bytes).padStart(10)} bytes  ${entry.file} (${Math.round(performance.now() - t)} ms write)`);
  };

  const rvu2025 = buildRvu2025();
  const rvu2026 = buildRvu2026();
  write(rvu2025);
  write(rvu2026);
  write(buildConversionFactors(rvu2025.conversionFactor, rvu2026.conversionFactor));
  write(buildGpci2025());
  write(buildZipLocality());
  write(await buildPtp2024q3());
  write(buildMue2024q3());
  write(buildMue2026q2());
  write(buildHcpcs2025oct());
  for (const curated of buildCurated()) write(curated);

  writeManifest(BUNDLES_DIR, entries);
  const keep = new Set(['manifest.json', ...entries.map((e) => e.file)]);
  for (const name of readdirSync(BUNDLES_DIR)) {
    if (!keep.has(name)) {
      rmSync(join(BUNDLES_DIR, name));
      console.log(`removed stale ${name}`);
    }
  }
  const total = entries.reduce((sum, e) => sum + e.bytes, 0);
  console.log(`total ${total} bytes (${(total / 1024 / 1024).toFixed(2)} MB) in ${entries.length} bundles; built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (total > MAX_TOTAL_BYTES) throw new Error(`bundles total ${total} bytes, over the ${MAX_TOTAL_BYTES} byte budget`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
