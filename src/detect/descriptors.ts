/**
 * Everything that says what a field is: its labels, ARIA names, name/id, placeholder,
 * title, framework attributes, the column header above it and the text just before it.
 * DOM reads only (no layout).
 */
import { byIdInTree, ownText } from './element-text';
import { cellOf, headerTextFor, type HeaderCache } from './column-headers';
import type { Descriptor } from './types';

const DATA_ATTRIBUTES = ['data-field', 'data-testid', 'data-test', 'data-col', 'data-column', 'data-name', 'col-id',
  'formcontrolname', 'ng-model', 'data-bind', 'v-model'] as const;

/** Attributes that say what a field is: read once per element (one getAttributeNames call). */
export const DESCRIBING_ATTRIBUTES: ReadonlySet<string> = new Set(['name', 'id', 'aria-label', 'aria-labelledby', 'placeholder',
  'title', 'role', 'type', 'contenteditable', ...DATA_ATTRIBUTES]);

const DATA_ATTRIBUTE_SET: ReadonlySet<string> = new Set(DATA_ATTRIBUTES);

export type Attributes = ReadonlyMap<string, string>;

const NO_ATTRIBUTES: Attributes = new Map();

export function readAttributes(el: Element): Attributes {
  // Most cells and many wrappers have no attribute at all: one cheap call says so.
  if (!el.hasAttributes()) return NO_ATTRIBUTES;
  const out = new Map<string, string>();
  const names = el.getAttributeNames();
  // Indexed loops in the per-candidate paths: for…of allocates an iterator result per step
  // until the code is optimised, and a first scan runs mostly unoptimised.
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    if (DESCRIBING_ATTRIBUTES.has(name)) out.set(name, el.getAttribute(name) ?? '');
  }
  return out;
}

export function isFormControl(el: Element): boolean {
  const tag = el.localName;
  if (tag === 'input' || tag === 'select' || tag === 'textarea' || el.getAttribute('role') === 'combobox') return true;
  // Attribute, not isContentEditable: that getter forces a style recalculation per element.
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** What a scan shares between elements: column headers per grid, labels per control. */
export interface ScanContext {
  headers: HeaderCache;
  /** Built once per tree: input.labels walks the whole tree on every call in Chromium. */
  labels: Map<Element, HTMLLabelElement[]>;
}

/** Labels by the control they name (for= or wrapping), for one or more trees. */
export function labelMap(trees: ReadonlyArray<Document | ShadowRoot | Element>): Map<Element, HTMLLabelElement[]> {
  const map = new Map<Element, HTMLLabelElement[]>();
  for (const tree of trees) {
    tree.querySelectorAll('label').forEach((label) => {
      const control = label.control;
      if (!control) return;
      const list = map.get(control);
      if (list) list.push(label);
      else map.set(control, [label]);
    });
  }
  return map;
}

export function describe(el: Element, context: ScanContext, attrs: Attributes = readAttributes(el)): Descriptor[] {
  const out: Descriptor[] = [];
  const tag = el.localName;
  const editable = attrs.get('contenteditable');
  const control = tag === 'input' || tag === 'select' || tag === 'textarea' || attrs.get('role') === 'combobox'
    || (editable !== undefined && editable !== 'false');
  if (!control) {
    // A read-only cell is known by its column: nothing at all when it is itself a header.
    const header = headerTextFor(el, context.headers);
    if (!header) return out;
    add(out, 'column-header', header);
    addDataAttributes(out, attrs);
    return out;
  }
  const labels = context.labels.get(el);
  if (labels) for (const label of labels) add(out, 'label', ownText(label));
  add(out, 'aria-label', attrs.get('aria-label'));
  const labelledBy = attrs.get('aria-labelledby');
  if (labelledBy) {
    for (const id of labelledBy.split(/\s+/)) {
      const target = id ? byIdInTree(el, id) : null;
      if (target && target !== el) add(out, 'aria-labelledby', ownText(target));
    }
  }
  // Read before the names below are added: whether the user sees a name for this field.
  const named = out.length > 0;
  add(out, 'name', attrs.get('name'));
  add(out, 'id', attrs.get('id'));
  add(out, 'placeholder', attrs.get('placeholder'));
  add(out, 'title', attrs.get('title'));
  addDataAttributes(out, attrs);
  const cell = cellOf(el);
  if (cell) {
    add(out, 'column-header', headerTextFor(cell, context.headers));
    if (cell !== el) addDataAttributes(out, readAttributes(cell));
  }
  if (!named) add(out, 'nearby-text', nearbyText(el, cell));
  return out;
}

/** Describing text is short: blank text says nothing, long text is cut. */
function add(out: Descriptor[], source: Descriptor['source'], text: string | null | undefined): void {
  if (text && text.trim()) out.push({ source, text: text.length > 120 ? text.slice(0, 120) : text });
}

function addDataAttributes(out: Descriptor[], from: Attributes): void {
  if (hasDataAttribute(from)) for (const attr of DATA_ATTRIBUTES) add(out, 'data-attribute', from.get(attr));
}

function hasDataAttribute(attrs: Attributes): boolean {
  let found = false;
  attrs.forEach((_, name) => {
    if (DATA_ATTRIBUTE_SET.has(name)) found = true;
  });
  return found;
}

/** "<span>CPT:</span><input>" or "<td>CPT:</td><td><input></td>": the short text just before. */
function nearbyText(el: Element, cell: Element | null): string {
  const before = el.previousElementSibling;
  if (before && !containsControl(before, 'input, select, textarea') && !isFormControl(before)) {
    const text = ownText(before, 40);
    if (text.trim()) return text;
  }
  // Text node right before the control inside the same parent: "CPT <input>".
  const prev = el.previousSibling;
  if (prev?.nodeType === 3 && prev.nodeValue?.trim()) return prev.nodeValue.slice(-40);
  if (cell && cell !== el && cell.childElementCount <= 2) {
    const previousCell = cell.previousElementSibling;
    if (previousCell && !containsControl(previousCell, 'input, select, textarea, [role="combobox"]')) return ownText(previousCell, 40);
  }
  return '';
}

const CONTROL_TAGS = new Set(['input', 'select', 'textarea']);

/** el.querySelector(selector) !== null, answered without a query in the usual cases (an
 * empty element; a grid cell whose first child is the control). */
function containsControl(el: Element, selector: string): boolean {
  const first = el.firstElementChild;
  if (first === null) return false;
  if (CONTROL_TAGS.has(first.localName)) return true;
  return el.querySelector(selector) !== null;
}
