/**
 * Turns a parsed dataset into ordered, chunked store records. Ordering and chunking are
 * deterministic, so a seed interrupted after chunk k can rebuild the same chunks on the
 * next start and continue with chunk k+1.
 */
import type { DatasetContent, PtpGroupRow } from './content';
import { countEdits, reverseIndex, reverseIndexOf } from './ptp-pack';
import { bucketOf, type BucketItems, type BucketStoreName, type StoreRecord, type StoredBucket } from './records';
import { labelWords } from './words';

export interface ChunkLimits {
  /** Most records (buckets) per transaction. */
  records: number;
  /** Most rows (PTP: edits) inside the records of one transaction. */
  edits: number;
}

export const DEFAULT_LIMITS: ChunkLimits = { records: 5000, edits: 100_000 };

/** One row of a bucketed store before bucketing. */
type Item = { [S in BucketStoreName]: { store: S; key: string; value: BucketItems[S]; n: number } }[BucketStoreName];

/** Groups items into bucket records (sorted by store then bucket, deterministic). */
function bucketize(ds: string, items: Iterable<Item>): StoreRecord[] {
  const buckets = new Map<string, { store: BucketStoreName; value: StoredBucket }>();
  for (const item of items) {
    const b = bucketOf(item.store, item.key);
    const id = `${item.store}|${b}`;
    let bucket = buckets.get(id);
    if (!bucket) {
      bucket = { store: item.store, value: { ds, b, n: 0, items: {} } };
      buckets.set(id, bucket);
    }
    (bucket.value.items as Record<string, unknown>)[item.key] = item.value;
    bucket.value.n += item.n;
  }
  return [...buckets.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, bucket]) => bucket);
}

export interface BuiltDataset {
  chunks: StoreRecord[][];
  /** Rows of the source table (PTP: pairs). */
  rows: number;
  /**
   * RVU, MUE, PTP: after this many chunks every record of `priorityCodes` (the therapy
   * codes) is written (PTP: forward records where they are column 1, reverse records where
   * they are column 2), so the dataset can answer for them before the rest is written.
   */
  priorityChunks?: number;
  priorityCodes?: string[];
  /**
   * PTP with priority codes: the chunks after `priorityChunks` are empty placeholders (their
   * layout is fixed) until this fills them — the reverse index of every other code is most
   * of the build, so the therapy chunks are written without waiting for it.
   */
  buildRest?: () => void;
}

function chunk(records: StoreRecord[], limits: ChunkLimits): StoreRecord[][] {
  const chunks: StoreRecord[][] = [];
  let current: StoreRecord[] = [];
  let weight = 0;
  for (const record of records) {
    const w = 'n' in record.value ? record.value.n : 1;
    if (current.length > 0 && (current.length >= limits.records || weight + w > limits.edits)) {
      chunks.push(current);
      current = [];
      weight = 0;
    }
    current.push(record);
    weight += w;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

function wordItems(labels: Iterable<[string, string]>): Item[] {
  const byWord = new Map<string, string[]>();
  for (const [code, label] of labels) {
    for (const word of labelWords(label)) {
      const codes = byWord.get(word);
      if (codes) codes.push(code);
      else byWord.set(word, [code]);
    }
  }
  return [...byWord].map(([word, codes]) => ({ store: 'words', key: word, value: codes.join(','), n: 1 }));
}

function buildPtp(ds: string, groups: Iterable<PtpGroupRow>, priority: ReadonlySet<string>, limits: ChunkLimits): BuiltDataset {
  const items: Item[] = [];
  const forward = [...groups];
  if (priority.size > 0) return buildPtpPriorityFirst(ds, forward, priority, limits);
  let rows = 0;
  for (const group of forward) {
    const n = countEdits(group.packed);
    rows += n;
    items.push({ store: 'ptp', key: group.column1, value: { ds, code: group.column1, n, e: group.packed }, n });
  }
  for (const { code, packed, count } of reverseIndex(forward)) items.push({ store: 'ptpRev', key: code, value: { ds, code, n: count, e: packed }, n: count });
  return { ...priorityFirst(bucketize(ds, items), priority, limits), rows };
}

const bucketId = (store: BucketStoreName, b: string): string => `${store}|${b}`;
const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * PTP, therapy codes first: the buckets (4-character prefixes) of the priority codes, in both
 * directions, are built now; the other buckets' sizes are counted so the chunk layout is
 * fixed (a resumed seed continues at the same chunk), and their records are built by
 * `buildRest` only when the second pass needs them.
 */
function buildPtpPriorityFirst(ds: string, forward: PtpGroupRow[], priority: ReadonlySet<string>, limits: ChunkLimits): BuiltDataset {
  const prefixes = new Set([...priority].map((code) => bucketOf('ptp', code)));
  const isFirst = (code: string): boolean => prefixes.has(bucketOf('ptp', code));
  let rows = 0;
  const firstItems: Item[] = [];
  const restForward: Item[] = [];
  for (const group of forward) {
    const n = countEdits(group.packed);
    rows += n;
    const item: Item = { store: 'ptp', key: group.column1, value: { ds, code: group.column1, n, e: group.packed }, n };
    (isFirst(group.column1) ? firstItems : restForward).push(item);
  }
  const reverse = reverseIndexOf(forward, isFirst);
  for (const { code, packed, count } of reverse.rows) firstItems.push({ store: 'ptpRev', key: code, value: { ds, code, n: count, e: packed }, n: count });
  const firstChunks = chunk(bucketize(ds, firstItems), limits);

  // Layout of the rest from bucket ids and sizes alone (same order as bucketize: by id).
  const restSizes = new Map<string, number>();
  const add = (id: string, n: number) => restSizes.set(id, (restSizes.get(id) ?? 0) + n);
  for (const item of restForward) add(bucketId('ptp', bucketOf('ptp', item.key)), item.n);
  for (const [code, n] of reverse.others) add(bucketId('ptpRev', bucketOf('ptpRev', code)), n);
  const layout = chunk(
    [...restSizes].map(([id, n]) => ({ id, n })).sort(byId).map((b) => ({ store: 'ptp', value: { ds, b: b.id, n: b.n, items: {} } }) as StoreRecord),
    limits,
  );
  const chunks: StoreRecord[][] = [...firstChunks, ...layout.map(() => [])];
  let restBuilt = layout.length === 0;
  const buildRest = () => {
    if (restBuilt) return;
    const items: Item[] = restForward;
    for (const { code, packed, count } of reverseIndexOf(forward, (code) => !isFirst(code)).rows) items.push({ store: 'ptpRev', key: code, value: { ds, code, n: count, e: packed }, n: count });
    const records = bucketize(ds, items);
    let next = 0;
    layout.forEach((planned, c) => {
      const built = records.slice(next, next + planned.length);
      next += planned.length;
      // The layout was counted from the same buckets: a mismatch is a bug, never written.
      const same = built.every((r, i) => {
        const p = planned[i]?.value;
        return 'b' in r.value && p !== undefined && 'b' in p && bucketId(r.store as BucketStoreName, r.value.b) === p.b;
      });
      if (!same) throw new Error(`PTP chunk layout mismatch in chunk ${c}`);
      chunks[firstChunks.length + c] = built;
    });
    if (next !== records.length) throw new Error('PTP chunk layout mismatch (record count)');
    restBuilt = true;
  };
  return { chunks, rows, priorityChunks: firstChunks.length, priorityCodes: [...priority].sort(), buildRest };
}

/** Records of the priority codes first (in their own chunks), then the rest. */
function priorityFirst(records: StoreRecord[], priority: ReadonlySet<string>, limits: ChunkLimits): Omit<BuiltDataset, 'rows'> {
  if (priority.size === 0) return { chunks: chunk(records, limits) };
  // A bucket goes first when it holds any priority code (and is then written whole).
  const isPriority = (r: StoreRecord): boolean => 'items' in r.value && Object.keys(r.value.items).some((k) => priority.has(k));
  const firstChunks = chunk(records.filter(isPriority), limits);
  return {
    chunks: [...firstChunks, ...chunk(records.filter((r) => !isPriority(r)), limits)],
    priorityChunks: firstChunks.length,
    priorityCodes: [...priority].sort(),
  };
}

export function buildRecords(ds: string, content: DatasetContent, priority: ReadonlySet<string> = new Set(), limits: ChunkLimits = DEFAULT_LIMITS): BuiltDataset {
  switch (content.kind) {
    case 'ptp':
      return buildPtp(ds, content.groups, priority, limits);
    case 'rvu': {
      const byCode = new Map<string, Extract<Item, { store: 'rvu' }>>();
      for (const r of content.rows) {
        const row = { ds, code: r.code, mod: r.modifier, status: r.status, w: r.work, pen: r.peNonFacility, pef: r.peFacility, mp: r.mp, nan: r.naNonFacility, naf: r.naFacility, pctc: r.pctc, glob: r.globalDays, mult: r.multProc, cf: r.conversionFactor };
        const item = byCode.get(r.code);
        if (item) {
          item.value.push(row);
          item.n += 1;
        } else byCode.set(r.code, { store: 'rvu', key: r.code, value: [row], n: 1 });
      }
      return { ...priorityFirst(bucketize(ds, byCode.values()), priority, limits), rows: content.rows.length };
    }
    case 'gpci': {
      const records: StoreRecord[] = content.rows.map((r) => ({
        store: 'gpci',
        value: { ds, locality: r.locality, mac: r.mac, num: r.localityNumber, state: r.state, name: r.name, w: r.work, pe: r.pe, mp: r.mp },
      }));
      return { chunks: chunk(records, limits), rows: content.rows.length };
    }
    case 'mue': {
      const items: Item[] = content.rows.map((r) => ({ store: 'mue', key: r.code, value: { ds, code: r.code, v: r.value, mai: r.mai, r: r.rationale }, n: 1 }));
      return { ...priorityFirst(bucketize(ds, items), priority, limits), rows: content.rows.length };
    }
    case 'hcpcs': {
      const items: Item[] = content.rows.map((r) => ({ store: 'hcpcs', key: r.code, value: { ds, code: r.code, long: r.longDescription, short: r.shortDescription }, n: 1 }));
      items.push(...wordItems(content.rows.map((r) => [r.code, `${r.shortDescription} ${r.longDescription}`] as [string, string])));
      return { chunks: chunk(bucketize(ds, items), limits), rows: content.rows.length };
    }
    case 'curated-codes': {
      const records: StoreRecord[] = [
        { store: 'docs', value: { ds, name: 'codes', value: content.codes } },
        ...bucketize(ds, wordItems(content.codes.flatMap((c) => (c.summary ? [[c.code, c.summary] as [string, string]] : [])))),
      ];
      return { chunks: chunk(records, limits), rows: content.codes.length };
    }
    case 'curated-tips':
      return { chunks: [[{ store: 'docs', value: { ds, name: 'tips', value: content.tips } }]], rows: content.tips.length };
    case 'conversion-factor':
      return { chunks: [[{ store: 'docs', value: { ds, name: 'factors', value: content.factors } }]], rows: content.factors.length };
    case 'zip-locality': {
      const items: Item[] = content.rows.map((r) => ({ store: 'zip', key: r.zip, value: { ds, zip: r.zip, locality: r.locality, state: r.state }, n: 1 }));
      return { chunks: chunk(bucketize(ds, items), limits), rows: content.rows.length };
    }
  }
}
