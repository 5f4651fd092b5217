import type { DatasetRef, RvuRecord } from './reference';
import { CODE_PATTERN, FieldReader, LazyTable, tabularRows, type TabularHeader } from './bundle-text';

/**
 * RVU bundle (rvu-2025.tsv.gz, rvu-2026.tsv): one line per PFS relative value file row
 * (code + modifier), the columns the engine and popup use, numbers exactly as CMS printed
 * them. DESCRIPTION is kept only for HCPCS Level II codes (CPT descriptors are AMA's).
 */
export const RVU_HEADER: TabularHeader = {
  magic: '# claimlens rvu v1',
  columns: [
    'code',
    'modifier',
    'status',
    'notUsedForMedicare',
    'work',
    'peNonFacility',
    'naNonFacility',
    'peFacility',
    'naFacility',
    'mp',
    'pctc',
    'globalDays',
    'multProc',
    'conversionFactor',
    'description',
  ],
};

/** An RVU row as bundled: the engine's record plus the Level II description, if any. */
export interface RvuBundleRecord extends RvuRecord {
  /** HCPCS Level II description from the RVU file; '' for CPT codes (blanked, AMA). */
  description: string;
  /** CMS "+" flag: the code is not used for Medicare payment. */
  notUsedForMedicare: boolean;
}

const MODIFIERS = /^([0-9A-Z]{2})?$/;
const STATUS = /^[A-Z]$/;
const GLOBAL_DAYS = /^(\d{3}|XXX|YYY|ZZZ|MMM)$/;
const DIGIT = /^\d$/;

/** One RVU row from its fields, every field checked. */
export function rvuRecordFromFields(f: FieldReader, dataset: DatasetRef): RvuBundleRecord {
  return {
    code: f.matching('code', CODE_PATTERN, 'a 5-character code'),
    modifier: f.matching('modifier', MODIFIERS, "a 2-character modifier or ''"),
    status: f.matching('status', STATUS, 'a PFS status letter'),
    notUsedForMedicare: f.oneOf('notUsedForMedicare', ['', '+']) === '+',
    work: f.number('work'),
    peNonFacility: f.number('peNonFacility'),
    naNonFacility: f.oneOf('naNonFacility', ['', 'NA']) === 'NA',
    peFacility: f.number('peFacility'),
    naFacility: f.oneOf('naFacility', ['', 'NA']) === 'NA',
    mp: f.number('mp'),
    pctc: f.matching('pctc', DIGIT, 'a PC/TC digit'),
    globalDays: f.matching('globalDays', GLOBAL_DAYS, 'a global period'),
    multProc: f.matching('multProc', DIGIT, 'a multiple procedure digit'),
    conversionFactor: f.number('conversionFactor'),
    description: f.text('description'),
    dataset,
  };
}

export function* iterateRvuBundle(text: string, dataset: DatasetRef): Generator<RvuBundleRecord> {
  const f = new FieldReader(dataset.id, RVU_HEADER.columns);
  for (const { fields, line } of tabularRows(dataset.id, text, RVU_HEADER)) yield rvuRecordFromFields(f.at(fields, line), dataset);
}

export function parseRvuBundle(text: string, dataset: DatasetRef): RvuBundleRecord[] {
  return [...iterateRvuBundle(text, dataset)];
}

/** Key of an RVU row in lookup maps: code, tab, modifier (as the bundle line starts). */
export function rvuKey(code: string, modifier: string): string {
  return `${code}\t${modifier}`;
}

/** RVU rows by code and modifier, each line parsed on first lookup. */
export class RvuTable {
  private readonly table: LazyTable<RvuBundleRecord>;

  constructor(text: string, readonly dataset: DatasetRef) {
    this.table = new LazyTable(dataset.id, text, RVU_HEADER, 2, (f) => rvuRecordFromFields(f, dataset));
  }

  get size(): number {
    return this.table.size;
  }

  get(code: string, modifier: string): RvuBundleRecord | undefined {
    return this.table.get(rvuKey(code, modifier));
  }

  /** Any row for the code (global, 26, TC or 53). */
  hasCode(code: string): boolean {
    return ['', '26', 'TC', '53'].some((modifier) => this.table.has(rvuKey(code, modifier)));
  }
}
