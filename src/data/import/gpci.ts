/**
 * GPCI CSV (CMS Addendum E layout, or our normalised copy): MAC, state, locality number,
 * locality name, work, PE and MP GPCIs. Title and footnote rows are skipped.
 */
import type { GpciRow } from '../store/content';
import { ImportError } from './errors';
import { isBlank, type Row } from './text';

const isDataRow = (row: Row): boolean => /^\d{4,5}$/.test(row.cells[0] ?? '') && /^[A-Z]{2}$/.test(row.cells[1] ?? '') && /^\d{1,2}$/.test(row.cells[2] ?? '');

export function looksLikeGpci(rows: Row[]): boolean {
  return rows.slice(0, 40).some((r) => r.cells.some((c) => /GPCI/i.test(c)) && r.cells.some((c) => /LOCALITY/i.test(c))) && rows.some(isDataRow);
}

export function parseGpciRows(rows: Row[], fileName: string): GpciRow[] {
  const out: GpciRow[] = [];
  const fail = (line: number, detail: string): never => {
    throw new ImportError(`${fileName}, line ${line}: ${detail}`, line);
  };
  const seen = new Set<string>();
  for (const row of rows) {
    if (isBlank(row) || !isDataRow(row)) continue;
    if (row.cells.length < 7) fail(row.line, `expected 7 cells (MAC, state, locality, name, work, PE, MP), found ${row.cells.length}`);
    const mac = (row.cells[0] ?? '').padStart(5, '0');
    const localityNumber = (row.cells[2] ?? '').padStart(2, '0');
    const gpci = (i: number, name: string): number => {
      const raw = row.cells[i] ?? '';
      const value = Number(raw);
      if (raw === '' || !Number.isFinite(value) || value <= 0 || value > 3) fail(row.line, `${name} GPCI ${JSON.stringify(raw)} is not a number in (0, 3]`);
      return value;
    };
    const locality = `${mac}-${localityNumber}`;
    if (seen.has(locality)) fail(row.line, `locality ${locality} appears twice`);
    seen.add(locality);
    out.push({ locality, mac, localityNumber, state: row.cells[1] ?? '', name: (row.cells[3] ?? '').replace(/\*+$/, '').trim(), work: gpci(4, 'work'), pe: gpci(5, 'PE'), mp: gpci(6, 'MP') });
  }
  if (out.length === 0) throw new ImportError(`${fileName}: no GPCI rows (MAC, state, locality number, name, three GPCIs)`);
  return out;
}
