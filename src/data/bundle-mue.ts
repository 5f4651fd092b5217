import type { DatasetRef, MueAdjudicationIndicator, MueRecord } from './reference';
import { CODE_PATTERN, FieldReader, LazyTable, tabularRows, type TabularHeader } from './bundle-text';

/** MUE bundle (mue-2024q3.tsv.gz, mue-2026q2.tsv.gz): code, value, MAI digit, rationale. */
export const MUE_HEADER: TabularHeader = {
  magic: '# claimlens mue v1',
  columns: ['code', 'value', 'mai', 'rationale'],
};

/** CMS wording of each MUE adjudication indicator. */
export const MAI_TEXT: Record<MueAdjudicationIndicator, string> = {
  1: 'Line Edit',
  2: 'Date of Service Edit: Policy',
  3: 'Date of Service Edit: Clinical',
};

/** One MUE row from its fields, every field checked. */
export function mueRecordFromFields(f: FieldReader, dataset: DatasetRef): MueRecord {
  const value = f.number('value');
  if (!Number.isInteger(value) || value < 0) f.fail(`value ${value} is not a whole number of units`);
  return {
    code: f.matching('code', CODE_PATTERN, 'a 5-character code'),
    value,
    mai: Number(f.oneOf('mai', ['1', '2', '3'])) as MueAdjudicationIndicator,
    rationale: f.required('rationale'),
    dataset,
  };
}

export function* iterateMueBundle(text: string, dataset: DatasetRef): Generator<MueRecord> {
  const f = new FieldReader(dataset.id, MUE_HEADER.columns);
  for (const { fields, line } of tabularRows(dataset.id, text, MUE_HEADER)) yield mueRecordFromFields(f.at(fields, line), dataset);
}

export function parseMueBundle(text: string, dataset: DatasetRef): MueRecord[] {
  return [...iterateMueBundle(text, dataset)];
}

/** MUE rows by code, each line parsed on first lookup. */
export class MueTable {
  private readonly table: LazyTable<MueRecord>;

  constructor(text: string, readonly dataset: DatasetRef) {
    this.table = new LazyTable(dataset.id, text, MUE_HEADER, 1, (f) => mueRecordFromFields(f, dataset));
  }

  get size(): number {
    return this.table.size;
  }

  get(code: string): MueRecord | undefined {
    return this.table.get(code);
  }

  has(code: string): boolean {
    return this.table.has(code);
  }
}
