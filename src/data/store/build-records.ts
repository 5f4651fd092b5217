/**
 * Turns a parsed dataset into ordered, chunked store records. Ordering and chunking are
 * deterministic, so a seed interrupted after chunk k can rebuild the same chunks on the
 * next start and continue with chunk k+1.
 */
import type { DatasetContent, PtpGroupRow } from './content';
import { countEdits, ReversePacker } from './ptp-pack';
import type { StoreRecord } from './records';
import { labelWords } from './words';

export interface ChunkLimits {
  /** Most records per transaction. */
  records: number;
  /** Most PTP edits per transaction (one PTP record may pack hundreds). */
  edits: number;
}

export const DEFAULT_LIMITS: ChunkLimits = { records: 5000, edits: 150_000 };

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
}

function chunk(records: StoreRecord[], limits: ChunkLimits): StoreRecord[][] {
  const chunks: StoreRecord[][] = [];
  let current: StoreRecord[] = [];
  let weight = 0;
  for (const record of records) {
    const w = record.store === 'ptp' || record.store === 'ptpRev' ? record.value.n : 1;
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

function wordRecords(ds: string, labels: Iterable<[string, string]>): StoreRecord[] {
  const byWord = new Map<string, string[]>();
  for (const [code, label] of labels) {
    for (const word of labelWords(label)) {
      const codes = byWord.get(word);
      if (codes) codes.push(code);
      else byWord.set(word, [code]);
    }
  }
  return [...byWord].sort(([a], [b]) => (a < b ? -1 : 1)).map(([word, codes]) => ({ store: 'words', value: { ds, word, codes: codes.join(',') } }));
}

function buildPtp(ds: string, groups: Iterable<PtpGroupRow>, priority: ReadonlySet<string>, limits: ChunkLimits): BuiltDataset {
  const forward: StoreRecord[] = [];
  const reverse = new ReversePacker();
  let rows = 0;
  for (const group of groups) {
    const n = countEdits(group.packed);
    rows += n;
    forward.push({ store: 'ptp', value: { ds, code: group.column1, n, e: group.packed } });
    reverse.add(group.column1, group.packed);
  }
  const backward: StoreRecord[] = [];
  for (const { code, packed, count } of reverse.records()) backward.push({ store: 'ptpRev', value: { ds, code, n: count, e: packed } });
  const byCode = (a: StoreRecord, b: StoreRecord): number => {
    const ka = (a.value as { code: string }).code;
    const kb = (b.value as { code: string }).code;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };
  return { ...priorityFirst([...forward, ...backward].sort(byCode), priority, limits), rows };
}

/** Records of the priority codes first (in their own chunks), then the rest. */
function priorityFirst(records: StoreRecord[], priority: ReadonlySet<string>, limits: ChunkLimits): Omit<BuiltDataset, 'rows'> {
  if (priority.size === 0) return { chunks: chunk(records, limits) };
  const isPriority = (r: StoreRecord): boolean => priority.has((r.value as { code: string }).code);
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
      const records: StoreRecord[] = content.rows.map((r) => ({
        store: 'rvu',
        value: { ds, code: r.code, mod: r.modifier, status: r.status, w: r.work, pen: r.peNonFacility, pef: r.peFacility, mp: r.mp, nan: r.naNonFacility, naf: r.naFacility, pctc: r.pctc, glob: r.globalDays, mult: r.multProc, cf: r.conversionFactor },
      }));
      return { ...priorityFirst(records, priority, limits), rows: content.rows.length };
    }
    case 'gpci': {
      const records: StoreRecord[] = content.rows.map((r) => ({
        store: 'gpci',
        value: { ds, locality: r.locality, mac: r.mac, num: r.localityNumber, state: r.state, name: r.name, w: r.work, pe: r.pe, mp: r.mp },
      }));
      return { chunks: chunk(records, limits), rows: content.rows.length };
    }
    case 'mue': {
      const records: StoreRecord[] = content.rows.map((r) => ({ store: 'mue', value: { ds, code: r.code, v: r.value, mai: r.mai, r: r.rationale } }));
      return { ...priorityFirst(records, priority, limits), rows: content.rows.length };
    }
    case 'hcpcs': {
      const records: StoreRecord[] = content.rows.map((r) => ({ store: 'hcpcs', value: { ds, code: r.code, long: r.longDescription, short: r.shortDescription } }));
      records.push(...wordRecords(ds, content.rows.map((r) => [r.code, `${r.shortDescription} ${r.longDescription}`] as [string, string])));
      return { chunks: chunk(records, limits), rows: content.rows.length };
    }
    case 'curated-codes': {
      const records: StoreRecord[] = [
        { store: 'docs', value: { ds, name: 'codes', value: content.codes } },
        ...wordRecords(ds, content.codes.flatMap((c) => (c.summary ? [[c.code, c.summary] as [string, string]] : []))),
      ];
      return { chunks: chunk(records, limits), rows: content.codes.length };
    }
    case 'curated-tips':
      return { chunks: [[{ store: 'docs', value: { ds, name: 'tips', value: content.tips } }]], rows: content.tips.length };
    case 'conversion-factor':
      return { chunks: [[{ store: 'docs', value: { ds, name: 'factors', value: content.factors } }]], rows: content.factors.length };
    case 'zip-locality': {
      const records: StoreRecord[] = content.rows.map((r) => ({ store: 'zip', value: { ds, zip: r.zip, locality: r.locality, state: r.state } }));
      return { chunks: chunk(records, limits), rows: content.rows.length };
    }
  }
}
