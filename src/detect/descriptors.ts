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

export function isFormControl(el: Element): boolean {
  const tag = el.localName;
  return tag === 'input' || tag === 'select' || tag === 'textarea' || el.getAttribute('role') === 'combobox'
    || (el as HTMLElement).isContentEditable === true;
}

export function describe(el: Element, headers: HeaderCache): Descriptor[] {
  const out: Descriptor[] = [];
  const add = (source: Descriptor['source'], text: string | null | undefined): void => {
    if (text && text.trim()) out.push({ source, text: text.length > 120 ? text.slice(0, 120) : text });
  };
  const control = isFormControl(el);
  if (control) {
    const labels = (el as HTMLInputElement).labels;
    if (labels) for (const label of Array.from(labels)) add('label', ownText(label));
    add('aria-label', el.getAttribute('aria-label'));
    const labelledBy = el.getAttribute('aria-labelledby');
    if (labelledBy) {
      for (const id of labelledBy.split(/\s+/)) {
        const target = id ? byIdInTree(el, id) : null;
        if (target && target !== el) add('aria-labelledby', ownText(target));
      }
    }
    add('name', el.getAttribute('name'));
    add('id', el.getAttribute('id'));
    add('placeholder', el.getAttribute('placeholder'));
    add('title', el.getAttribute('title'));
  }
  const cell = control ? cellOf(el) : el;
  if (!control) {
    // A read-only cell is known by its column: nothing at all when it is itself a header.
    const header = headerTextFor(el, headers);
    if (!header) return out;
    add('column-header', header);
    for (const attr of DATA_ATTRIBUTES) add('data-attribute', el.getAttribute(attr));
    return out;
  }
  for (const attr of DATA_ATTRIBUTES) add('data-attribute', el.getAttribute(attr));
  if (cell) {
    add('column-header', headerTextFor(cell, headers));
    if (cell !== el) for (const attr of DATA_ATTRIBUTES) add('data-attribute', cell.getAttribute(attr));
  }
  if (control && out.every((d) => d.source !== 'label' && d.source !== 'aria-label' && d.source !== 'aria-labelledby')) {
    add('nearby-text', nearbyText(el, cell));
  }
  return out;
}

/** "<span>CPT:</span><input>" or "<td>CPT:</td><td><input></td>": the short text just before. */
function nearbyText(el: Element, cell: Element | null): string {
  const before = el.previousElementSibling;
  if (before && !before.querySelector('input, select, textarea') && !isFormControl(before)) {
    const text = ownText(before, 40);
    if (text.trim()) return text;
  }
  // Text node right before the control inside the same parent: "CPT <input>".
  const prev = el.previousSibling;
  if (prev?.nodeType === 3 && prev.nodeValue?.trim()) return prev.nodeValue.slice(-40);
  if (cell && cell !== el && cell.childElementCount <= 2) {
    const previousCell = cell.previousElementSibling;
    if (previousCell && !previousCell.querySelector('input, select, textarea, [role="combobox"]')) return ownText(previousCell, 40);
  }
  return '';
}
