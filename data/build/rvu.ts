import { RVU_HEADER } from '../../src/data/bundle-rvu';
import { formatTabularHeader } from '../../src/data/bundle-text';
import { cmsPath } from './paths';
import { readCmsCsv, tsvLine } from './csv';
import { expectCount, type BuiltDataset } from './dataset';

const RVU25_COLUMNS = [
  'HCPCS', 'MOD', 'DESCRIPTION', 'STATUS_CODE', 'NOT_USED_FOR_MEDICARE_PAYMENT', 'WORK_RVU', 'NON_FAC_PE_RVU',
  'NON_FAC_NA_INDICATOR', 'FACILITY_PE_RVU', 'FACILITY_NA_INDICATOR', 'MP_RVU', 'NON_FACILITY_TOTAL', 'FACILITY_TOTAL',
  'PCTC_IND', 'GLOB_DAYS', 'PRE_OP', 'INTRA_OP', 'POST_OP', 'MULT_PROC', 'BILAT_SURG', 'ASST_SURG', 'CO_SURG',
  'TEAM_SURG', 'ENDO_BASE', 'CONV_FACTOR', 'PHYSICIAN_SUPERVISION_OF_DIAGNOSTIC_PROCEDURES', 'CALCULATION_FLAG',
  'DIAGNOSTIC_IMAGING_FAMILY_INDICATOR', 'NON_FACILITY_PE_USED_FOR_OPPS_PAYMENT_AMOUNT',
  'FACILITY_PE_USED_FOR_OPPS_PAYMENT_AMOUNT', 'MP_USED_FOR_OPPS_PAYMENT_AMOUNT',
] as const;

/** RVU26 adds PRIC_IND between TEAM_SURG and ENDO_BASE. */
const RVU26_COLUMNS = [...RVU25_COLUMNS.slice(0, 23), 'PRIC_IND', ...RVU25_COLUMNS.slice(23)];

/** HCPCS Level II codes keep their (public domain) description; CPT/CDT never do. */
const LEVEL_II_CODE = /^[A-CE-V]\d{4}$/;

function hundredths(value: string): number {
  return Math.round(Number(value) * 100);
}

function rvuBundle(rows: Record<string, string>[], file: string): { content: string; conversionFactors: Set<string> } {
  const lines: string[] = [];
  const conversionFactors = new Set<string>();
  const seen = new Set<string>();
  for (const [i, row] of rows.entries()) {
    const where = `${file} row ${i + 2}`;
    const code = row.HCPCS ?? '';
    const modifier = row.MOD ?? '';
    const key = `${code}|${modifier}`;
    if (seen.has(key)) throw new Error(`${where}: duplicate code/modifier ${key}`);
    seen.add(key);
    // The file's own integrity check (PROVENANCE.md): WORK + PE + MP = TOTAL.
    const work = hundredths(row.WORK_RVU ?? '');
    const mp = hundredths(row.MP_RVU ?? '');
    if (work + hundredths(row.NON_FAC_PE_RVU ?? '') + mp !== hundredths(row.NON_FACILITY_TOTAL ?? '')
      || work + hundredths(row.FACILITY_PE_RVU ?? '') + mp !== hundredths(row.FACILITY_TOTAL ?? '')) {
      throw new Error(`${where}: WORK + PE + MP does not equal the total for ${key}`);
    }
    conversionFactors.add(row.CONV_FACTOR ?? '');
    const description = LEVEL_II_CODE.test(code) ? (row.DESCRIPTION ?? '') : '';
    lines.push(tsvLine([
      code, modifier, row.STATUS_CODE ?? '', row.NOT_USED_FOR_MEDICARE_PAYMENT ?? '', row.WORK_RVU ?? '',
      row.NON_FAC_PE_RVU ?? '', row.NON_FAC_NA_INDICATOR ?? '', row.FACILITY_PE_RVU ?? '', row.FACILITY_NA_INDICATOR ?? '',
      row.MP_RVU ?? '', row.PCTC_IND ?? '', row.GLOB_DAYS ?? '', row.MULT_PROC ?? '', row.CONV_FACTOR ?? '', description,
    ], where));
  }
  return { content: formatTabularHeader(RVU_HEADER) + lines.join('\n') + '\n', conversionFactors };
}

export const RVU25_FILE = 'pfs_rvu/PPRRVU2025_Oct_RVU25D.csv';
export const RVU26_FILE = 'pfs_rvu/PPRRVU2026_Jul_nonQPP_RVU26C_97xxx_extract.csv';

export function buildRvu2025(): BuiltDataset & { conversionFactor: number } {
  const rows = readCmsCsv(cmsPath(RVU25_FILE), RVU25_COLUMNS);
  expectCount(RVU25_FILE, rows.length, 19090);
  const { content, conversionFactors } = rvuBundle(rows, RVU25_FILE);
  if (conversionFactors.size !== 1) throw new Error(`${RVU25_FILE}: expected one conversion factor, found ${[...conversionFactors].join(', ')}`);
  return {
    conversionFactor: Number([...conversionFactors][0]),
    content,
    entry: {
      id: 'rvu-2025',
      kind: 'rvu',
      version: 'RVU25D (October 2025)',
      effective: '2025-01-01',
      source: {
        file: 'PPRRVU2025_Oct.csv (RVU25D, released 09/11/2025)',
        provenance: 'alex-bea/cms_api sample_data/rvu25d_0/PPRRVU2025_Oct.csv, commit 3261f4d9a97220b829d4efc64e7ffbcbab261aee',
      },
      file: 'rvu-2025.tsv.gz',
      rows: rows.length,
      lacks: [
        'CPT descriptors (AMA copyright, blanked at the source; Level II descriptions kept)',
        'RVU25A-C: the October release D is used for every 2025 date of service',
        'surgery, supervision, imaging and OPPS-cap columns (not used by ClaimLens)',
      ],
      notes: 'Every code and modifier row (global, 26, TC, 53). Used for all 2025 dates of service; RVU25D supersedes the January-July releases.',
    },
  };
}

export function buildRvu2026(): BuiltDataset & { conversionFactor: number } {
  const rows = readCmsCsv(cmsPath(RVU26_FILE), RVU26_COLUMNS);
  expectCount(RVU26_FILE, rows.length, 80);
  const { content, conversionFactors } = rvuBundle(rows, RVU26_FILE);
  if (conversionFactors.size !== 1) throw new Error(`${RVU26_FILE}: expected one conversion factor, found ${[...conversionFactors].join(', ')}`);
  return {
    conversionFactor: Number([...conversionFactors][0]),
    content,
    entry: {
      id: 'rvu-2026',
      kind: 'rvu',
      version: 'RVU26C (July 2026), non-QPP, 97xxx extract',
      effective: '2026-01-01',
      source: {
        file: 'PPRRVU2026_Jul_nonQPP.csv (RVU26C, released 06/30/2026), rows 97007-97814 only',
        provenance: 'stormchaser-creator/CredentialDOMD scripts/data/PPRRVU2026_Jul_nonQPP.csv, commit af55107fe7e4b96ea5dec0fa03d1cd36ff70a436',
      },
      file: 'rvu-2026.tsv',
      rows: rows.length,
      lacks: [
        'every code outside 97007-97814 (other codes fall back to RVU25D; the record names its dataset)',
        'RVU26A and RVU26B: the July release C is used from 2026-01-01',
        'the 2026 QPP file',
      ],
      notes: 'July 2026 release (RVU26C) used for every 2026 date of service, including January-June.',
    },
  };
}
