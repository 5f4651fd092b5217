import { CODE_PATTERN, FieldReader, MODIFIER_PATTERN, tabularRows, type TabularHeader } from './bundle-text';

/**
 * HCPCS Level II bundle (hcpcs-2025oct.tsv.gz): Level II codes and modifiers with their
 * public-domain descriptions, Medicare coverage code and dates. Contains no CPT codes.
 */
export const HCPCS_HEADER: TabularHeader = {
  magic: '# claimlens hcpcs v1',
  columns: ['code', 'kind', 'longDescription', 'shortDescription', 'coverage', 'added', 'actionEffective', 'terminated', 'action'],
};

export interface HcpcsRecord {
  code: string;
  kind: 'code' | 'modifier';
  longDescription: string;
  shortDescription: string;
  /** CMS coverage code: C carrier judgment, D special coverage instructions, I not payable by Medicare, M non-covered by Medicare, S non-covered by statute. '' for modifiers without one. */
  coverage: string;
  /** YYYY-MM-DD the code was added to HCPCS, or null when CMS left it blank. */
  added: string | null;
  /** YYYY-MM-DD the latest action took effect, or null when CMS left it blank. */
  actionEffective: string | null;
  /** YYYY-MM-DD the code ends, or null. */
  terminated: string | null;
  /** CMS action code of the latest change (N no change, A added, C changed, D discontinued, …). */
  action: string;
}

export function* iterateHcpcsBundle(text: string, datasetId: string): Generator<HcpcsRecord> {
  const f = new FieldReader(datasetId, HCPCS_HEADER.columns);
  const date = (column: string, optional: boolean): string | null => {
    const raw = f.text(column);
    if (raw === '' && optional) return null;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) f.fail(`${column} ${JSON.stringify(raw)} is not a YYYY-MM-DD date`);
    return raw;
  };
  for (const { fields, line } of tabularRows(datasetId, text, HCPCS_HEADER)) {
    f.at(fields, line);
    const kind = f.oneOf('kind', ['code', 'modifier']);
    const code = f.matching('code', kind === 'code' ? CODE_PATTERN : MODIFIER_PATTERN, `a Level II ${kind}`);
    yield {
      code,
      kind,
      longDescription: f.required('longDescription'),
      shortDescription: f.text('shortDescription'),
      coverage: f.matching('coverage', /^[A-Z]?$/, 'a coverage letter'),
      added: date('added', true),
      actionEffective: date('actionEffective', true),
      terminated: date('terminated', true),
      action: f.matching('action', /^[A-Z]$/, 'an action letter'),
    };
  }
}

export function parseHcpcsBundle(text: string, datasetId: string): HcpcsRecord[] {
  return [...iterateHcpcsBundle(text, datasetId)];
}
