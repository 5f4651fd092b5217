/**
 * Reads what one claim needs (its codes, in the datasets in effect on its dates of
 * service) and answers the engine's synchronous ReferenceData from that.
 */
import type { ConversionFactorEntry } from '../bundle-conversion-factor';
import { selectConversionFactor, selectPtpEdit } from '../dataset-selection';
import type {
  ConversionFactor,
  CuratedCode,
  GpciRecord,
  MueRecord,
  PtpEdit,
  ReferenceData,
  RvuRecord,
  TipRule,
} from '../reference';
import { normalizeCode } from '../../rules/normalize-code';
import type { ReferenceStore } from './api';
import { unpackEdits, type PackedEdit } from './ptp-pack';
import { RecordReader } from './read-records';
import type { DatasetEntry, StoredGpci, StoredHcpcs, StoredMue, StoredPtp, StoredRvu } from './records';
import { covers, isReadable, readRegistry, toRef } from './registry';
import { datasetsForDos, newestOfKind } from './select';

export interface PrefetchOptions {
  /** Localities the claim may be priced in; omitted = the whole (small) GPCI table. */
  localities?: string[];
}

/** ReferenceData for one claim, plus what could not be answered yet. */
export interface PrefetchedReference extends ReferenceData {
  /** Datasets still being seeded that this claim needs, e.g. ["ptp (97150, 99213)"]. Empty when complete. */
  readonly pending: readonly string[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function codeOf(raw: string): string {
  return normalizeCode(raw)?.code ?? raw.trim().toUpperCase();
}

/** A stored RVU row as the engine's record (shared with the popup's lookup). */
export function toRvuRecord(row: StoredRvu, entry: DatasetEntry): RvuRecord {
  return {
    code: row.code, modifier: row.mod, status: row.status, work: row.w, peNonFacility: row.pen, peFacility: row.pef, mp: row.mp,
    naNonFacility: row.nan, naFacility: row.naf, pctc: row.pctc, globalDays: row.glob, multProc: row.mult, conversionFactor: row.cf,
    dataset: toRef(entry),
  };
}

class Prefetched implements PrefetchedReference {
  readonly rvuRows = new Map<string, StoredRvu[]>(); // `${ds}|${code}`
  readonly fwd = new Map<string, StoredPtp>(); // `${ds}|${code}`
  readonly rev = new Map<string, StoredPtp>();
  readonly mues = new Map<string, StoredMue>();
  readonly hcpcs = new Map<string, StoredHcpcs>();
  readonly gpcis = new Map<string, StoredGpci[]>(); // ds → rows
  factors: ConversionFactorEntry[] = [];
  curated = new Map<string, CuratedCode>();
  tipList: TipRule[] = [];
  pending: string[] = [];
  private readonly unpacked = new Map<StoredPtp, Map<string, PackedEdit[]>>();

  constructor(
    readonly registry: DatasetEntry[],
    readonly codes: ReadonlySet<string>,
  ) {}

  rvu(code: string, modifier: string, dos: string): RvuRecord | undefined {
    for (const entry of datasetsForDos(this.registry, 'rvu', dos)) {
      if (!covers(entry, code)) continue; // still being written for this code: see `pending`
      const row = this.rvuRows.get(`${entry.key}|${code}`)?.find((r) => r.mod === modifier);
      if (row) return toRvuRecord(row, entry);
    }
    return undefined;
  }

  conversionFactor(dos: string, qualifyingApm: boolean): ConversionFactor | undefined {
    const factor = selectConversionFactor(this.factors, dos, qualifyingApm);
    return factor ? { year: factor.year, value: factor.value, source: factor.source } : undefined;
  }

  gpci(locality: string, dos: string): GpciRecord | undefined {
    const entry = datasetsForDos(this.registry, 'gpci', dos)[0];
    if (!entry) return undefined;
    if (locality.trim().toLowerCase() === 'national') {
      return { locality: 'national', mac: '', localityNumber: '', state: '', name: 'National (all GPCIs 1.0)', work: 1, pe: 1, mp: 1, dataset: toRef(entry) };
    }
    const row = this.gpcis.get(entry.key)?.find((r) => r.locality === locality.trim());
    if (!row) return undefined;
    return { locality: row.locality, mac: row.mac, localityNumber: row.num, state: row.state, name: row.name, work: row.w, pe: row.pe, mp: row.mp, dataset: toRef(entry) };
  }

  /** Edits of one record by the other code (a pair can have several rows). */
  private edits(record: StoredPtp): Map<string, PackedEdit[]> {
    let map = this.unpacked.get(record);
    if (!map) {
      map = new Map();
      for (const edit of unpackEdits(record.e)) {
        const rows = map.get(edit.other);
        if (rows) rows.push(edit);
        else map.set(edit.other, [edit]);
      }
      this.unpacked.set(record, map);
    }
    return map;
  }

  ptpEdit(column1: string, column2: string, dos: string): PtpEdit | undefined {
    const entry = datasetsForDos(this.registry, 'ptp', dos)[0];
    if (!entry) return undefined;
    let rows: PackedEdit[] | undefined;
    if (covers(entry, column1)) {
      const forward = this.fwd.get(`${entry.key}|${column1}`);
      rows = forward && this.edits(forward).get(column2);
    } else if (covers(entry, column2)) {
      const reverse = this.rev.get(`${entry.key}|${column2}`);
      rows = reverse && this.edits(reverse).get(column1);
    }
    // An edit whose effective date is after the DOS is not in the table for that DOS.
    const edit = selectPtpEdit((rows ?? []).filter((r) => !r.effective || r.effective <= dos), dos);
    if (!edit) return undefined;
    return {
      column1,
      column2,
      deletion: edit.deletion,
      modifierIndicator: edit.modifierIndicator,
      rationale: entry.rationales?.[edit.rationale] ?? '',
      dataset: toRef(entry),
    };
  }

  mue(code: string, dos: string): MueRecord | undefined {
    const entry = datasetsForDos(this.registry, 'mue', dos)[0];
    const row = entry && covers(entry, code) && this.mues.get(`${entry.key}|${code}`);
    if (!entry || !row) return undefined;
    return { code: row.code, value: row.v, mai: row.mai, rationale: row.r, dataset: toRef(entry) };
  }

  hcpcsDescription(code: string): string | undefined {
    for (const [key, row] of this.hcpcs) if (key.endsWith(`|${code}`)) return row.long;
    return undefined;
  }

  curatedCode(code: string): CuratedCode | undefined {
    return this.curated.get(code);
  }

  tips(): readonly TipRule[] {
    return this.tipList;
  }

  isKnownCode(raw: string): boolean {
    const code = raw.trim().toUpperCase();
    if (!/^[0-9A-Z]{5}$/.test(code)) return false;
    for (const map of [this.rvuRows, this.fwd, this.rev, this.mues, this.hcpcs] as Array<Map<string, unknown>>) {
      for (const key of map.keys()) if (key.endsWith(`|${code}`)) return true;
    }
    return false;
  }
}

export async function prefetchReference(store: ReferenceStore, rawCodes: string[], rawDos: string[], options: PrefetchOptions = {}): Promise<PrefetchedReference> {
  const registry = (await readRegistry(store.db)).filter(isReadable);
  const codes = new Set(rawCodes.map(codeOf).filter((c) => c !== ''));
  const dosList = [...new Set(rawDos.filter((d) => ISO_DATE.test(d)))];
  if (dosList.length === 0) dosList.push(new Date().toISOString().slice(0, 10));
  const ref = new Prefetched(registry, codes);
  const reader = new RecordReader(store.db, new Set(registry.filter((e) => e.state === 'active').map((e) => e.key)));

  const selected = (kind: DatasetEntry['kind']): DatasetEntry[] => {
    const map = new Map<string, DatasetEntry>();
    for (const dos of dosList) for (const e of datasetsForDos(registry, kind, dos)) map.set(e.key, e);
    return [...map.values()];
  };

  for (const entry of selected('rvu')) for (const code of codes) reader.rvuRows(entry.key, code, (rows) => rows && ref.rvuRows.set(`${entry.key}|${code}`, rows));
  for (const entry of selected('mue')) for (const code of codes) reader.byCode<StoredMue>('mue', entry.key, code, (row) => row && ref.mues.set(`${entry.key}|${code}`, row));
  for (const kind of ['rvu', 'mue'] as const) {
    for (const entry of selected(kind)) {
      const uncovered = [...codes].filter((c) => !covers(entry, c));
      if (uncovered.length > 0) ref.pending.push(`${kind} (${uncovered.join(', ')})`);
    }
  }
  for (const entry of selected('ptp')) {
    for (const code of codes) {
      reader.byCode<StoredPtp>('ptp', entry.key, code, (row) => row && ref.fwd.set(`${entry.key}|${code}`, row));
      reader.byCode<StoredPtp>('ptpRev', entry.key, code, (row) => row && ref.rev.set(`${entry.key}|${code}`, row));
    }
    const uncovered = [...codes].filter((c) => !covers(entry, c));
    // A pair is answerable when either of its codes is covered; list the rest as pending.
    if (uncovered.length > 1) ref.pending.push(`ptp (${uncovered.join(', ')})`);
  }
  for (const entry of selected('gpci')) {
    reader.gpciTable(entry.key, (rows) => {
      const wanted = options.localities ? new Set(options.localities) : undefined;
      ref.gpcis.set(entry.key, (rows ?? []).filter((r) => !wanted || wanted.has(r.locality)));
    });
  }
  const hcpcs = newestOfKind(registry, 'hcpcs'); // registry: readable entries only
  if (hcpcs) for (const code of codes) reader.byCode<StoredHcpcs>('hcpcs', hcpcs.key, code, (row) => row && ref.hcpcs.set(`${hcpcs.key}|${code}`, row));
  const cf = newestOfKind(registry, 'conversion-factor');
  if (cf) reader.doc(cf.key, 'factors', (doc) => (ref.factors = (doc?.value as ConversionFactorEntry[] | undefined) ?? []));
  const curated = newestOfKind(registry, 'curated-codes');
  if (curated) reader.doc(curated.key, 'codes', (doc) => (ref.curated = new Map(((doc?.value as CuratedCode[] | undefined) ?? []).map((c) => [c.code, c]))));
  const tips = newestOfKind(registry, 'curated-tips');
  if (tips) reader.doc(tips.key, 'tips', (doc) => (ref.tipList = (doc?.value as TipRule[] | undefined) ?? []));
  await reader.done();

  for (const kind of ['rvu', 'ptp', 'mue', 'gpci', 'conversion-factor', 'curated-codes'] as const) {
    if (!registry.some((e) => e.kind === kind)) ref.pending.push(kind);
  }
  return ref;
}
