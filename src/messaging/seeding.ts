import type { BundleSource, DatasetKind, ReferenceStore, SeedProgress, SeedStatus } from '../data/store/api';

/** The store functions seeding uses (injected: unit tests pass fakes). */
export interface SeedingDeps {
  openStore(): Promise<ReferenceStore>;
  bundleSource(): Promise<BundleSource>;
  seedFromBundles(store: ReferenceStore, source: BundleSource, onProgress?: (progress: SeedProgress) => void): Promise<SeedStatus>;
  getSeedStatus(store: ReferenceStore): Promise<SeedStatus>;
}

/** Thrown (and answered to the sender) when data is needed but not loaded yet. */
export class DataLoadingError extends Error {
  override readonly name = 'DataLoadingError';
}

/**
 * Owns the worker's one store and its seed. `start()` runs on every worker start and on
 * install/update: the store's seed is resumable and cheap when already complete, so a worker
 * stopped mid-seed simply continues on its next start.
 */
export class Seeding {
  private storePromise?: Promise<ReferenceStore>;
  private seedPromise?: Promise<SeedStatus>;
  private lastError?: string;
  /** Resolvers of waitFor calls sleeping until the seed commits its next chunk. */
  private sleepers: Array<() => void> = [];

  constructor(private readonly deps: SeedingDeps) {}

  store(): Promise<ReferenceStore> {
    this.storePromise ??= this.deps.openStore();
    return this.storePromise;
  }

  /** Starts (or joins) the seed; never rejects — a failure is kept for data-status. */
  start(): Promise<SeedStatus | undefined> {
    this.seedPromise ??= (async () => {
      const store = await this.store();
      const source = await this.deps.bundleSource();
      return this.deps.seedFromBundles(store, source, () => this.wakeWaiters());
    })();
    return this.seedPromise.then(
      (status) => {
        this.lastError = undefined;
        return status;
      },
      (error: unknown) => {
        this.lastError = error instanceof Error ? error.message : String(error);
        this.seedPromise = undefined; // the next start() or request retries
        return undefined;
      },
    );
  }

  /**
   * On a worker start: continue a seed that is not finished. A complete seed costs one
   * status read, so a woken worker answers its first message sooner. (Install and update
   * call start() instead: new bundles must be seeded even when the old ones are complete.)
   */
  async resume(): Promise<void> {
    const status = await this.status().catch(() => undefined);
    if (!status?.complete) await this.start();
  }

  private wakeWaiters(): void {
    const sleepers = this.sleepers;
    this.sleepers = [];
    for (const wake of sleepers) wake();
  }

  /** Until the seed commits a chunk (what a waiting request looks for), or `ms` at most. */
  private nextChunk(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.sleepers = this.sleepers.filter((s) => s !== wake);
        resolve();
      }, ms);
      this.sleepers.push(wake);
    });
  }

  async status(): Promise<SeedStatus & { error?: string }> {
    const status = await this.deps.getSeedStatus(await this.store());
    return this.lastError ? { ...status, error: this.lastError } : status;
  }

  /**
   * Waits until at least one dataset of each kind is readable, up to `timeoutMs`; then
   * answers the status (callers decide whether partial data is enough). Throws
   * DataLoadingError when a needed kind is still missing at the deadline.
   */
  async waitFor(kinds: readonly DatasetKind[], timeoutMs: number): Promise<SeedStatus> {
    const deadline = Date.now() + timeoutMs;
    for (let first = true; ; first = false) {
      const status = await this.status();
      if (first && !status.complete) void this.start();
      // Before the seed lists its datasets, every wanted kind counts as missing.
      const listed = new Set(status.datasets.map((d) => d.kind));
      const wanted = status.datasets.length ? kinds.filter((kind) => listed.has(kind)) : kinds;
      const missing = wanted.filter((kind) => !status.datasets.some((d) => d.kind === kind && (d.complete || d.readable)));
      if (missing.length === 0) return status;
      if (Date.now() >= deadline) {
        const percent = Math.round(status.progress * 100);
        throw new DataLoadingError(
          status.error
            ? `ClaimLens reference data could not be loaded: ${status.error}`
            : `ClaimLens reference data is still loading (${percent} %, waiting for ${missing.join(', ')}). Try again in a few seconds.`,
        );
      }
      // Re-read when the seed commits a chunk rather than on a timer: the therapy chunks are
      // answered as soon as they land (the timer only covers a seed running in another context).
      await this.nextChunk(Math.min(250, Math.max(10, deadline - Date.now())));
    }
  }
}
