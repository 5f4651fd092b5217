import type { DatasetRef, PtpEdit, PtpModifierIndicator } from './reference';
import { BundleFormatError, CODE_PATTERN, cmsDateToIso } from './bundle-text';
import { selectPtpEdit } from './dataset-selection';

/**
 * NCCI PTP bundle (ptp-2024q3.txt.gz): the whole practitioner table, grouped by column 1.
 *
 *   # claimlens ptp v1
 *   R<TAB>0<TAB>CPT Manual or CMS manual coding instruction     rationale string table
 *   K<TAB>0591T,0592T,…                                         codes seen only in column 2
 *   97150<TAB>*\/1/5:97530,97532;20191231/9/1:…                 one line per column-1 code
 *
 * A column-1 line holds groups separated by ';'. Each group is
 * `deletion/modifierIndicator/rationaleIndex:column2,column2,…` where deletion is CMS's
 * YYYYMMDD or '*' (still active). R and K lines come before the first column-1 line.
 * A pair may appear in more than one group (an edit deleted and re-added later): use
 * selectPtpEdit (dataset-selection.ts) to pick the row in effect for a date of service.
 */
export const PTP_MAGIC = '# claimlens ptp v1';

/** A column-1 code with every edit it heads. */
export interface PtpGroup {
  column1: string;
  edits: PtpEdit[];
}

interface PtpHeader {
  rationales: string[];
  column2Only: string[];
  /** Offset of the first column-1 line and its line number. */
  bodyStart: number;
  bodyLine: number;
}

function readHeader(text: string, datasetId: string): PtpHeader {
  const firstEnd = text.indexOf('\n');
  const magic = (firstEnd === -1 ? text : text.slice(0, firstEnd)).replace(/\r$/, '');
  if (magic !== PTP_MAGIC) {
    throw new BundleFormatError(datasetId, 1, `expected format line ${JSON.stringify(PTP_MAGIC)}, found ${JSON.stringify(magic.slice(0, 60))}`);
  }
  const rationales: string[] = [];
  let column2Only: string[] = [];
  let pos = firstEnd + 1;
  let line = 2;
  while (pos < text.length && (text.startsWith('R\t', pos) || text.startsWith('K\t', pos))) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = text.length;
    const fields = text.slice(pos, end).replace(/\r$/, '').split('\t');
    if (fields[0] === 'R') {
      if (fields.length !== 3 || fields[1] !== String(rationales.length) || !fields[2]) {
        throw new BundleFormatError(datasetId, line, `expected rationale ${rationales.length} as R<TAB>${rationales.length}<TAB>text`);
      }
      rationales.push(fields[2]);
    } else {
      column2Only = (fields[1] ?? '').split(',').filter((code) => code !== '');
      const bad = column2Only.find((code) => !CODE_PATTERN.test(code));
      if (fields.length !== 2 || bad !== undefined) {
        throw new BundleFormatError(datasetId, line, `column-2 code list holds ${JSON.stringify(bad ?? fields.slice(2).join(' '))}`);
      }
    }
    pos = end + 1;
    line += 1;
  }
  if (rationales.length === 0) throw new BundleFormatError(datasetId, line, 'no rationale table (R lines) before the edits');
  return { rationales, column2Only, bodyStart: pos, bodyLine: line };
}

/** Parses one column-1 line into its edits; checks every field. */
export function parsePtpLine(
  lineText: string,
  line: number,
  rationales: readonly string[],
  dataset: DatasetRef,
  deletionCache: Map<string, string | null> = new Map(),
): PtpGroup {
  const fail = (detail: string): never => {
    throw new BundleFormatError(dataset.id, line, detail);
  };
  const tab = lineText.indexOf('\t');
  if (tab === -1) fail('expected column-1 code, a tab, then edit groups');
  const column1 = lineText.slice(0, tab);
  if (!CODE_PATTERN.test(column1)) fail(`column 1 ${JSON.stringify(column1)} is not a 5-character code`);
  const edits: PtpEdit[] = [];
  for (const group of lineText.slice(tab + 1).split(';')) {
    const colon = group.indexOf(':');
    const key = colon === -1 ? [] : group.slice(0, colon).split('/');
    if (key.length !== 3) fail(`group ${JSON.stringify(group.slice(0, 40))} is not deletion/modifier/rationale:codes`);
    const [deletionRaw = '', modifierRaw = '', rationaleRaw = ''] = key;
    let deletion = deletionCache.get(deletionRaw);
    if (deletion === undefined) {
      deletion = deletionRaw === '*' ? null : (cmsDateToIso(deletionRaw) ?? fail(`deletion ${JSON.stringify(deletionRaw)} is neither '*' nor YYYYMMDD`));
      deletionCache.set(deletionRaw, deletion);
    }
    if (modifierRaw !== '0' && modifierRaw !== '1' && modifierRaw !== '9') fail(`modifier indicator ${JSON.stringify(modifierRaw)} is not 0, 1 or 9`);
    const modifierIndicator = Number(modifierRaw) as PtpModifierIndicator;
    const rationale = /^\d+$/.test(rationaleRaw) ? rationales[Number(rationaleRaw)] : undefined;
    if (rationale === undefined) fail(`rationale index ${JSON.stringify(rationaleRaw)} is not in the rationale table`);
    for (const column2 of group.slice(colon + 1).split(',')) {
      if (!CODE_PATTERN.test(column2)) fail(`column 2 ${JSON.stringify(column2)} is not a 5-character code`);
      edits.push({ column1, column2, deletion, modifierIndicator, rationale: rationale as string, dataset });
    }
  }
  return { column1, edits };
}

/** Every column-1 group of a PTP bundle, validated, in file order (for seeding stores). */
export function* iteratePtpBundle(text: string, dataset: DatasetRef): Generator<PtpGroup> {
  const header = readHeader(text, dataset.id);
  const deletionCache = new Map<string, string | null>();
  let pos = header.bodyStart;
  let line = header.bodyLine;
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = text.length;
    const lineText = text.slice(pos, end).replace(/\r$/, '');
    if (lineText !== '') yield parsePtpLine(lineText, line, header.rationales, dataset, deletionCache);
    pos = end + 1;
    line += 1;
  }
}

/**
 * Lazy lookup over a PTP bundle text: indexes where each column-1 line starts (one pass
 * of indexOf over the text) and parses a column-1 line only when it is first asked for.
 * Keeps ~10,000 ptpEdit calls for a 100-line claim well under 10 ms.
 */
export class PtpIndex {
  private readonly header: PtpHeader;
  private readonly lineStart = new Map<string, number>();
  private readonly lineNumber = new Map<string, number>();
  private readonly parsed = new Map<string, Map<string, PtpEdit | PtpEdit[]>>();
  private readonly deletionCache = new Map<string, string | null>();
  private column2OnlySet: Set<string> | undefined;

  constructor(
    private readonly text: string,
    readonly dataset: DatasetRef,
  ) {
    this.header = readHeader(text, dataset.id);
    let pos = this.header.bodyStart;
    let line = this.header.bodyLine;
    while (pos < text.length) {
      const tab = text.indexOf('\t', pos);
      let end = text.indexOf('\n', pos);
      if (end === -1) end = text.length;
      if (end > pos) {
        if (tab === -1 || tab > end) throw new BundleFormatError(dataset.id, line, 'expected column-1 code, a tab, then edit groups');
        const column1 = text.slice(pos, tab);
        if (this.lineStart.has(column1)) throw new BundleFormatError(dataset.id, line, `column 1 ${column1} appears on two lines`);
        this.lineStart.set(column1, pos);
        this.lineNumber.set(column1, line);
      }
      pos = end + 1;
      line += 1;
    }
  }

  /** Number of column-1 codes. */
  get column1Count(): number {
    return this.lineStart.size;
  }

  get rationales(): readonly string[] {
    return this.header.rationales;
  }

  /**
   * The edit for this ordered pair in effect for the DOS, active or deleted (see
   * selectPtpEdit); undefined when the table has none.
   */
  edit(column1: string, column2: string, dos: string): PtpEdit | undefined {
    const found = this.group(column1)?.get(column2);
    return Array.isArray(found) ? selectPtpEdit(found, dos) : found;
  }

  /** Every row of the table for this ordered pair (usually one). */
  rows(column1: string, column2: string): readonly PtpEdit[] {
    const found = this.group(column1)?.get(column2);
    return found === undefined ? [] : Array.isArray(found) ? found : [found];
  }

  /** All edits with this column-1 code by column 2 (parsed on first use). */
  private group(column1: string): Map<string, PtpEdit | PtpEdit[]> | undefined {
    let edits = this.parsed.get(column1);
    if (edits) return edits;
    const start = this.lineStart.get(column1);
    if (start === undefined) return undefined;
    let end = this.text.indexOf('\n', start);
    if (end === -1) end = this.text.length;
    const lineText = this.text.slice(start, end).replace(/\r$/, '');
    const group = parsePtpLine(lineText, this.lineNumber.get(column1) ?? 0, this.header.rationales, this.dataset, this.deletionCache);
    edits = new Map();
    for (const edit of group.edits) {
      const existing = edits.get(edit.column2);
      if (existing === undefined) edits.set(edit.column2, edit);
      else if (Array.isArray(existing)) existing.push(edit);
      else edits.set(edit.column2, [existing, edit]);
    }
    this.parsed.set(column1, edits);
    return edits;
  }

  /** Is the code in the table, as column 1 or column 2? */
  hasCode(code: string): boolean {
    if (this.lineStart.has(code)) return true;
    this.column2OnlySet ??= new Set(this.header.column2Only);
    return this.column2OnlySet.has(code);
  }

  column1Codes(): IterableIterator<string> {
    return this.lineStart.keys();
  }
}
