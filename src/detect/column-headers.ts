/**
 * Column headers of tables and ARIA grids: the text above a cell, all header rows joined
 * ("24D PROCEDURES, SERVICES… | MODIFIER"). Built once per table per scan, honouring
 * colspan and rowspan, without layout reads.
 */
import { ownText } from './element-text';

/** What one pass learnt about grids: header texts per grid, and per table row the headers its cells read. */
export interface HeaderCache {
  grids: WeakMap<Element, string[]>;
  /** [] for a header row or a row outside any grid. */
  rows: WeakMap<Element, readonly string[]>;
}

export function newHeaderCache(): HeaderCache {
  return { grids: new WeakMap(), rows: new WeakMap() };
}

/** Rows found to be header rows: their cells are labels, never values. */
const headerRows = new WeakSet<Element>();

export function isHeaderRow(row: Element | null): boolean {
  return row !== null && headerRows.has(row);
}

const CELL_SELECTOR = 'td, th, [role="gridcell"], [role="cell"], [role="columnheader"], [role="rowheader"]';
const GRID_SELECTOR = 'table, [role="grid"], [role="table"], [role="treegrid"]';

const CELL_ROLES = new Set(['gridcell', 'cell', 'columnheader', 'rowheader']);
/** How far above a control its cell can be (MUI DataGrid: cell > div > div > input). */
const CELL_DEPTH = 6;

/** The grid cell holding a control: a short walk up, cheaper than closest() with a selector list. */
export function cellOf(el: Element): Element | null {
  let p: Element | null = el;
  for (let i = 0; p && i <= CELL_DEPTH; i++, p = p.parentElement) {
    const tag = p.localName;
    if (tag === 'td' || tag === 'th') return p;
    const role = p.getAttribute('role');
    if (role !== null && CELL_ROLES.has(role)) return p;
    if (tag === 'tr' || tag === 'table' || tag === 'form' || tag === 'body') return null;
  }
  return null;
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
  const cached = cache.grids.get(grid);
  if (cached) return cached;
  const headers = grid.localName === 'table' ? tableHeaders(grid as HTMLTableElement) : ariaHeaders(grid);
  cache.grids.set(grid, headers);
  return headers;
}

/** Rows of a table section or table (thead/tbody/tfoot children included), by DOM children:
 * the same as .rows in browsers, and works in DOM implementations without it. */
function rowsOf(section: Element): Element[] {
  const out: Element[] = [];
  for (const child of Array.from(section.children)) {
    if (child.localName === 'tr') out.push(child);
    else if (section.localName === 'table' && (child.localName === 'thead' || child.localName === 'tbody' || child.localName === 'tfoot')) {
      for (const row of Array.from(child.children)) if (row.localName === 'tr') out.push(row);
    }
  }
  return out;
}

function cellsOf(row: Element): Element[] {
  const cells: Element[] = [];
  for (let c = row.firstElementChild; c; c = c.nextElementSibling) if (c.localName === 'td' || c.localName === 'th') cells.push(c);
  return cells;
}

const span = (cell: Element, attr: 'colspan' | 'rowspan'): number => Math.max(1, Number(cell.getAttribute(attr)) || 1);

function tableHeaders(table: HTMLTableElement): string[] {
  const thead = Array.from(table.children).find((c) => c.localName === 'thead');
  let rows: Element[] = thead ? rowsOf(thead) : [];
  if (rows.length === 0) {
    // No thead: leading rows made only of th cells are the header.
    for (const row of rowsOf(table)) {
      const cells = cellsOf(row);
      if (cells.length > 0 && cells.every((c) => c.localName === 'th')) rows.push(row);
      else break;
    }
  }
  if (rows.length === 0) {
    // Older portals (OpenEMR's fee sheet) head the grid with a row of plain td text above
    // rows of inputs: take it when it has no control and the next row has some.
    const [first, second] = rowsOf(table);
    if (first && second && !first.querySelector('input, select, textarea') && second.querySelector('input, select, textarea')) rows = [first];
  }
  const columns: string[] = [];
  const occupied: number[] = []; // rows still covered by a rowspan, per column
  for (const row of rows) {
    headerRows.add(row);
    let col = 0;
    for (const cell of cellsOf(row)) {
      while ((occupied[col] ?? 0) > 0) col++;
      const text = ownText(cell, 120).replace(/\s+/g, ' ').trim();
      const colSpan = span(cell, 'colspan');
      const rowSpan = span(cell, 'rowspan');
      for (let k = 0; k < colSpan; k++) {
        columns[col + k] = columns[col + k] ? `${columns[col + k]} ${text}` : text;
        if (rowSpan > 1) occupied[col + k] = rowSpan; // counts this row too
      }
      col += colSpan;
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
const rowColumns = new WeakMap<Element, { children: number; columns: Map<Element, number> }>();

/** The column index of a cell within its row (colspans counted; aria-colindex wins). */
export function columnIndex(cell: Element): number {
  const explicit = Number(cell.getAttribute('aria-colindex'));
  if (explicit > 0) return explicit - 1;
  if (cell.localName === 'td' || cell.localName === 'th') {
    const row = cell.parentElement;
    if (row?.localName === 'tr') {
      let known = rowColumns.get(row);
      if (!known || known.children !== row.childElementCount || !known.columns.has(cell)) {
        const columns = new Map<Element, number>();
        let col = 0;
        for (const c of cellsOf(row)) {
          columns.set(c, col);
          col += span(c, 'colspan');
        }
        known = { children: row.childElementCount, columns };
        rowColumns.set(row, known);
      }
      return known.columns.get(cell) ?? -1;
    }
    return -1;
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
  const headers = headersOver(cell, cache);
  if (headers.length === 0) return '';
  const index = columnIndex(cell);
  return index >= 0 ? (headers[index] ?? '') : '';
}

const NO_HEADERS: readonly string[] = [];

/** The header texts by column that a cell reads: none in a header row or outside a grid. */
function headersOver(cell: Element, cache: HeaderCache): readonly string[] {
  // For a td without a role, its row decides both the grid and the row lookup: ask once per row.
  const row = cell.localName === 'td' && !cell.hasAttribute('role') ? cell.parentElement : null;
  if (row?.localName !== 'tr') return lookUpHeaders(cell, cache);
  let headers = cache.rows.get(row);
  if (!headers) cache.rows.set(row, (headers = lookUpHeaders(cell, cache)));
  return headers;
}

function lookUpHeaders(cell: Element, cache: HeaderCache): readonly string[] {
  const grid = gridOf(cell);
  if (!grid) return NO_HEADERS;
  const headers = columnHeaders(grid, cache);
  if (headers.length === 0 || isHeaderRow(cell.closest('tr, [role="row"]'))) return NO_HEADERS;
  return headers;
}
