/**
 * One detection pass over a tree: candidates → classification → lines and forms → marks.
 */
import { collectCandidates, type CandidateSet, type ScanRoot } from './candidates';
import { classifyElement } from './classify';
import { labelMap, type ScanContext } from './descriptors';
import { columnHeaders, gridOf, newHeaderCache, type HeaderCache } from './column-headers';
import { scoreText } from './keywords';
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

export interface ScanOptions {
  /** Built-in elements known to host shadow roots (the watcher finds them through events). */
  extraHosts?: ReadonlySet<Element>;
  /** Cached classifications are current (the watcher forgets what mutations touch). */
  trustCache?: boolean;
  /** Elements marked by the previous scan of this root: saves a query for stale marks. */
  previouslyMarked?: ReadonlySet<Element>;
  /** Column headers already read in this pass (several rows of one grid scanned apart). */
  headers?: HeaderCache;
  /** Candidates collected moments ago with nothing changed since (the sliced first scan). */
  candidates?: CandidateSet;
}

export function scanDetailed(root: ScanRoot, options: ScanOptions = {}): ScanResult & { marked: Set<Element> } {
  const { extraHosts, trustCache = false, previouslyMarked } = options;
  const headers: HeaderCache = options.headers ?? newHeaderCache();
  const { elements, roots, pendingHosts } = options.candidates ?? collectCandidates(root, extraHosts, gridWithLineHeaders(headers));
  const context: ScanContext = { headers, labels: labelMap(roots) };
  const entries: Entry[] = [];
  for (let i = 0; i < elements.length; i++) {
    const element = elements[i] as HTMLElement;
    const cls = classifyElement(element, context, trustCache);
    if (cls) entries.push({ element, cls, order: i });
  }
  const forms = groupIntoForms(withoutContainers(entries), root instanceof Element ? root : undefined);
  const marked = applyMarks(forms, roots, previouslyMarked);
  return { forms, roots, pendingHosts, marked };
}

/** How far up a cell can hold a field rendered by a component (td > x-picker > #shadow > input). */
const CONTAINER_DEPTH = 6;

/**
 * A read-only cell that holds a field through a shadow root (a code-picker component in a
 * grid cell) is that field's container, not a second field: keep the inner field only.
 */
function withoutContainers(entries: Entry[]): Entry[] {
  // Only read-only cells can contain another field; most pages have none among the entries.
  const cells = entries.filter((e) => e.element.localName === 'td' || e.element.hasAttribute('role'));
  if (cells.length === 0) return entries;
  const elements = new Set<Element>(cells.map((e) => e.element));
  const containers = new Set<Element>();
  for (const e of entries) {
    if (e.element.getRootNode() === e.element.ownerDocument) continue; // a light-DOM field lies in no read-only cell
    let p = composedParent(e.element);
    for (let depth = 0; p && depth < CONTAINER_DEPTH; depth++, p = composedParent(p)) {
      if (elements.has(p)) containers.add(p);
    }
  }
  return containers.size === 0 ? entries : entries.filter((e) => !containers.has(e.element));
}

/**
 * A cell filter for one scan: true when the cell's grid has a header naming a line field.
 * Answers are kept per grid and per table row (the cells of a row share a grid).
 */
function gridWithLineHeaders(headers: HeaderCache): (cell: Element) => boolean {
  const verdicts = new Map<Element, boolean>();
  const byRow = new Map<Element, boolean>();
  const verdictFor = (cell: Element): boolean => {
    const grid = gridOf(cell);
    if (!grid) return false;
    let verdict = verdicts.get(grid);
    if (verdict === undefined) {
      // One row leaves no room for a header and a line (checked first: it is cheap).
      verdict = (grid as HTMLTableElement).rows?.length !== 1 && columnHeaders(grid, headers).some((text) => {
        const { scores } = scoreText(text);
        return Object.keys(scores).some((kind) => kind !== 'decoy');
      });
      verdicts.set(grid, verdict);
    }
    return verdict;
  };
  return (cell) => {
    // gridOf(td) is decided by the td's row alone; cells with a role go the long way.
    const row = cell.localName === 'td' && !cell.hasAttribute('role') ? cell.parentElement : null;
    if (row?.localName !== 'tr') return verdictFor(cell);
    let verdict = byRow.get(row);
    if (verdict === undefined) byRow.set(row, (verdict = verdictFor(cell)));
    return verdict;
  };
}

/** Waits for the page to run other tasks (input, rendering) before the next slice. */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Classifies a tree's candidates in slices of at most sliceMs, yielding between slices, so
 * the first scan of a very large page (hundreds of lines) never blocks the page for long:
 * the scan that follows finds every classification cached.
 */
export async function prewarmClassifications(
  root: ScanRoot,
  options: { extraHosts?: ReadonlySet<Element>; sliceMs?: number; cancelled?: () => boolean } = {},
): Promise<CandidateSet> {
  const sliceMs = options.sliceMs ?? 8;
  const headers = newHeaderCache();
  const candidates = collectCandidates(root, options.extraHosts, gridWithLineHeaders(headers));
  const { elements, roots } = candidates;
  const context: ScanContext = { headers, labels: labelMap(roots) };
  let i = 0;
  while (i < elements.length) {
    await yieldToPage();
    if (options.cancelled?.()) return candidates;
    const start = performance.now();
    while (i < elements.length) {
      classifyElement(elements[i]!, context, true);
      i++;
      if ((i & 31) === 0 && performance.now() - start > sliceMs) break;
    }
  }
  await yieldToPage();
  return candidates;
}
