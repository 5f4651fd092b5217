/**
 * PFS relative value file (PPRRVU…csv), with or without the CMS banner and multi-row
 * heading: data rows are recognised by their first cell (a code) and their width —
 * 31 columns through 2025, 32 from 2026 (PRIC_IND before ENDO_BASE).
 * Descriptions are not kept (CPT descriptors are AMA's).
 */
import { CODE_PATTERN } from './code-pattern';
import type { RvuRow } from '../store/content';
import { ImportError } from './errors';
import { isBlank, type Row } from './text';

const isDataRow = (row: Row): boolean => CODE_PATTERN.test(row.cells[0] ?? '') && row.cells.length >= 31;

export function looksLikeRvu(rows: Row[]): boolean {
  return rows.slice(0, 40).some((r) => /^HCPCS/i.test(r.cells[0] ?? '') && r.cells.some((c) => /^MOD/i.test(c))) && rows.some(isDataRow);
}

export function parseRvuRows(rows: Row[], fileName: string): { rows: RvuRow[]; warnings: string[] } {
  const start = rows.findIndex(isDataRow);
  if (start === -1) throw new ImportError(`${fileName}: no RVU rows (code followed by 30 or more columns)`);
  const width = rows[start]?.cells.length ?? 31;
  const cfAt = width >= 32 ? 25 : 24;
  const fail = (line: number, detail: string): never => {
    throw new ImportError(`${fileName}, line ${line}: ${detail}`, line);
  };
  const num = (row: Row, i: number, name: string): number => {
    const raw = row.cells[i] ?? '';
    const value = raw === '' ? 0 : Number(raw);
    if (!Number.isFinite(value)) fail(row.line, `${name} ${JSON.stringify(raw)} is not a number`);
    return value;
  };
  const out: RvuRow[] = [];
  const warnings: string[] = [];
  let totals = 0;
  for (const row of rows.slice(start)) {
    if (isBlank(row)) continue;
    if (!CODE_PATTERN.test(row.cells[0] ?? '')) fail(row.line, `${JSON.stringify((row.cells[0] ?? '').slice(0, 20))} is not a procedure code`);
    if (row.cells.length !== width) fail(row.line, `expected ${width} columns like the rows above, found ${row.cells.length} (file cut short?)`);
    const c = row.cells;
    const modifier = c[1] ?? '';
    if (!/^([0-9A-Z]{2})?$/.test(modifier)) fail(row.line, `modifier ${JSON.stringify(modifier)} is not two characters`);
    const status = c[3] ?? '';
    if (!/^[A-Z]$/.test(status)) fail(row.line, `status code ${JSON.stringify(status)} is not a letter`);
    const record: RvuRow = {
      code: c[0] ?? '',
      modifier,
      status,
      work: num(row, 5, 'work RVU'),
      peNonFacility: num(row, 6, 'non-facility PE RVU'),
      naNonFacility: (c[7] ?? '') === 'NA',
      peFacility: num(row, 8, 'facility PE RVU'),
      naFacility: (c[9] ?? '') === 'NA',
      mp: num(row, 10, 'MP RVU'),
      pctc: c[13] ?? '',
      globalDays: c[14] ?? '',
      multProc: c[18] ?? '',
      conversionFactor: num(row, cfAt, 'conversion factor'),
    };
    // CMS prints the totals: work + PE + MP must add up (a shifted column would not).
    const total = num(row, 11, 'non-facility total');
    if (Math.abs(record.work + record.peNonFacility + record.mp - total) > 0.015) totals += 1;
    out.push(record);
  }
  if (totals > 0) warnings.push(`${totals} rows where work + PE + MP differs from the non-facility total printed by CMS`);
  if (totals > out.length / 10) throw new ImportError(`${fileName}: ${totals} of ${out.length} rows do not add up (work + PE + MP ≠ total) — columns are not in the PPRRVU layout`);
  return { rows: out, warnings };
}
