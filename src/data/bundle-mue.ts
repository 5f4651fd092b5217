import type { DatasetRef, MueAdjudicationIndicator, MueRecord } from './reference';
import { CODE_PATTERN, FieldReader, tabularRows, type TabularHeader } from './bundle-text';

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

export function* iterateMueBundle(text: string, dataset: DatasetRef): Generator<MueRecord> {
  const f = new FieldReader(dataset.id, MUE_HEADER.columns);
  for (const { fields, line } of tabularRows(dataset.id, text, MUE_HEADER)) {
    f.at(fields, line);
    const value = f.number('value');
    if (!Number.isInteger(value) || value < 0) f.fail(`value ${value} is not a whole number of units`);
    yield {
      code: f.matching('code', CODE_PATTERN, 'a 5-character code'),
      value,
      mai: Number(f.oneOf('mai', ['1', '2', '3'])) as MueAdjudicationIndicator,
      rationale: f.required('rationale'),
      dataset,
    };
  }
}

export function parseMueBundle(text: string, dataset: DatasetRef): MueRecord[] {
  return [...iterateMueBundle(text, dataset)];
}
