/**
 * Loads data/bundles in Node (CLI, tests, benchmarks). Reads manifest.json, checks the
 * sha256 of every bundle file, and hands the texts to createMemoryReference. Gzip
 * bundles are decompressed on first use, and the PTP table is indexed then parsed one
 * column-1 code at a time, so a one-line claim touches almost nothing.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseManifest, type Manifest } from './bundle-manifest';
import { createMemoryReference, type BundleSource, type MemoryReference } from './memory-reference';

/** <repo>/data/bundles, found from this file (src/data/). */
export const DEFAULT_BUNDLES_DIR = fileURLToPath(new URL('../../data/bundles', import.meta.url));

export class BundleIntegrityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BundleIntegrityError';
  }
}

/** Reads and checks manifest.json and every bundle it lists; returns the raw bytes by id. */
export function readVerifiedBundles(dir: string = DEFAULT_BUNDLES_DIR): { manifest: Manifest; files: Map<string, Buffer> } {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new BundleIntegrityError(`${manifestPath} not found: the reference data bundles are missing (run npm run data:build)`);
  }
  let manifest: Manifest;
  try {
    manifest = parseManifest(readFileSync(manifestPath, 'utf8'));
  } catch (error) {
    throw new BundleIntegrityError(`${manifestPath}: ${(error as Error).message}`);
  }
  const files = new Map<string, Buffer>();
  for (const entry of manifest.datasets) {
    const path = join(dir, entry.file);
    if (!existsSync(path)) throw new BundleIntegrityError(`${path} (dataset ${entry.id}) is listed in manifest.json but missing`);
    const bytes = readFileSync(path);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (sha256 !== entry.sha256) {
      throw new BundleIntegrityError(
        `${path} (dataset ${entry.id}) does not match manifest.json: sha256 ${sha256}, expected ${entry.sha256}. ` +
          'The file was changed or damaged; restore it from git or rebuild with npm run data:build.',
      );
    }
    files.set(entry.id, bytes);
  }
  return { manifest, files };
}

/**
 * Bundle bytes → text, gunzipping .gz files. The output buffer is sized from the gzip
 * trailer (ISIZE), which halves the time zlib takes on the 18 MB PTP text.
 */
export function bundleText(file: string, bytes: Buffer): string {
  if (!file.endsWith('.gz')) return bytes.toString('utf8');
  const size = bytes.length >= 4 ? bytes.readUInt32LE(bytes.length - 4) : 0;
  const chunkSize = Math.min(Math.max(size + 1, 64 * 1024), 256 * 1024 * 1024);
  return gunzipSync(bytes, { chunkSize }).toString('utf8');
}

/** The whole bundled reference for Node; verified at load, parsed lazily. */
export function loadBundleReference(dir: string = DEFAULT_BUNDLES_DIR): MemoryReference {
  const { manifest, files } = readVerifiedBundles(dir);
  const texts = new Map<string, BundleSource>();
  for (const entry of manifest.datasets) {
    const bytes = files.get(entry.id);
    if (bytes) texts.set(entry.id, () => bundleText(entry.file, bytes));
  }
  return createMemoryReference({ manifest, texts });
}
