/**
 * NCCI practitioner PTP edits as CMS publishes them: a zip of four tab-delimited parts
 * `ccipra-vNNNrN-f1.txt` … `-f4.txt`, each with copyright/preamble rows, a header row
 * starting `Column 1`, `Column 2`, sub-header rows, then one edit per row:
 * column 1, column 2, `*` if in existence prior to 1996, effective date, deletion date
 * (YYYYMMDD or `*`), modifier indicator (0/1/9), PTP edit rationale.
 */
import { cmsDateToIso } from '../bundle-text';
import { CODE_PATTERN } from './code-pattern';
import { ImportError } from './errors';

export interface PtpVersion {
  /** "v322r0" */
  slug: string;
  /** "NCCI practitioner PTP v32.2 rev 0" */
  version: string;
  /** First day of the quarter the version number stands for (v32.2 → 2026-07-01). */
  effective: string;
  part?: number;
}

const MEMBER = /ccipra-v(\d{2})(\d)r(\d+)(?:-f([1-4]))?/i;

/** Version from a member or file name: v322r0 = 32.2 rev 0. */
export function ptpVersionFromName(name: string): PtpVersion | undefined {
  const m = MEMBER.exec(name);
  if (!m) return undefined;
  const [, major = '', quarter = '', rev = '', part] = m;
  // NCCI numbering: version NN.Q is calendar year 1994 + NN, quarter Q + 1 (30.2 = 2024 Q3).
  const year = 1994 + Number(major);
  const month = ['01', '04', '07', '10'][Number(quarter)];
  if (!month) return undefined;
  return {
    slug: `v${major}${quarter}r${rev}`,
    version: `NCCI practitioner PTP v${major}.${quarter} rev ${rev}`,
    effective: `${year}-${month}-01`,
    ...(part ? { part: Number(part) } : {}),
  };
}

export interface PtpPart {
  /** Edits by column 1, then by group key (deletion/modifier/rationale/effective), column-2 codes. */
  groups: Map<string, Map<string, string[]>>;
  rows: number;
  /** Latest edit effective date in the part (YYYY-MM-DD). */
  latestEffective: string;
}

/** Does this text look like a PTP part (a header row starting Column 1, Column 2)? */
export function looksLikePtpPart(text: string): boolean {
  return /^\s*"?Column 1"?\t"?Column 2"?/m.test(text.slice(0, 20_000));
}

const unquote = (cell: string): string => {
  const trimmed = cell.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1).trim() : trimmed;
};

/**
 * Parses and checks one part, line by line (a CMS part is ~40 MB of text: no per-row
 * arrays or objects are kept, only the codes grouped by column 1 and edit attributes).
 * `rationales` is shared across parts (text → index).
 * Throws ImportError naming the member and line of the first problem.
 */
export function parsePtpPart(text: string, member: string, rationales: Map<string, number>, into?: PtpPart): PtpPart {
  const part: PtpPart = into ?? { groups: new Map(), rows: 0, latestEffective: '' };
  const fail = (line: number, detail: string): never => {
    throw new ImportError(`${member}, line ${line}: ${detail}`, line, member);
  };
  let header = false;
  let seenData = false;
  let line = 0;
  let pos = 0;
  const dateKey = new Map<string, string | null>(); // YYYYMMDD → checked, compact form
  const checkDate = (raw: string, what: string, allowStar: boolean): string => {
    let checked = dateKey.get(raw);
    if (checked === undefined) {
      checked = allowStar && raw === '*' ? '*' : cmsDateToIso(raw) ? raw : null;
      dateKey.set(raw, checked);
    }
    if (checked === null) fail(line, `${what} ${JSON.stringify(raw)} is ${allowStar ? 'neither YYYYMMDD nor *' : 'not YYYYMMDD'}`);
    return checked as string;
  };
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = text.length;
    const raw = text.slice(pos, end);
    pos = end + 1;
    line += 1;
    if (raw.trim() === '') continue;
    const cells = raw.split('\t');
    if (!header) {
      header = unquote(cells[0] ?? '') === 'Column 1' && unquote(cells[1] ?? '') === 'Column 2';
      continue;
    }
    const c1 = unquote(cells[0] ?? '');
    if (!CODE_PATTERN.test(c1)) {
      // Sub-header rows ("0=not allowed", "*=no data") sit between the header and the data.
      if (!seenData) continue;
      fail(line, `column 1 ${JSON.stringify(c1.slice(0, 20))} is not a procedure code`);
    }
    seenData = true;
    if (cells.length < 7) fail(line, `expected 7 tab-separated cells, found ${cells.length} (file cut short?)`);
    const c2 = unquote(cells[1] ?? '');
    if (!CODE_PATTERN.test(c2)) fail(line, `column 2 ${JSON.stringify(c2.slice(0, 20))} is not a procedure code`);
    const effective = checkDate(unquote(cells[3] ?? ''), 'effective date', false);
    const deletion = checkDate(unquote(cells[4] ?? ''), 'deletion date', true);
    const modifier = unquote(cells[5] ?? '');
    if (modifier !== '0' && modifier !== '1' && modifier !== '9') fail(line, `modifier indicator ${JSON.stringify(modifier)} is not 0, 1 or 9`);
    const rationale = unquote(cells[6] ?? '');
    if (!rationale) fail(line, 'the PTP edit rationale is empty');
    let rationaleIndex = rationales.get(rationale);
    if (rationaleIndex === undefined) {
      rationaleIndex = rationales.size;
      rationales.set(rationale, rationaleIndex);
    }
    // Group key in the packed format of src/data/store/ptp-pack.ts.
    const key = `${deletion}/${modifier}/${rationaleIndex}/${effective}`;
    let byKey = part.groups.get(c1);
    if (!byKey) {
      byKey = new Map();
      part.groups.set(c1, byKey);
    }
    const codes = byKey.get(key);
    if (codes) codes.push(c2);
    else byKey.set(key, [c2]);
    part.rows += 1;
    const iso = cmsDateToIso(effective) ?? '';
    if (iso > part.latestEffective) part.latestEffective = iso;
  }
  if (!header) throw new ImportError(`${member}: no header row starting "Column 1", "Column 2" — not an NCCI PTP file`, undefined, member);
  if (!seenData) throw new ImportError(`${member}: the header is there but no edit rows follow (empty or cut-off file)`, undefined, member);
  return part;
}

/** Packed body of one column-1 code (ptp-pack.ts format). */
export function packGroup(byKey: Map<string, string[]>): string {
  return [...byKey].map(([key, codes]) => `${key}:${codes.join(',')}`).join(';');
}
