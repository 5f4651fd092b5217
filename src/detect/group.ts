/**
 * Groups classified fields into service lines and lines into forms.
 * A line is anchored on its procedure-code field; other fields join it by, in order:
 * the table/ARIA row they share, the smallest container that holds that one code field
 * (repeated sibling containers), or an index in their names ("lines[2].units", "code_3").
 * A field that joins no line (a quantity elsewhere on the page) is not a service-line field.
 */
import type { Classification } from './classify';
import { gridOf } from './column-headers';
import { composedClosest, composedParent, fieldText } from './element-text';
import { normalizeCode } from '../rules/normalize-code';
import { parseDate } from './values';
import type { DetectedField, DetectedForm, DetectedLine } from './types';

export interface Entry {
  element: HTMLElement;
  cls: Classification;
  /** Document order of the element among the scanned candidates. */
  order: number;
}

interface Line {
  cpt: Entry;
  container: Element | null;
  /** Where climbing stopped: a boundary (form, table…) that may hold a one-line form. */
  boundary: Element | null;
  formRoot: Element | ShadowRoot | Document;
  entries: Entry[];
}

const ROW_SELECTOR = 'tr, [role="row"]';
/** Climbing stops below these: they hold many lines or a whole page. */
const STOP = new Set(['form', 'body', 'html', 'table', 'tbody', 'thead', 'tfoot', 'main', 'dialog', 'section', 'article',
  'aside', 'nav', 'header', 'footer']);
const STOP_ROLES = new Set(['form', 'dialog', 'main', 'grid', 'table', 'rowgroup', 'treegrid', 'list', 'region']);
/** A line holds at most this many fields of each kind: a container with more holds several lines or claim fields. */
const MAX_PER_LINE: Record<string, number> = { cpt: 1, units: 1, minutes: 1, charge: 1, dos: 2, modifier: 4, icd10: 12 };
/** Climbing may enter these but not go past them: they are made to hold one line. */
const LAST = new Set(['fieldset', 'li', 'tr']);
const LAST_ROLES = new Set(['row', 'group', 'listitem']);

function isStop(el: Element): boolean {
  return STOP.has(el.localName) || STOP_ROLES.has(el.getAttribute('role') ?? '');
}
function isLast(el: Element): boolean {
  return LAST.has(el.localName) || LAST_ROLES.has(el.getAttribute('role') ?? '');
}

function scopeOf(el: Element): Element | ShadowRoot | Document {
  return el.closest('form') ?? (el.getRootNode() as ShadowRoot | Document);
}

const ATTRIBUTE_KINDS = new Set(['modifier', 'units', 'minutes', 'dos', 'charge']);

/**
 * @param limit when scanning part of a page (the watcher rescans one form), lines never
 *   climb to or above this element.
 */
export function groupIntoForms(entries: Entry[], limit?: Element): DetectedForm[] {
  const cpts = entries.filter((e) => e.cls.kind === 'cpt');
  const cptPerRow = new Map<Element, number>();
  const rowOf = new Map<Entry, Element | null>();
  for (const e of entries) {
    const row = composedClosest(e.element, ROW_SELECTOR);
    rowOf.set(e, row);
    if (row && e.cls.kind === 'cpt') cptPerRow.set(row, (cptPerRow.get(row) ?? 0) + 1);
  }

  // Code fields that are not alone in a row: count them in every ancestor to climb.
  const climbing = cpts.filter((c) => {
    const row = rowOf.get(c);
    return !row || cptPerRow.get(row) !== 1;
  });
  // Per ancestor, how many fields of each kind it holds (only needed when something climbs).
  const inside = new Map<Element, Record<string, number>>();
  if (climbing.length > 0) {
    for (const e of entries) {
      for (let p = composedParent(e.element); p; p = composedParent(p)) {
        let counts = inside.get(p);
        if (!counts) inside.set(p, (counts = {}));
        counts[e.cls.kind] = (counts[e.cls.kind] ?? 0) + 1;
      }
    }
  }
  const fitsOneLine = (p: Element): boolean => {
    const counts = inside.get(p);
    if (!counts) return true;
    for (const kind in counts) if ((counts[kind] ?? 0) > (MAX_PER_LINE[kind] ?? 1)) return false;
    return true;
  };

  const lineByContainer = new Map<Element, Line>();
  const lines: Line[] = [];
  for (const c of cpts) {
    const row = rowOf.get(c);
    let container: Element;
    let boundary: Element | null = null;
    let formRoot: Element | ShadowRoot | Document;
    if (row && cptPerRow.get(row) === 1) {
      container = row;
      formRoot = gridOf(row) ?? row.parentElement ?? (row.getRootNode() as Document);
    } else {
      container = c.element;
      for (let p = composedParent(c.element); p && p !== limit; p = composedParent(p)) {
        if (isStop(p)) {
          if (fitsOneLine(p)) boundary = p;
          break;
        }
        if (!fitsOneLine(p)) break;
        container = p;
        if (isLast(p)) break;
      }
      formRoot = composedParent(container) ?? (container.getRootNode() as Document);
    }
    const line: Line = { cpt: c, container, boundary, formRoot, entries: [c] };
    lines.push(line);
    lineByContainer.set(container, line);
  }

  const assigned = new Set<Entry>(cpts);
  const joinByAncestor = (e: Entry): boolean => {
    const row = rowOf.get(e);
    const rowLine = row ? lineByContainer.get(row) : undefined;
    if (rowLine) {
      rowLine.entries.push(e);
      return true;
    }
    for (let p = composedParent(e.element); p; p = composedParent(p)) {
      const line = lineByContainer.get(p);
      if (line) {
        line.entries.push(e);
        return true;
      }
    }
    return false;
  };
  for (const e of entries) if (!assigned.has(e) && joinByAncestor(e)) assigned.add(e);

  // Lines that found nothing around their code field: join by name index, or take the
  // whole form when it holds only this one code field.
  const lineByIndex = new Map<Element | ShadowRoot | Document, Map<string, Line>>();
  for (const line of lines) {
    const key = line.cpt.cls.indexKey;
    if (key) {
      const scope = scopeOf(line.cpt.element);
      let byKey = lineByIndex.get(scope);
      if (!byKey) lineByIndex.set(scope, (byKey = new Map()));
      if (!byKey.has(key)) byKey.set(key, line);
    }
    if (line.entries.length === 1 && !key && line.boundary) {
      lineByContainer.delete(line.container!);
      line.container = line.boundary;
      line.formRoot = line.boundary;
      lineByContainer.set(line.boundary, line);
    }
  }
  for (const e of entries) {
    if (assigned.has(e)) continue;
    const key = e.cls.indexKey;
    const line = key ? lineByIndex.get(scopeOf(e.element))?.get(key) : undefined;
    if (line) {
      line.entries.push(e);
      assigned.add(e);
    } else if (joinByAncestor(e)) assigned.add(e);
  }
  for (const line of lines) {
    if (line.entries.length > 1 && line.cpt.cls.indexKey && line.container === line.cpt.element) {
      // Joined by index: the form is the scope the names live in.
      line.formRoot = scopeOf(line.cpt.element);
    }
  }

  // A procedure field known only by weak words ("Code") needs a line around it or a code in it.
  // A value that is not a code (an ICD-10 code listed in the same grid) rules it out.
  const kept = lines.filter((line) => {
    if (!line.cpt.cls.weak) return true;
    const value = fieldText(line.cpt.element).trim();
    if (value) return normalizeCode(value) !== undefined;
    return line.entries.some((e) => ATTRIBUTE_KINDS.has(e.cls.kind));
  });

  // A date field known only by "From"/"To" must hold a date, or nothing yet.
  for (const line of kept) {
    line.entries = line.entries.filter((e) => {
      if (e.cls.kind !== 'dos' || !e.cls.weak) return true;
      const value = fieldText(e.element).trim();
      return value === '' || parseDate(value) !== undefined;
    });
  }

  const forms = new Map<Element | ShadowRoot | Document, Line[]>();
  for (const line of kept) {
    const list = forms.get(line.formRoot);
    if (list) list.push(line);
    else forms.set(line.formRoot, [line]);
  }
  const result: Array<DetectedForm & { order: number }> = [];
  for (const [root, formLines] of forms) {
    formLines.sort((a, b) => a.cpt.order - b.cpt.order);
    result.push({ root, lines: formLines.map((line, index) => toDetectedLine(line, index)), order: formLines[0]!.cpt.order });
  }
  result.sort((a, b) => a.order - b.order);
  return result.map(({ root, lines: l }) => ({ root, lines: l }));
}

/** The element that holds each line (a row, a repeated container, or its code field). */
const containers = new WeakMap<DetectedLine, Element>();

export function lineContainer(line: DetectedLine): Element | undefined {
  return containers.get(line);
}

/** A copy of a line at another index, keeping what holds it. */
export function reindexLine(line: DetectedLine, index: number): DetectedLine {
  const copy: DetectedLine = { index, fields: line.fields };
  const container = containers.get(line);
  if (container) containers.set(copy, container);
  return copy;
}

function toDetectedLine(line: Line, index: number): DetectedLine {
  const entries = [...line.entries].sort((a, b) => a.order - b.order);
  const modifiers = entries.filter((e) => e.cls.kind === 'modifier');
  const dates = entries.filter((e) => e.cls.kind === 'dos');
  const fields: DetectedField[] = entries.map((e) => {
    const field: DetectedField = { kind: e.cls.kind, element: e.element };
    if (e.cls.kind === 'modifier' && modifiers.length > 1) field.role = modifiers.indexOf(e);
    if (e.cls.kind === 'dos') {
      if (e.cls.dateRole) field.role = e.cls.dateRole;
      else if (dates.length === 2) field.role = dates[0] === e ? 'from' : 'to';
    }
    return field;
  });
  const detected: DetectedLine = { index, fields };
  if (line.container) containers.set(detected, line.container);
  return detected;
}
