import { openDB, type IDBPDatabase } from 'idb';

/** IndexedDB database name. */
export const DB_NAME = 'claimlens';
/**
 * Schema version. Raise it only to add stores or indexes; `upgrade` never deletes a store,
 * so imported datasets and the `user` store survive every upgrade. Bundled datasets are
 * re-seeded when the bundle manifest's checksums change, not on schema upgrades.
 */
export const DB_VERSION = 1;

/** Record stores keyed by [storageKey, code, …] so one dataset is one key range. */
export const RECORD_STORES = ['rvu', 'gpci', 'ptp', 'ptpRev', 'mue', 'hcpcs', 'docs', 'zip', 'words'] as const;
export type RecordStoreName = (typeof RECORD_STORES)[number];
/** Every store a dataset write may touch (records + word index + registry + progress). */
export const WRITE_STORES = [...RECORD_STORES, 'datasets', 'meta'] as const;
export type WriteStoreName = (typeof WRITE_STORES)[number];

/** Key path of each record store (the first element is always the dataset storage key). */
const KEY_PATHS: Record<RecordStoreName, string[]> = {
  // Bucketed stores (records.ts StoredBucket): [dataset, key prefix].
  rvu: ['ds', 'b'],
  ptp: ['ds', 'b'],
  ptpRev: ['ds', 'b'],
  mue: ['ds', 'b'],
  hcpcs: ['ds', 'b'],
  zip: ['ds', 'b'],
  // Search index: words → codes, bucketed by the first two letters.
  words: ['ds', 'b'],
  gpci: ['ds', 'locality'],
  docs: ['ds', 'name'],
};

export type ClaimLensDb = IDBPDatabase<unknown>;

/** Creates whatever is missing; never deletes (user data must survive upgrades). */
export function upgradeSchema(db: ClaimLensDb): void {
  const names = db.objectStoreNames;
  for (const store of RECORD_STORES) {
    if (!names.contains(store)) db.createObjectStore(store, { keyPath: KEY_PATHS[store] });
  }
  // Dataset registry: one entry per stored generation (storage key), active or staging.
  if (!names.contains('datasets')) db.createObjectStore('datasets', { keyPath: 'key' });
  // Seed / import progress per generation, written in the same transaction as each chunk.
  if (!names.contains('meta')) db.createObjectStore('meta');
  // Anything of the user's (the ext engineer's to use); never touched by seeding.
  if (!names.contains('user')) db.createObjectStore('user');
}

export async function openClaimLensDb(name = DB_NAME, version = DB_VERSION): Promise<ClaimLensDb> {
  let opened: ClaimLensDb | undefined;
  opened = await openDB(name, version, {
    upgrade: (db) => upgradeSchema(db),
    // Another context (a newer extension version) wants a newer schema: step aside.
    blocking: () => opened?.close(),
  });
  return opened;
}

/** IDB key range covering every key of one dataset generation in a [ds, …] keyed store. */
export function datasetRange(storageKey: string): IDBKeyRange {
  // Arrays sort after strings and numbers, so [key, []] is above every [key, 'x', …].
  return IDBKeyRange.bound([storageKey], [storageKey, []]);
}
