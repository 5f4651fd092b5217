/**
 * What the store keeps in IndexedDB. Records are compact (short field names) because the
 * PTP table alone is 2.5 million pairs; every record carries `ds`, the storage key of its
 * dataset generation, first in its key so a dataset is one key range.
 */
import type { DatasetKind, DatasetOrigin } from './api';

/**
 * Registry entry of one stored dataset generation.
 * Readers use only entries in state 'active' (complete) or 'partial' (complete for
 * `coveredCodes` only: therapy codes of the PTP table are written and switched on first).
 */
export interface DatasetEntry {
  /** Storage key of this generation: `${id}#${checksum}`. */
  key: string;
  id: string;
  kind: DatasetKind;
  version: string;
  effective: string;
  origin: DatasetOrigin;
  checksum: string;
  /** Rows of the source table (PTP: pairs). */
  rows: number;
  state: 'staging' | 'partial' | 'active' | 'retired';
  coveredCodes?: string[];
  /** Seed order (bundles) or import time (ms), to list datasets stably. */
  order: number;
  /** PTP: rationale texts, referenced by index from packed edits. */
  rationales?: string[];
}

export interface StoredRvu {
  ds: string;
  code: string;
  mod: string;
  status: string;
  w: number;
  pen: number;
  pef: number;
  mp: number;
  nan: boolean;
  naf: boolean;
  pctc: string;
  glob: string;
  mult: string;
  cf: number;
}

export interface StoredGpci {
  ds: string;
  locality: string;
  mac: string;
  num: string;
  state: string;
  name: string;
  w: number;
  pe: number;
  mp: number;
}

/** All edits of one code in one direction, packed (see ptp-pack.ts). */
export interface StoredPtp {
  ds: string;
  code: string;
  /** Number of edits packed in `e`. */
  n: number;
  e: string;
}

export interface StoredMue {
  ds: string;
  code: string;
  v: number;
  mai: 1 | 2 | 3;
  r: string;
}

export interface StoredHcpcs {
  ds: string;
  code: string;
  long: string;
  short: string;
}

/** A small whole document (curated codes, tips, conversion factors). */
export interface StoredDoc {
  ds: string;
  name: string;
  value: unknown;
}

export interface StoredZip {
  ds: string;
  zip: string;
  locality: string;
  state: string;
}

/** Word index entry for search (prefix match on `word`). */
export interface StoredWord {
  ds: string;
  word: string;
  /** Codes whose label contains the word, comma-separated. */
  codes: string;
}

/** Stores whose records are buckets of items (one IndexedDB write per bucket, not per row). */
export type BucketStoreName = 'rvu' | 'ptp' | 'ptpRev' | 'mue' | 'hcpcs' | 'zip' | 'words';

/** What one item of each bucketed store holds. */
export interface BucketItems {
  /** code → rows (one per modifier) */
  rvu: StoredRvu[];
  ptp: StoredPtp;
  ptpRev: StoredPtp;
  mue: StoredMue;
  hcpcs: StoredHcpcs;
  zip: StoredZip;
  /** word → comma-separated codes */
  words: string;
}

/**
 * Many items under one key: Chromium's IndexedDB costs about the same per write whatever
 * its size, so rows are grouped by key prefix (see bucketOf) — ~100x fewer writes.
 */
export interface StoredBucket<S extends BucketStoreName = BucketStoreName> {
  ds: string;
  /** Bucket id: the key prefix. */
  b: string;
  /** Rows (PTP: edits) inside, for bounding transactions. */
  n: number;
  items: Record<string, BucketItems[S]>;
}

export type StoreRecord =
  | { store: BucketStoreName; value: StoredBucket }
  | { store: 'gpci'; value: StoredGpci }
  | { store: 'docs'; value: StoredDoc };

/** The bucket of an item key: 4 characters for PTP codes, 2 for words, 3 otherwise. */
export function bucketOf(store: BucketStoreName, key: string): string {
  return key.slice(0, store === 'ptp' || store === 'ptpRev' ? 4 : store === 'words' ? 2 : 3);
}
