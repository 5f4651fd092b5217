/**
 * NCCI practitioner PTP edits as CMS publishes them: a zip of four tab-delimited parts
 * `ccipra-vNNNrN-f1.txt` … `-f4.txt`, each with copyright/preamble rows, a header row
 * starting `Column 1`, `Column 2`, sub-header rows, then one edit per row:
 * column 1, column 2, `*` if in existence prior to 1996, effective date, deletion date
 * (YYYYMMDD or `*`), modifier indicator (0/1/9), PTP edit rationale.
 */
import { cmsDateToIso } from '../bundle-text';
import { CODE_PATTERN } from '../../rules/normalize-code';
import type { PtpModifierIndicator } from '../reference';
import type { PackedEdit } from '../store/ptp-pack';
import { ImportError } from './errors';
import { isBlank, parseTabbed } from './text';

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
  /** Edits by column 1. */
  groups: Map<string, PackedEdit[]>;
  rows: number;
  /** Latest edit effective date in the part (YYYY-MM-DD). */
  latestEffective: string;
}

/** Does this text look like a PTP part (a header row starting Column 1, Column 2)? */
export function looksLikePtpPart(text: string): boolean {
  return /^\s*"?Column 1"?\t"?Column 2"?/m.test(text.slice(0, 20_000));
}

/**
 * Parses and checks one part. `rationales` is shared across parts (text → index).
 * Throws ImportError naming the member and line of the first problem.
 */
export function parsePtpPart(text: string, member: string, rationales: Map<string, number>, into?: PtpPart): PtpPart {
  const part: PtpPart = into ?? { groups: new Map(), rows: 0, latestEffective: '' };
  const rows = parseTabbed(text);
  const headerAt = rows.findIndex((r) => r.cells[0] === 'Column 1' && r.cells[1] === 'Column 2');
  if (headerAt === -1) throw new ImportError(`${member}: no header row starting "Column 1", "Column 2" — not an NCCI PTP file`, undefined, member);
  const fail = (line: number, detail: string): never => {
    throw new ImportError(`${member}, line ${line}: ${detail}`, line, member);
  };
  let seenData = false;
  for (const row of rows.slice(headerAt + 1)) {
    if (isBlank(row)) continue;
    const [c1 = '', c2 = '', , effRaw = '', delRaw = '', modRaw = '', rationale = ''] = row.cells;
    if (!CODE_PATTERN.test(c1)) {
      // Sub-header rows ("0=not allowed", "*=no data") sit between the header and the data.
      if (!seenData) continue;
      fail(row.line, `column 1 ${JSON.stringify(c1.slice(0, 20))} is not a procedure code`);
    }
    seenData = true;
    if (row.cells.length < 7) fail(row.line, `expected 7 tab-separated cells, found ${row.cells.length} (file cut short?)`);
    if (!CODE_PATTERN.test(c2)) fail(row.line, `column 2 ${JSON.stringify(c2.slice(0, 20))} is not a procedure code`);
    const effective = cmsDateToIso(effRaw) ?? fail(row.line, `effective date ${JSON.stringify(effRaw)} is not YYYYMMDD`);
    const deletion = delRaw === '*' ? null : (cmsDateToIso(delRaw) ?? fail(row.line, `deletion date ${JSON.stringify(delRaw)} is neither YYYYMMDD nor *`));
    if (modRaw !== '0' && modRaw !== '1' && modRaw !== '9') fail(row.line, `modifier indicator ${JSON.stringify(modRaw)} is not 0, 1 or 9`);
    if (!rationale) fail(row.line, 'the PTP edit rationale is empty');
    let rationaleIndex = rationales.get(rationale);
    if (rationaleIndex === undefined) {
      rationaleIndex = rationales.size;
      rationales.set(rationale, rationaleIndex);
    }
    const edit: PackedEdit = { other: c2, effective, deletion, modifierIndicator: Number(modRaw) as PtpModifierIndicator, rationale: rationaleIndex };
    const group = part.groups.get(c1);
    if (group) group.push(edit);
    else part.groups.set(c1, [edit]);
    part.rows += 1;
    if (effective > part.latestEffective) part.latestEffective = effective;
  }
  if (!seenData) throw new ImportError(`${member}: the header is there but no edit rows follow (empty or cut-off file)`, undefined, member);
  return part;
}
