import { HCPCS_HEADER } from '../../src/data/bundle-hcpcs';
import { cmsDateToIso, formatTabularHeader } from '../../src/data/bundle-text';
import { cmsPath } from './paths';
import { readCmsCsv, tsvLine } from './csv';
import { expectCount, type BuiltDataset } from './dataset';

const HCPCS_FILE = 'hcpcs/HCPC2025_OCT_ANWEB.csv';
const COLUMNS = [
  'HCPC', 'SEQNUM', 'RECID', 'LONG_DESCRIPTION', 'SHORT_DESCRIPTION', 'PRICE1', 'PRICE2', 'PRICE3', 'PRICE4', 'MULT_PI',
  'CIM1', 'CIM2', 'CIM3', 'MCM1', 'MCM2', 'MCM3', 'STATUTE', 'LABCERT1', 'LABCERT2', 'LABCERT3', 'LABCERT4', 'LABCERT5',
  'LABCERT6', 'LABCERT7', 'LABCERT8', 'XREF1', 'XREF2', 'XREF3', 'XREF4', 'XREF5', 'COV', 'ASC_GRP', 'ASC_DT', 'OPPS',
  'OPPS_PI', 'OPPS_DT', 'PROCNOTE', 'BETOS', 'TOS1', 'TOS2', 'TOS3', 'TOS4', 'TOS5', 'ANEST_BU', 'ADD_DT', 'ACT_EFF_DT',
  'TERM_DT', 'ACTION_CD',
] as const;

/** HCPCS Level II codes (RECID 3) and modifiers (RECID 7), public-domain descriptions. */
export function buildHcpcs2025oct(): BuiltDataset & { codes: number; modifiers: number } {
  const rows = readCmsCsv(cmsPath(HCPCS_FILE), COLUMNS);
  expectCount(HCPCS_FILE, rows.length, 8846);
  let codes = 0;
  let modifiers = 0;
  const seen = new Set<string>();
  const lines = rows.map((row, i) => {
    const where = `${HCPCS_FILE} row ${i + 2}`;
    const code = row.HCPC ?? '';
    const kind = row.RECID === '3' ? 'code' : row.RECID === '7' ? 'modifier' : undefined;
    if (!kind) throw new Error(`${where}: unexpected record id ${row.RECID} (continuation records are not expected)`);
    if (kind === 'code' ? !/^[A-CE-V]\d{4}$/.test(code) : !/^[0-9A-Z]{2}$/.test(code)) throw new Error(`${where}: ${code} is not a Level II ${kind}`);
    if (seen.has(code)) throw new Error(`${where}: ${code} appears twice`);
    seen.add(code);
    if (kind === 'code') codes += 1;
    else modifiers += 1;
    const date = (column: 'ADD_DT' | 'ACT_EFF_DT' | 'TERM_DT', optional: boolean): string => {
      const raw = row[column] ?? '';
      if (raw === '' && optional) return '';
      const iso = cmsDateToIso(raw);
      if (!iso) throw new Error(`${where}: ${column} ${JSON.stringify(raw)} is not YYYYMMDD`);
      return iso;
    };
    return tsvLine([
      code, kind, row.LONG_DESCRIPTION ?? '', row.SHORT_DESCRIPTION ?? '', row.COV ?? '',
      date('ADD_DT', true), date('ACT_EFF_DT', true), date('TERM_DT', true), row.ACTION_CD ?? '',
    ], where);
  });
  return {
    codes,
    modifiers,
    content: formatTabularHeader(HCPCS_HEADER) + lines.join('\n') + '\n',
    entry: {
      id: 'hcpcs-2025oct',
      kind: 'hcpcs',
      version: 'HCPCS Level II October 2025 (HCPC2025_OCT_ANWEB)',
      effective: '2025-10-01',
      source: {
        file: 'HCPC2025_OCT_ANWEB.xlsx',
        provenance: 'briggsprashar/codex4 input/HCPC2025_OCT_ANWEB.xlsx, commit 9b036c4b0ed24a1a5376ffe0803e4357cf309316',
      },
      file: 'hcpcs-2025oct.tsv.gz',
      rows: rows.length,
      lacks: [
        'CPT codes and CPT modifiers (AMA; not part of HCPCS Level II)',
        'pricing, CIM/MCM, lab certification, cross-reference, ASC/OPPS, BETOS and TOS columns (not used)',
        'HCPCS quarters after October 2025',
      ],
      notes: `${codes} Level II codes and ${modifiers} Level II modifiers, long and short descriptions (public domain).`,
    },
  };
}
