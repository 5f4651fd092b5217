/**
 * Writes one dataset generation chunk by chunk. Each chunk is one bounded transaction that
 * also records progress in `meta`, so a worker killed mid-way continues with the next chunk.
 * The registry entry becomes readable only in the transaction that writes the last chunk
 * (or, for PTP, the last chunk of its therapy codes, with `coveredCodes` naming them).
 */
import type { BuiltDataset } from './build-records';
import type { DatasetEntry, StoreRecord } from './records';
import { RECORD_STORES, WRITE_STORES, datasetRange, type ClaimLensDb } from './schema';

export interface ChunkProgress {
  key: string;
  chunksDone: number;
  chunksTotal: number;
}

export const progressKey = (key: string): string => `progress:${key}`;

/** Generations being imported in this context right now (a stale 'staging' one is left over from a stopped worker). */
export const importsInProgress = new Set<string>();

export async function readProgress(db: ClaimLensDb, key: string): Promise<ChunkProgress | undefined> {
  return (await db.get('meta', progressKey(key))) as ChunkProgress | undefined;
}

export interface WriteHooks {
  /** Called after each chunk is committed; tests throw here to simulate a killed worker. */
  afterChunk?(chunk: number, chunks: number): void | Promise<void>;
}

/** A write failed for a reason the user can act on (disk full, transaction aborted). */
export class StoreWriteError extends Error {
  override readonly name = 'StoreWriteError';
}

export function describeWriteError(error: unknown, what: string): StoreWriteError {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'QuotaExceededError') {
    return new StoreWriteError(`Not enough disk space to store ${what}. Free some space (or remove an imported dataset) and try again; the data in use is unchanged.`);
  }
  if (name === 'AbortError' || name === 'InvalidStateError' || name === 'TransactionInactiveError') {
    return new StoreWriteError(`Storing ${what} was interrupted (${name}). Nothing of it is in use; try again.`);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new StoreWriteError(`Storing ${what} failed: ${message}. The data in use is unchanged.`);
}

/**
 * Writes the chunks of `built` not yet written for `entry.key`, then switches the entry
 * active and retires older generations of the same dataset id, in the last transaction.
 * Returns the keys of retired generations (purge them with `purgeGeneration`).
 */
export async function writeGeneration(
  db: ClaimLensDb,
  entry: DatasetEntry,
  built: BuiltDataset,
  hooks: WriteHooks = {},
  onChunk?: (done: number, total: number) => void,
  /** Stop after this many chunks (the seed's first pass writes only the therapy chunks). */
  until: number = built.chunks.length,
): Promise<string[]> {
  const total = built.chunks.length;
  const existing = (await db.get('datasets', entry.key)) as DatasetEntry | undefined;
  if (existing?.state === 'active') return [];
  const progress = await readProgress(db, entry.key);
  let done = progress && progress.chunksTotal === total ? progress.chunksDone : 0;
  if (done > 0 && !existing) done = 0; // progress without registry entry: start over
  let retired: string[] = [];
  let state: DatasetEntry = existing && done > 0 ? existing : { ...entry, state: 'staging' };

  if (until > (built.priorityChunks ?? 0)) built.buildRest?.();
  for (let i = done; i < Math.min(Math.max(total, 1), Math.max(until, 1)); i++) {
    const records: StoreRecord[] = built.chunks[i] ?? [];
    const last = i >= total - 1;
    // Relaxed durability: a chunk lost to a crash is simply written again on resume.
    const tx = db.transaction([...WRITE_STORES], 'readwrite', { durability: 'relaxed' });
    for (const record of records) void tx.objectStore(record.store).put(record.value);
    if (last) {
      state = { ...state, state: 'active', rows: built.rows };
      delete state.coveredCodes;
      // Retire older generations of the same dataset id in this same transaction.
      const all = (await tx.objectStore('datasets').getAll()) as DatasetEntry[];
      retired = all.filter((e) => e.id === entry.id && e.key !== entry.key && e.state !== 'retired').map((e) => e.key);
      for (const key of retired) {
        const old = all.find((e) => e.key === key);
        if (old) void tx.objectStore('datasets').put({ ...old, state: 'retired' });
      }
      void tx.objectStore('meta').delete(progressKey(entry.key));
    } else {
      if (built.priorityChunks !== undefined && i + 1 === built.priorityChunks) {
        state = { ...state, state: 'partial', coveredCodes: built.priorityCodes ?? [] };
      }
      void tx.objectStore('meta').put({ key: entry.key, chunksDone: i + 1, chunksTotal: total } satisfies ChunkProgress, progressKey(entry.key));
    }
    void tx.objectStore('datasets').put(state);
    await tx.done;
    onChunk?.(i + 1, total);
    await hooks.afterChunk?.(i + 1, total);
  }
  return retired;
}

/** Deletes every record and the registry entry of one generation (retired or failed). */
export async function purgeGeneration(db: ClaimLensDb, key: string): Promise<void> {
  const tx = db.transaction([...WRITE_STORES], 'readwrite');
  const range = datasetRange(key);
  for (const store of RECORD_STORES) void tx.objectStore(store).delete(range);
  void tx.objectStore('datasets').delete(key);
  void tx.objectStore('meta').delete(progressKey(key));
  await tx.done;
}
