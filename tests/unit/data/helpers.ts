import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseManifest, type ManifestEntry } from '../../../src/data/bundle-manifest';
import { bundleText } from '../../../src/data/node-bundles';
import type { DatasetRef } from '../../../src/data/reference';

/** The committed bundles: tests read only these, never ../shared. */
export const BUNDLES_DIR = fileURLToPath(new URL('../../../data/bundles', import.meta.url));

export const manifest = parseManifest(readFileSync(join(BUNDLES_DIR, 'manifest.json'), 'utf8'));

export function entry(id: string): ManifestEntry {
  const found = manifest.datasets.find((d) => d.id === id);
  if (!found) throw new Error(`dataset ${id} not in manifest.json`);
  return found;
}

export function textOf(id: string): string {
  const e = entry(id);
  return bundleText(e.file, readFileSync(join(BUNDLES_DIR, e.file)));
}

export function ref(id: string): DatasetRef {
  const e = entry(id);
  return { id: e.id, version: e.version, effective: e.effective };
}
