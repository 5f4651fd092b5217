import type { ManifestEntry } from '../../src/data/bundle-manifest';

/** What one dataset module hands to the writer: the manifest facts and the bundle text. */
export interface BuiltDataset {
  entry: Omit<ManifestEntry, 'sha256' | 'bytes'>;
  /** Bundle content; gzipped by the writer when entry.file ends in .gz. */
  content: string;
}

export function expectCount(what: string, actual: number, expected: number): void {
  if (actual !== expected) throw new Error(`${what}: expected ${expected} rows, found ${actual}`);
}
