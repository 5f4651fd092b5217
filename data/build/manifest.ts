import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_FORMAT, manifestSchema, type Manifest, type ManifestEntry } from '../../src/data/bundle-manifest';

/** Fixed key order so the manifest bytes depend only on the data. */
function canonical(entry: ManifestEntry): ManifestEntry {
  const { id, kind, version, effective, source, file, sha256, bytes, rows, lacks, notes } = entry;
  return { id, kind, version, effective, source: { file: source.file, provenance: source.provenance }, file, sha256, bytes, rows, lacks, ...(notes ? { notes } : {}) };
}

export function writeManifest(dir: string, entries: ManifestEntry[]): Manifest {
  const manifest = manifestSchema.parse({
    format: MANIFEST_FORMAT,
    builtBy: 'npm run data:build (data/build.ts) from ../shared/cms; see ../shared/cms/PROVENANCE.md',
    datasets: entries.map(canonical),
  });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}
