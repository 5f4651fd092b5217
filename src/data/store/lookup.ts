/** Everything the popup shows for one code, read by key from the active datasets. */
import type { ConversionFactorEntry } from '../bundle-conversion-factor';
import { selectConversionFactor, selectPtpEdit } from '../dataset-selection';
import type { PtpEdit } from '../reference';
import { ptpEditApplies } from '../../rules/ptp';
import type { CodeCard, CodeCardRvu, LookupOptions, ReferenceStore } from './api';
import { codeOf, prefetchReference, toRvuRecord } from './prefetch';
import { unpackEdits, type PackedEdit } from './ptp-pack';
import { RecordReader } from './read-records';
import type { DatasetEntry, StoredDoc, StoredMue, StoredPtp, StoredRvu } from './records';
import { covers, isReadable, readRegistry, toRef } from './registry';
import { datasetForDos, newestOfKind } from './select';
import { statusMeaning } from './status-meaning';

const DEFAULT_PTP_LIMIT = 50;

/** Edits of one record active on the DOS, one per other code (see selectPtpEdit). */
function activeEdits(record: StoredPtp | null, dos: string): PackedEdit[] {
  if (!record) return [];
  const byOther = new Map<string, PackedEdit[]>();
  for (const edit of unpackEdits(record.e)) {
    if (edit.effective && edit.effective > dos) continue;
    const rows = byOther.get(edit.other);
    if (rows) rows.push(edit);
    else byOther.set(edit.other, [edit]);
  }
  const out: PackedEdit[] = [];
  for (const rows of byOther.values()) {
    const edit = selectPtpEdit(rows, dos);
    if (edit && ptpEditApplies(edit, dos)) out.push(edit);
  }
  return out.sort((a, b) => (a.other < b.other ? -1 : a.other > b.other ? 1 : 0));
}

export async function lookupCode(store: ReferenceStore, raw: string, options: LookupOptions & { qualifyingApm?: boolean }): Promise<CodeCard> {
  const code = codeOf(raw);
  const dos = options.dos;
  const locality = options.locality ?? 'national';
  const limit = options.ptpLimit ?? DEFAULT_PTP_LIMIT;
  const registry = (await readRegistry(store.db)).filter(isReadable);
  const ref = await prefetchReference(store, [code], [dos], { localities: [locality] });
  const reader = new RecordReader(store.db, new Set(registry.filter((e) => e.state === 'active').map((e) => e.key)));

  const rvuEntries = registry.filter((e) => e.kind === 'rvu' && covers(e, code)).sort((a, b) => (a.effective < b.effective ? -1 : 1));
  const rvuRows = new Map<string, StoredRvu[]>();
  for (const entry of rvuEntries) reader.rvuRows(entry.key, code, (rows) => rows && rvuRows.set(entry.key, rows));
  const mueEntries = registry.filter((e) => e.kind === 'mue' && covers(e, code)).sort((a, b) => (a.effective < b.effective ? 1 : -1));
  const mues = new Map<string, StoredMue>();
  for (const entry of mueEntries) reader.byCode<StoredMue>('mue', entry.key, code, (row) => row && mues.set(entry.key, row));
  const ptpEntry = datasetForDos(registry, 'ptp', dos);
  let forward: StoredPtp | null = null;
  let reverse: StoredPtp | null = null;
  if (ptpEntry) {
    reader.byCode<StoredPtp>('ptp', ptpEntry.key, code, (row) => (forward = row));
    reader.byCode<StoredPtp>('ptpRev', ptpEntry.key, code, (row) => (reverse = row));
  }
  const cfEntry = newestOfKind(registry, 'conversion-factor'); // the same choice as the claim prefetch
  let factors: ConversionFactorEntry[] = [];
  if (cfEntry) reader.doc(cfEntry.key, 'factors', (doc: StoredDoc | null) => (factors = (doc?.value as ConversionFactorEntry[] | undefined) ?? []));
  await reader.done();

  // One global row per year (an import of a year replaces the bundle's for that year).
  const byYear = new Map<number, CodeCardRvu>();
  for (const entry of rvuEntries) {
    const row = rvuRows.get(entry.key)?.find((r) => r.mod === '');
    if (!row) continue;
    const year = Number(entry.effective.slice(0, 4));
    const factor = selectConversionFactor(factors.filter((f) => f.year === year), `${year}-07-01`, options.qualifyingApm ?? false);
    byYear.set(year, {
      year,
      record: toRvuRecord(row, entry),
      ...(factor ? { conversionFactor: { year: factor.year, value: factor.value, source: factor.source } } : {}),
    });
  }
  const rvu = [...byYear.values()].sort((a, b) => a.year - b.year);
  const inEffectRvu = ref.rvu(code, '', dos);

  const toEdit = (entry: DatasetEntry, edit: PackedEdit, asColumn1: boolean): PtpEdit => ({
    column1: asColumn1 ? code : edit.other,
    column2: asColumn1 ? edit.other : code,
    deletion: edit.deletion,
    modifierIndicator: edit.modifierIndicator,
    rationale: entry.rationales?.[edit.rationale] ?? '',
    dataset: toRef(entry),
  });
  // Kinds still being written for this code (seed running): "rvu", "mue", "ptp", …
  const pending = [...new Set(ref.pending.map((p) => p.split(' ')[0] ?? p))];
  let asColumn1: PackedEdit[] = [];
  let asColumn2: PackedEdit[] = [];
  if (ptpEntry && covers(ptpEntry, code)) {
    asColumn1 = activeEdits(forward, dos);
    asColumn2 = activeEdits(reverse, dos);
  } else if (ptpEntry && !pending.includes('ptp')) pending.push('ptp');

  const mueInEffect = datasetForDos(registry, 'mue', dos);
  const curated = ref.curatedCode(code);
  const hcpcsDescription = ref.hcpcsDescription(code);
  const gpci = ref.gpci(locality, dos);
  return {
    code,
    known: ref.isKnownCode(code) || rvu.length > 0,
    ...(curated ? { curated } : {}),
    ...(hcpcsDescription ? { hcpcsDescription } : {}),
    ...(inEffectRvu ? { status: { code: inEffectRvu.status, meaning: statusMeaning(inEffectRvu.status) } } : {}),
    rvu,
    ...(gpci ? { gpci } : {}),
    ptp: {
      asColumn1: ptpEntry ? asColumn1.slice(0, limit).map((e) => toEdit(ptpEntry, e, true)) : [],
      asColumn2: ptpEntry ? asColumn2.slice(0, limit).map((e) => toEdit(ptpEntry, e, false)) : [],
      totalAsColumn1: asColumn1.length,
      totalAsColumn2: asColumn2.length,
      ...(ptpEntry ? { dataset: toRef(ptpEntry) } : {}),
    },
    mue: mueEntries.flatMap((entry) => {
      const row = mues.get(entry.key);
      return row ? [{ code, value: row.v, mai: row.mai, rationale: row.r, dataset: toRef(entry), inEffect: entry.key === mueInEffect?.key }] : [];
    }),
    tips: ref.tips().filter((t) => t.codes.includes(code) || (t.withCodes?.includes(code) ?? false)),
    pending,
  };
}
