/**
 * The public marks on detected fields: data-claimlens-field (kind) and data-claimlens-line
 * (0-based line index within its form). Written only when they change; stale marks removed.
 */
import type { ScanRoot } from './candidates';
import type { DetectedForm } from './types';

export const FIELD_ATTRIBUTE = 'data-claimlens-field';
export const LINE_ATTRIBUTE = 'data-claimlens-line';

/** Marks the fields of these forms and unmarks the rest; returns the marked elements. */
export function applyMarks(forms: DetectedForm[], roots: readonly ScanRoot[], previouslyMarked?: ReadonlySet<Element>): Set<Element> {
  // Marks left by earlier scans, looked up before this scan writes its own (a first scan finds none).
  const earlier = previouslyMarked ?? markedIn(roots);
  const marked = new Set<Element>();
  for (const form of forms) {
    for (const line of form.lines) {
      const index = String(line.index);
      for (const field of line.fields) {
        const el = field.element;
        marked.add(el);
        if (el.getAttribute(FIELD_ATTRIBUTE) !== field.kind) el.setAttribute(FIELD_ATTRIBUTE, field.kind);
        if (el.getAttribute(LINE_ATTRIBUTE) !== index) el.setAttribute(LINE_ATTRIBUTE, index);
      }
    }
  }
  for (const el of earlier) if (!marked.has(el)) unmark(el);
  return marked;
}

function markedIn(roots: readonly ScanRoot[]): Element[] {
  const out: Element[] = [];
  for (const root of roots) root.querySelectorAll(`[${FIELD_ATTRIBUTE}]`).forEach((el) => out.push(el));
  return out;
}

export function unmark(el: Element): void {
  el.removeAttribute(FIELD_ATTRIBUTE);
  el.removeAttribute(LINE_ATTRIBUTE);
}

/** Removes every mark in these trees (the watcher's disposer). */
export function clearMarks(roots: readonly ScanRoot[]): void {
  for (const root of roots) {
    if (root instanceof Element && root.hasAttribute(FIELD_ATTRIBUTE)) unmark(root);
    for (const el of Array.from(root.querySelectorAll(`[${FIELD_ATTRIBUTE}], [${LINE_ATTRIBUTE}]`))) unmark(el);
  }
}
