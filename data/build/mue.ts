import { MUE_HEADER } from '../../src/data/bundle-mue';
import { formatTabularHeader } from '../../src/data/bundle-text';
import { cmsPath } from './paths';
import { readCmsCsv, tsvLine } from './csv';
import { expectCount, type BuiltDataset } from './dataset';

const MAI_TEXT = /^([123]) (Line Edit|Date of Service Edit: Policy|Date of Service Edit: Clinical)$/;

function mueBundle(file: string, expectedRows: number): { content: string; rows: number } {
  const rows = readCmsCsv(cmsPath(file), ['HCPCS_CPT_CODE', 'PRACTITIONER_SERVICES_MUE_VALUE', 'MUE_ADJUDICATION_INDICATOR', 'MUE_RATIONALE']);
  expectCount(file, rows.length, expectedRows);
  const seen = new Set<string>();
  const lines = rows.map((row, i) => {
    const where = `${file} row ${i + 2}`;
    const code = row.HCPCS_CPT_CODE ?? '';
    if (seen.has(code)) throw new Error(`${where}: ${code} appears twice`);
    seen.add(code);
    const mai = MAI_TEXT.exec(row.MUE_ADJUDICATION_INDICATOR ?? '')?.[1];
    if (!mai) throw new Error(`${where}: unknown MAI ${JSON.stringify(row.MUE_ADJUDICATION_INDICATOR)}`);
    return tsvLine([code, row.PRACTITIONER_SERVICES_MUE_VALUE ?? '', mai, row.MUE_RATIONALE ?? ''], where);
  });
  return { content: formatTabularHeader(MUE_HEADER) + lines.join('\n') + '\n', rows: rows.length };
}

export function buildMue2024q3(): BuiltDataset {
  const file = 'ncci_mue/MCR_MUE_PractitionerServices_Eff_07-01-2024.csv';
  const { content, rows } = mueBundle(file, 14677);
  return {
    content,
    entry: {
      id: 'mue-2024q3',
      kind: 'mue',
      version: 'NCCI practitioner services MUE 2024 Q3',
      effective: '2024-07-01',
      source: {
        file: 'MCR_MUE_PractitionerServices_Eff_07-01-2024',
        provenance: 'andrewallenbruce/northstar inst/extdata/pins/ncci_mue_prac/20240621T043546Z-292b9/ncci_mue_prac.qs (decoded), commit 32fea55c96076d3cf08c2790809a30ca9ebefe23',
      },
      file: 'mue-2024q3.tsv.gz',
      rows,
      lacks: ['quarters 2024 Q4 to 2026 Q1 (not available): this table is used for dates of service 2024-07-01 to 2026-03-31'],
    },
  };
}

export function buildMue2026q2(): BuiltDataset {
  const file = 'ncci_mue/MCR_MUE_PractitionerServices_Eff_04-01-2026.csv';
  const { content, rows } = mueBundle(file, 15095);
  return {
    content,
    entry: {
      id: 'mue-2026q2',
      kind: 'mue',
      version: 'NCCI practitioner services MUE 2026 Q2',
      effective: '2026-04-01',
      source: {
        file: 'MCR_MUE_PractitionerServices_Eff_04-01-2026',
        provenance: 'Ramachandran-Kumar/mediaguard-ai data/MCR_MUE_PractitionerServices_Eff_04-01-2026.csv, commit 19137298f5159b2424a679f22a576eb87c5a7955',
      },
      file: 'mue-2026q2.tsv.gz',
      rows,
      lacks: ['2026 Q3 and Q4 tables (not available): this table stays in use after 2026-06-30'],
    },
  };
}
