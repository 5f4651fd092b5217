import type { DatasetRef, RvuRecord } from './reference';
import { CODE_PATTERN, FieldReader, tabularRows, type TabularHeader } from './bundle-text';

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

export function* iterateRvuBundle(text: string, dataset: DatasetRef): Generator<RvuBundleRecord> {
  const f = new FieldReader(dataset.id, RVU_HEADER.columns);
  for (const { fields, line } of tabularRows(dataset.id, text, RVU_HEADER)) {
    f.at(fields, line);
    yield {
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
}

export function parseRvuBundle(text: string, dataset: DatasetRef): RvuBundleRecord[] {
  return [...iterateRvuBundle(text, dataset)];
}

/** Key of an RVU row in lookup maps. */
export function rvuKey(code: string, modifier: string): string {
  return modifier === '' ? code : `${code}-${modifier}`;
}
