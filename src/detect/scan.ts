/**
 * One detection pass over a tree: candidates → classification → lines and forms → marks.
 */
import { collectCandidates, type ScanRoot } from './candidates';
import { classifyElement } from './classify';
import type { HeaderCache } from './column-headers';
import { groupIntoForms, type Entry } from './group';
import { applyMarks } from './marks';
import { composedParent } from './element-text';
import type { DetectedForm } from './types';

export interface ScanResult {
  forms: DetectedForm[];
  /** The root and every open shadow root found below it. */
  roots: ScanRoot[];
  /** Custom elements that have no shadow root yet. */
  pendingHosts: Element[];
}

export function scanDetailed(root: ScanRoot): ScanResult {
  const { elements, roots, pendingHosts } = collectCandidates(root);
  const headers: HeaderCache = new WeakMap();
  const entries: Entry[] = [];
  for (let i = 0; i < elements.length; i++) {
    const element = elements[i] as HTMLElement;
    const cls = classifyElement(element, headers);
    if (cls) entries.push({ element, cls, order: i });
  }
  const forms = groupIntoForms(withoutContainers(entries));
  applyMarks(forms, roots);
  return { forms, roots, pendingHosts };
}

/** How far up a cell can hold a field rendered by a component (td > x-picker > #shadow > input). */
const CONTAINER_DEPTH = 6;

/**
 * A read-only cell that holds a field through a shadow root (a code-picker component in a
 * grid cell) is that field's container, not a second field: keep the inner field only.
 */
function withoutContainers(entries: Entry[]): Entry[] {
  const elements = new Set<Element>(entries.map((e) => e.element));
  const containers = new Set<Element>();
  for (const e of entries) {
    let p = composedParent(e.element);
    for (let depth = 0; p && depth < CONTAINER_DEPTH; depth++, p = composedParent(p)) {
      if (elements.has(p)) containers.add(p);
    }
  }
  return containers.size === 0 ? entries : entries.filter((e) => !containers.has(e.element));
}
