import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, strToU8 } from 'fflate';
import type { ManifestEntry } from '../../src/data/bundle-manifest';
import type { BuiltDataset } from './dataset';

/**
 * Writes a bundle and returns its manifest entry. Gzip is fflate at level 9 with mtime 0
 * and no file name: pure JS, so the same input gives the same bytes on every machine.
 */
export function writeBundle(dir: string, built: BuiltDataset): ManifestEntry {
  const raw = strToU8(built.content);
  const bytes = built.entry.file.endsWith('.gz') ? gzipSync(raw, { level: 9, mem: 8, mtime: 0 }) : raw;
  writeFileSync(join(dir, built.entry.file), bytes);
  return {
    ...built.entry,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes: bytes.byteLength,
  };
}
