/**
 * Column headers of tables and ARIA grids: the text above a cell, all header rows joined
 * ("24D PROCEDURES, SERVICES… | MODIFIER"). Built once per table per scan, honouring
 * colspan and rowspan, without layout reads.
 */
import { ownText } from './element-text';

export type HeaderCache = WeakMap<Element, string[]>;

/** Rows found to be header rows: their cells are labels, never values. */
const headerRows = new WeakSet<Element>();

export function isHeaderRow(row: Element | null): boolean {
  return row !== null && headerRows.has(row);
}

const CELL_SELECTOR = 'td, th, [role="gridcell"], [role="cell"], [role="columnheader"], [role="rowheader"]';
const GRID_SELECTOR = 'table, [role="grid"], [role="table"], [role="treegrid"]';

export function cellOf(el: Element): Element | null {
  return el.closest(CELL_SELECTOR);
}

export function gridOf(cell: Element): Element | null {
  // td → tr → tbody/thead → table: the usual case without a selector match per ancestor.
  if (cell.localName === 'td' || cell.localName === 'th' || cell.localName === 'tr') {
    let p = cell.parentElement;
    for (let i = 0; p && i < 3; i++, p = p.parentElement) {
      if (p.localName === 'table') return p;
      if (p.hasAttribute('role')) break;
    }
  }
  return cell.closest(GRID_SELECTOR);
}

/** Header texts by column index for a table or grid. */
export function columnHeaders(grid: Element, cache: HeaderCache): string[] {
  const cached = cache.get(grid);
  if (cached) return cached;
  const headers = grid instanceof HTMLTableElement ? tableHeaders(grid) : ariaHeaders(grid);
  cache.set(grid, headers);
  return headers;
}

function tableHeaders(table: HTMLTableElement): string[] {
  let rows: HTMLTableRowElement[] = table.tHead ? Array.from(table.tHead.rows) : [];
  if (rows.length === 0) {
    // No thead: leading rows made only of th cells are the header.
    for (const row of Array.from(table.rows)) {
      if (row.cells.length > 0 && Array.from(row.cells).every((c) => c.localName === 'th')) rows.push(row);
      else break;
    }
  }
  if (rows.length === 0 && table.rows.length > 1) {
    // Older portals (OpenEMR's fee sheet) head the grid with a row of plain td text above
    // rows of inputs: take it when it has no control and the next row has some.
    const [first, second] = [table.rows[0]!, table.rows[1]!];
    if (!first.querySelector('input, select, textarea') && second.querySelector('input, select, textarea')) rows.push(first);
  }
  const columns: string[] = [];
  const occupied: number[] = []; // rows still covered by a rowspan, per column
  for (const row of rows) {
    headerRows.add(row);
    let col = 0;
    for (const cell of Array.from(row.cells)) {
      while ((occupied[col] ?? 0) > 0) col++;
      const text = ownText(cell, 120).replace(/\s+/g, ' ').trim();
      for (let k = 0; k < Math.max(1, cell.colSpan); k++) {
        columns[col + k] = columns[col + k] ? `${columns[col + k]} ${text}` : text;
        if (cell.rowSpan > 1) occupied[col + k] = cell.rowSpan; // counts this row too
      }
      col += Math.max(1, cell.colSpan);
    }
    for (let c = 0; c < occupied.length; c++) if ((occupied[c] ?? 0) > 0) occupied[c]! -= 1;
  }
  return columns;
}

function ariaHeaders(grid: Element): string[] {
  const columns: string[] = [];
  const headerCells = grid.querySelectorAll('[role="columnheader"]');
  let position = 0;
  let lastRow: Element | null = null;
  for (const cell of Array.from(headerCells)) {
    const row = cell.closest('[role="row"]');
    if (row) headerRows.add(row);
    if (row !== lastRow) {
      position = 0;
      lastRow = row;
    }
    const explicit = Number(cell.getAttribute('aria-colindex'));
    const index = explicit > 0 ? explicit - 1 : position;
    const text = (cell.getAttribute('aria-label') ?? ownText(cell, 120)).replace(/\s+/g, ' ').trim();
    columns[index] = columns[index] ? `${columns[index]} ${text}` : text;
    position = index + 1;
  }
  return columns;
}

/** Column of each cell of a row, computed once per row per scan. */
const rowColumns = new WeakMap<Element, { cells: readonly Element[]; columns: Map<Element, number> }>();

/** The column index of a cell within its row (colspans counted; aria-colindex wins). */
export function columnIndex(cell: Element): number {
  const explicit = Number(cell.getAttribute('aria-colindex'));
  if (explicit > 0) return explicit - 1;
  if (cell instanceof HTMLTableCellElement) {
    const row = cell.parentElement;
    if (row instanceof HTMLTableRowElement) {
      let known = rowColumns.get(row);
      if (!known || known.cells.length !== row.cells.length || !known.columns.has(cell)) {
        const columns = new Map<Element, number>();
        let col = 0;
        const cells = Array.from(row.cells);
        for (const c of cells) {
          columns.set(c, col);
          col += Math.max(1, c.colSpan);
        }
        known = { cells, columns };
        rowColumns.set(row, known);
      }
      return known.columns.get(cell) ?? cell.cellIndex;
    }
    return cell.cellIndex;
  }
  const row = cell.closest('[role="row"]');
  if (!row) return -1;
  let col = 0;
  for (const c of Array.from(row.querySelectorAll(CELL_SELECTOR))) {
    if (c === cell) return col;
    col++;
  }
  return -1;
}

/** The header text of the column a cell sits in, or '' when the grid has none. */
export function headerTextFor(cell: Element, cache: HeaderCache): string {
  const grid = gridOf(cell);
  if (!grid) return '';
  const headers = columnHeaders(grid, cache);
  if (headers.length === 0 || isHeaderRow(cell.closest('tr, [role="row"]'))) return '';
  const index = columnIndex(cell);
  return index >= 0 ? (headers[index] ?? '') : '';
}
