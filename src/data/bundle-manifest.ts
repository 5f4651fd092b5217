import { z } from 'zod';
import type { DatasetRef } from './reference';

/**
 * data/bundles/manifest.json: every bundled dataset with where it comes from, what it
 * lacks, and the sha256 of the committed file (loaders refuse a file that does not match).
 */
export const MANIFEST_FORMAT = 'claimlens-bundle-manifest-v1';

export const datasetKinds = [
  'rvu',
  'conversion-factor',
  'gpci',
  'zip-locality',
  'ptp',
  'mue',
  'hcpcs',
  'curated-codes',
  'curated-tips',
] as const;
export type DatasetKind = (typeof datasetKinds)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const manifestEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  kind: z.enum(datasetKinds),
  /** As CMS names it, e.g. "RVU25D (October 2025)". */
  version: z.string().min(1),
  /** First date of service the dataset applies to. */
  effective: isoDate,
  source: z.object({
    /** CMS file name (as stored in shared/cms, and CMS's own name). */
    file: z.string().min(1),
    /** Where the copy came from (PROVENANCE.md). */
    provenance: z.string().min(1),
  }),
  /** File name inside data/bundles; .gz files are gzip. */
  file: z.string().regex(/^[a-z0-9.-]+$/),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  /** Records in the dataset (rows of the CMS table). */
  rows: z.number().int().nonnegative(),
  /** What the dataset is missing (PROVENANCE.md "Gaps"). */
  lacks: z.array(z.string()),
  notes: z.string().optional(),
});

export const manifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  /** Conversion of CMS files; never a date, so rebuilding gives the same bytes. */
  builtBy: z.string(),
  datasets: z.array(manifestEntrySchema),
});

export type ManifestEntry = z.infer<typeof manifestEntrySchema>;
export type Manifest = z.infer<typeof manifestSchema>;

export function parseManifest(text: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`manifest.json is not JSON: ${(error as Error).message}`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`manifest.json: ${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}`);
  }
  const ids = new Set<string>();
  for (const entry of parsed.data.datasets) {
    if (ids.has(entry.id)) throw new Error(`manifest.json: dataset id ${entry.id} appears twice`);
    ids.add(entry.id);
  }
  return parsed.data;
}

export function datasetRef(entry: ManifestEntry): DatasetRef {
  return { id: entry.id, version: entry.version, effective: entry.effective };
}
