/**
 * One detection pass over a tree: candidates → classification → lines and forms → marks.
 */
import { collectCandidates, type ScanRoot } from './candidates';
import { classifyElement } from './classify';
import type { HeaderCache } from './column-headers';
import { groupIntoForms, type Entry } from './group';
import { applyMarks } from './marks';
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
  const forms = groupIntoForms(entries);
  applyMarks(forms, roots);
  return { forms, roots, pendingHosts };
}
