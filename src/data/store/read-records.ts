/**
 * Keyed reads of store records with a small LRU across calls. Keys include the dataset
 * generation, so a cached record can never come from a replaced or removed dataset.
 */
import { bucketOf, type BucketStoreName, type StoredBucket, type StoredDoc, type StoredGpci, type StoredHcpcs, type StoredMue, type StoredPtp, type StoredRvu, type StoredZip } from './records';
import { Lru } from './lru';
import { datasetRange, type ClaimLensDb } from './schema';

/** Missing records are cached too (as null): most code pairs have no PTP edit. */
type Cached = StoredBucket | StoredDoc | StoredGpci[] | null;

const caches = new WeakMap<ClaimLensDb, Lru<string, Cached>>();
/** Buckets hold ~1–60 codes each; 600 of them cover many claims without holding a table. */
const CACHE_SIZE = 600;

function cacheOf(db: ClaimLensDb): Lru<string, Cached> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Lru(CACHE_SIZE);
    caches.set(db, cache);
  }
  return cache;
}

/** One batch of reads in a single read-only transaction. */
export class RecordReader {
  private readonly cache: Lru<string, Cached>;
  private readonly pending: Array<Promise<void>> = [];
  private tx: ReturnType<ClaimLensDb['transaction']> | undefined;

  /**
   * @param complete storage keys of complete (active) generations: only their records are
   * cached, since a generation still being written may gain records.
   */
  constructor(
    private readonly db: ClaimLensDb,
    private readonly complete: ReadonlySet<string>,
  ) {
    this.cache = cacheOf(db);
  }

  private store(name: string) {
    this.tx ??= this.db.transaction(['rvu', 'gpci', 'ptp', 'ptpRev', 'mue', 'hcpcs', 'docs', 'zip', 'words'], 'readonly');
    return this.tx.objectStore(name);
  }

  private read<T extends Cached>(cacheKey: string, fetch: () => Promise<T | undefined>, sink: (value: T | null) => void): void {
    const cacheable = this.complete.has(cacheKey.split('|')[1] ?? '');
    if (cacheable && this.cache.has(cacheKey)) {
      sink(this.cache.get(cacheKey) as T | null);
      return;
    }
    this.pending.push(
      fetch().then((value) => {
        const v = (value ?? null) as T | null;
        if (cacheable) this.cache.set(cacheKey, v);
        sink(v);
      }),
    );
  }

  /** One item of a bucketed store (reads, and caches, its whole bucket). */
  item<S extends BucketStoreName>(store: S, ds: string, key: string, sink: (value: StoredBucket<S>['items'][string] | null) => void): void {
    const b = bucketOf(store, key);
    this.read<StoredBucket>(`${store}|${ds}|${b}`, async () => (await this.store(store).get([ds, b])) as StoredBucket | undefined, (bucket) =>
      sink(((bucket?.items as StoredBucket<S>['items'] | undefined)?.[key] ?? null) as StoredBucket<S>['items'][string] | null),
    );
  }

  rvuRows(ds: string, code: string, sink: (rows: StoredRvu[] | null) => void): void {
    this.item('rvu', ds, code, sink);
  }

  byCode<T extends StoredPtp | StoredMue | StoredHcpcs>(storeName: 'ptp' | 'ptpRev' | 'mue' | 'hcpcs', ds: string, code: string, sink: (value: T | null) => void): void {
    this.item(storeName, ds, code, (value) => sink(value as T | null));
  }

  doc(ds: string, name: string, sink: (value: StoredDoc | null) => void): void {
    this.read(`docs|${ds}|${name}`, async () => (await this.store('docs').get([ds, name])) as StoredDoc | undefined, sink);
  }

  /** The GPCI table is ~110 rows: read it whole, once, when a claim needs any locality. */
  gpciTable(ds: string, sink: (rows: StoredGpci[] | null) => void): void {
    this.read(`gpci|${ds}`, async () => (await this.store('gpci').getAll(datasetRange(ds))) as StoredGpci[], sink);
  }

  zip(ds: string, zip: string, sink: (value: StoredZip | null) => void): void {
    this.item('zip', ds, zip, sink);
  }

  /** Waits for every queued read. */
  async done(): Promise<void> {
    await Promise.all(this.pending);
    this.pending.length = 0;
    this.tx = undefined;
  }
}

/** Forget cached records (after an import or removal in this context). */
export function clearReadCache(db: ClaimLensDb): void {
  caches.get(db)?.clear();
}
