import { CODE_PATTERN, FieldReader, LazyTable, MODIFIER_PATTERN, tabularRows, type TabularHeader } from './bundle-text';

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

/** One HCPCS row from its fields, every field checked. */
export function hcpcsRecordFromFields(f: FieldReader): HcpcsRecord {
  const date = (column: string): string | null => {
    const raw = f.text(column);
    if (raw === '') return null;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) f.fail(`${column} ${JSON.stringify(raw)} is not a YYYY-MM-DD date`);
    return raw;
  };
  const kind = f.oneOf('kind', ['code', 'modifier']);
  return {
    code: f.matching('code', kind === 'code' ? CODE_PATTERN : MODIFIER_PATTERN, `a Level II ${kind}`),
    kind,
    longDescription: f.required('longDescription'),
    shortDescription: f.text('shortDescription'),
    coverage: f.matching('coverage', /^[A-Z]?$/, 'a coverage letter'),
    added: date('added'),
    actionEffective: date('actionEffective'),
    terminated: date('terminated'),
    action: f.matching('action', /^[A-Z]$/, 'an action letter'),
  };
}

export function* iterateHcpcsBundle(text: string, datasetId: string): Generator<HcpcsRecord> {
  const f = new FieldReader(datasetId, HCPCS_HEADER.columns);
  for (const { fields, line } of tabularRows(datasetId, text, HCPCS_HEADER)) yield hcpcsRecordFromFields(f.at(fields, line));
}

export function parseHcpcsBundle(text: string, datasetId: string): HcpcsRecord[] {
  return [...iterateHcpcsBundle(text, datasetId)];
}

/** HCPCS Level II codes and modifiers by code, each line parsed on first lookup. */
export class HcpcsTable {
  private readonly table: LazyTable<HcpcsRecord>;

  constructor(text: string, datasetId: string) {
    this.table = new LazyTable(datasetId, text, HCPCS_HEADER, 1, hcpcsRecordFromFields);
  }

  get size(): number {
    return this.table.size;
  }

  get(code: string): HcpcsRecord | undefined {
    return this.table.get(code);
  }

  has(code: string): boolean {
    return this.table.has(code);
  }
}
