/**
 * Seeding the bundled datasets into IndexedDB: resumable, therapy codes first.
 */
import { manifestSchema, type Manifest, type ManifestEntry } from '../bundle-manifest';
import type { BundleSource, ReferenceStore, SeedProgress, SeedStatus } from './api';
import { buildRecords, DEFAULT_LIMITS, type BuiltDataset, type ChunkLimits } from './build-records';
import { bundleContent, bundleText, sha256Hex } from './bundle-content';
import type { DatasetEntry } from './records';
import { readRegistry, toStatus } from './registry';
import type { ClaimLensDb } from './schema';
import { describeWriteError, importsInProgress, progressKey, purgeGeneration, writeGeneration, type ChunkProgress, type WriteHooks } from './writer';

/** Seed order: what a therapy claim needs first, the big PTP table late, search words last. */
const KIND_ORDER: Record<ManifestEntry['kind'], number> = {
  'curated-codes': 0,
  'curated-tips': 1,
  'conversion-factor': 2,
  gpci: 3,
  rvu: 4,
  mue: 5,
  ptp: 6,
  hcpcs: 7,
  'zip-locality': 8,
};

/** What the seed records about the manifest it is working through (for getSeedStatus). */
interface SeedPlan {
  entries: Array<{ id: string; key: string; kind: ManifestEntry['kind']; version: string; effective: string; rows: number }>;
}
const PLAN_KEY = 'seed:plan';

export function storageKey(entry: Pick<ManifestEntry, 'id' | 'sha256'>): string {
  return `${entry.id}#${entry.sha256.slice(0, 16)}`;
}

/**
 * Seed order: first what today's therapy claims need (curated codes, conversion factors,
 * GPCIs, every RVU year — 2025 is the fallback of the 2026 extract — and the newest MUE and
 * PTP tables, whose therapy codes are switched on first), then older tables, then search
 * words and ZIP codes.
 */
export function seedOrder(manifest: Manifest): ManifestEntry[] {
  const newestOfKind = new Map<string, string>();
  for (const e of manifest.datasets) if ((newestOfKind.get(e.kind) ?? '') < e.effective) newestOfKind.set(e.kind, e.effective);
  const tier = (e: ManifestEntry): number => (e.kind === 'rvu' || newestOfKind.get(e.kind) === e.effective ? 0 : 1);
  return [...manifest.datasets].sort(
    (a, b) =>
      (KIND_ORDER[a.kind] >= KIND_ORDER.hcpcs ? 2 : tier(a)) - (KIND_ORDER[b.kind] >= KIND_ORDER.hcpcs ? 2 : tier(b)) ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      (a.effective < b.effective ? 1 : a.effective > b.effective ? -1 : 0),
  );
}

export interface SeedOptions extends WriteHooks {
  limits?: ChunkLimits;
}

const running = new WeakMap<ClaimLensDb, Promise<SeedStatus>>();

export function seedFromBundles(store: ReferenceStore, source: BundleSource, onProgress?: (p: SeedProgress) => void, options: SeedOptions = {}): Promise<SeedStatus> {
  const db = store.db;
  const current = running.get(db);
  if (current) return current;
  const run = seed(store, source, onProgress, options).finally(() => running.delete(db));
  running.set(db, run);
  return run;
}

async function seed(store: ReferenceStore, source: BundleSource, onProgress: ((p: SeedProgress) => void) | undefined, options: SeedOptions): Promise<SeedStatus> {
  const db = store.db;
  const parsed = manifestSchema.safeParse(source.manifest);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`bundled data manifest is invalid: ${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}`);
  }
  const ordered = seedOrder(parsed.data);
  const plan: SeedPlan = {
    entries: ordered.map((e) => ({ id: e.id, key: storageKey(e), kind: e.kind, version: e.version, effective: e.effective, rows: e.rows })),
  };
  await db.put('meta', plan, PLAN_KEY);

  const totalRows = Math.max(1, ordered.reduce((sum, e) => sum + Math.max(1, e.rows), 0));
  let priority = new Set<string>();
  const registry = await readRegistry(db);
  interface Item {
    entry: ManifestEntry;
    base: number;
    weight: number;
    /** Reads, checks, parses and builds the dataset, once (kept for the second pass). */
    prepare: () => Promise<{ generation: DatasetEntry; built: BuiltDataset }>;
  }
  const pending: Item[] = [];

  const load = async (entry: ManifestEntry) => {
    const bytes = await source.readFile(entry.file);
    const checksum = await sha256Hex(bytes);
    if (checksum !== entry.sha256) throw new Error(`bundled file ${entry.file} does not match its manifest checksum (damaged extension package?)`);
    return { checksum, content: bundleContent(entry, bundleText(entry, bytes)) };
  };

  let rowsBefore = 0;
  for (const [order, entry] of ordered.entries()) {
    const key = storageKey(entry);
    const weight = Math.max(1, entry.rows);
    const base = rowsBefore;
    rowsBefore += weight;
    const done = registry.find((e) => e.key === key)?.state === 'active';
    if (entry.kind === 'curated-codes') {
      // Parsed even when stored: the curated codes decide which codes go first.
      const { content } = await load(entry);
      if (content.kind === 'curated-codes') priority = new Set(content.codes.map((c) => c.code));
    }
    if (done) continue;
    let prepared: Promise<{ generation: DatasetEntry; built: BuiltDataset }> | undefined;
    const prepare = () =>
      (prepared ??= (async () => {
        const { checksum, content } = await load(entry);
        const built = buildRecords(key, content, priority, options.limits ?? DEFAULT_LIMITS);
        const generation: DatasetEntry = {
          key,
          id: entry.id,
          kind: entry.kind,
          version: entry.version,
          effective: entry.effective,
          origin: 'bundle',
          checksum,
          rows: built.rows,
          state: 'staging',
          order,
          ...(content.kind === 'ptp' ? { rationales: content.rationales } : {}),
        };
        return { generation, built };
      })());
    pending.push({ entry, base, weight, prepare });
  }

  const write = async (item: Item, until?: (built: BuiltDataset) => number | undefined): Promise<void> => {
    const { entry, base, weight } = item;
    const { generation, built } = await item.prepare();
    const stop = until ? until(built) : built.chunks.length;
    if (stop === undefined || stop === 0) return;
    let retired: string[];
    try {
      retired = await writeGeneration(db, generation, built, options, (chunk, chunks) =>
        onProgress?.({ dataset: entry.id, chunk, chunks, fraction: (base + (weight * chunk) / chunks) / totalRows }),
      stop);
    } catch (error) {
      if ((error as { name?: string } | null)?.name === 'QuotaExceededError') throw describeWriteError(error, `the bundled dataset ${entry.id}`);
      throw error;
    }
    for (const old of retired) await purgeGeneration(db, old);
  };

  // Pass 1: small tables whole, and the therapy codes of the current RVU, MUE and PTP tables.
  const newestOfKind = new Map<string, string>();
  for (const e of ordered) if ((newestOfKind.get(e.kind) ?? '') < e.effective) newestOfKind.set(e.kind, e.effective);
  const whole = (item: Item): boolean => ['curated-codes', 'curated-tips', 'conversion-factor', 'gpci'].includes(item.entry.kind);
  const therapyFirst = (item: Item): boolean =>
    item.entry.kind === 'rvu' || ((item.entry.kind === 'mue' || item.entry.kind === 'ptp') && newestOfKind.get(item.entry.kind) === item.entry.effective);
  // Start reading and building them all now: the PTP build (~1 s of CPU) then overlaps the
  // browser committing the earlier transactions. A failure surfaces at that item's write.
  for (const item of pending) if (whole(item) || therapyFirst(item)) void item.prepare().catch(() => undefined);
  for (const item of pending) {
    if (whole(item)) await write(item);
    else if (therapyFirst(item)) await write(item, (built) => built.priorityChunks);
  }
  // Pass 2: everything else (resumes each dataset after its last written chunk); the
  // records of a dataset are dropped as soon as it is complete.
  for (const item of pending) {
    await write(item);
    item.prepare = () => Promise.reject(new Error('already written'));
  }

  // Every planned generation is active now: any other bundled generation is left over
  // from an older extension version (replaced or dropped from the manifest).
  const keep = new Set(plan.entries.map((e) => e.key));
  for (const entry of await readRegistry(db)) {
    if (entry.origin === 'bundle' && !keep.has(entry.key)) await purgeGeneration(db, entry.key);
    // An import cut off by a stopped worker was never in use: drop its staged rows.
    if (entry.origin === 'import' && entry.state === 'staging' && !importsInProgress.has(entry.key)) await purgeGeneration(db, entry.key);
  }
  return getSeedStatus(store);
}

/**
 * One read-only transaction for the plan, the registry and every progress record: while the
 * seed writes, each separate read would queue behind a write chunk (~0.1-0.25 s each).
 */
export async function getSeedStatus(store: ReferenceStore): Promise<SeedStatus> {
  const tx = store.db.transaction(['meta', 'datasets'], 'readonly');
  const meta = tx.objectStore('meta');
  const [plan, registry] = (await Promise.all([meta.get(PLAN_KEY), tx.objectStore('datasets').getAll()])) as [SeedPlan | undefined, DatasetEntry[]];
  const progressOf = new Map(
    await Promise.all((plan?.entries ?? []).map(async (p) => [p.key, (await meta.get(progressKey(p.key))) as ChunkProgress | undefined] as const)),
  );
  await tx.done;
  const byKey = new Map(registry.map((e) => [e.key, e]));
  const datasets = [];
  let done = 0;
  let total = 0;
  for (const planned of plan?.entries ?? []) {
    const weight = Math.max(1, planned.rows);
    total += weight;
    const entry = byKey.get(planned.key);
    if (entry?.state === 'active') {
      done += weight;
      datasets.push(toStatus(entry));
      continue;
    }
    const progress = progressOf.get(planned.key);
    if (progress) done += (weight * progress.chunksDone) / Math.max(1, progress.chunksTotal);
    // Not yet switched: an older generation of the same id may still be serving readers.
    const serving = registry.find((e) => e.id === planned.id && e.key !== planned.key && (e.state === 'active' || e.state === 'partial'));
    if (serving) datasets.push(toStatus(serving));
    else if (entry) datasets.push(toStatus(entry));
    else datasets.push({ id: planned.id, kind: planned.kind, version: planned.version, effective: planned.effective, origin: 'bundle' as const, rows: 0, complete: false, readable: false, coverage: 'none' as const });
  }
  const planned = new Set(plan?.entries.map((e) => e.id) ?? []);
  for (const entry of registry) {
    if (entry.origin === 'import' && entry.state === 'active' && !planned.has(entry.id)) datasets.push(toStatus(entry));
  }
  const complete = !!plan && plan.entries.every((p) => byKey.get(p.key)?.state === 'active');
  return { complete, datasets, progress: total === 0 ? 0 : Math.min(1, done / total) };
}
