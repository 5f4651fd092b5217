import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { PTP_MAGIC } from '../../src/data/bundle-ptp';
import { cmsPath } from './paths';
import { expectCount, type BuiltDataset } from './dataset';

const PTP_FILE = 'ncci_ptp/ccipra_practitioner_PTP_Eff_07-01-2024.csv.gz';
const HEADER = 'COLUMN_1,COLUMN_2,DELETION_DATE,MODIFIER_INDICATOR,PTP_EDIT_RATIONALE';
const CODE = /^[0-9A-Z]{5}$/;
const DELETION = /^(\*|\d{8})$/;

function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The whole practitioner PTP table, grouped by column 1 and, within it, by
 * (deletion, modifier indicator, rationale): 151 MB of CSV becomes a few MB of text.
 */
export async function buildPtp2024q3(): Promise<BuiltDataset & { active: number }> {
  const lines = createInterface({ input: createReadStream(cmsPath(PTP_FILE)).pipe(createGunzip()), crlfDelay: Infinity });
  // column1 -> "deletion<TAB>modifier<TAB>rationale text" -> column2 codes
  const table = new Map<string, Map<string, string[]>>();
  const pairs = new Map<string, Set<string>>();
  const rationales = new Set<string>();
  let rows = 0;
  let active = 0;
  let lineNo = 0;
  for await (const line of lines) {
    lineNo += 1;
    if (lineNo === 1) {
      if (line !== HEADER) throw new Error(`${PTP_FILE}: unexpected header ${line}`);
      continue;
    }
    if (line === '') continue;
    const fields = line.split(',');
    const [column1 = '', column2 = '', deletion = '', modifier = '', rationale = ''] = fields;
    const where = `${PTP_FILE} line ${lineNo}`;
    if (fields.length !== 5 || !CODE.test(column1) || !CODE.test(column2) || !DELETION.test(deletion)
      || !/^[019]$/.test(modifier) || rationale === '' || !/^[\x20-\x7e]+$/.test(rationale)) {
      throw new Error(`${where}: unexpected row ${line}`);
    }
    // A pair can have several rows (an edit deleted and later re-added with other
    // attributes); only a repeat of the whole row is an error.
    const seen = pairs.get(column1) ?? new Set<string>();
    const rowKey = `${column2},${deletion},${modifier},${rationale}`;
    if (seen.has(rowKey)) throw new Error(`${where}: row repeated: ${line}`);
    seen.add(rowKey);
    pairs.set(column1, seen);
    rows += 1;
    if (deletion === '*') active += 1;
    rationales.add(rationale);
    const groups = table.get(column1) ?? new Map<string, string[]>();
    const key = `${deletion}\t${modifier}\t${rationale}`;
    const codes = groups.get(key) ?? [];
    codes.push(column2);
    groups.set(key, codes);
    table.set(column1, groups);
  }
  expectCount(PTP_FILE, rows, 2546017);
  expectCount(`${PTP_FILE} active edits`, active, 1669820);

  const rationaleList = [...rationales].sort(byString);
  const rationaleIndex = new Map(rationaleList.map((text, i) => [text, i]));
  const column2Only = new Set<string>();
  for (const groups of table.values()) {
    for (const codes of groups.values()) for (const code of codes) if (!table.has(code)) column2Only.add(code);
  }

  const out: string[] = [PTP_MAGIC];
  rationaleList.forEach((text, i) => out.push(`R\t${i}\t${text}`));
  out.push(`K\t${[...column2Only].sort(byString).join(',')}`);
  for (const column1 of [...table.keys()].sort(byString)) {
    const groups = table.get(column1) ?? new Map<string, string[]>();
    const parts = [...groups.entries()]
      .map(([key, codes]) => {
        const [deletion, modifier, rationale = ''] = key.split('\t');
        return `${deletion}/${modifier}/${rationaleIndex.get(rationale)}:${codes.sort(byString).join(',')}`;
      })
      .sort(byString);
    out.push(`${column1}\t${parts.join(';')}`);
  }
  return {
    active,
    content: out.join('\n') + '\n',
    entry: {
      id: 'ptp-2024q3',
      kind: 'ptp',
      version: 'NCCI practitioner PTP v30.2 (2024 Q3)',
      effective: '2024-07-01',
      source: {
        file: 'ccipra-v302r0 f1-f4 ("Medicare NCCI Procedure-to-Procedure Edits 07-01-2024 - Practitioner")',
        provenance: 'andrewallenbruce/northstar inst/extdata/pins/ncci_ptp_prac/20240622T072926Z-12e14/ncci_ptp_prac.qs (decoded and un-nested), commit 24c003610ac7bfdbcb14ab6bd2839bd7ee6596f6',
      },
      file: 'ptp-2024q3.txt.gz',
      rows,
      lacks: [
        'the version number v30.2 is inferred from the quarter; the source only names the quarter',
        'the CMS effective date of each edit and the "in existence prior to 1996" flag (dropped by the source)',
        'edits added or deleted after 2024 Q3 (2024 Q4 to 2026): this table is used for every later date of service',
      ],
      notes: `${active} active edits (deletion "*") and ${rows - active} deleted ones, which still apply to dates of service before their deletion date.`,
    },
  };
}
