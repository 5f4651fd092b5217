/**
 * Finds the elements that could hold a service-line value in one tree (document, shadow
 * root or element), and the open shadow roots below it. Does not enter iframes: the
 * content script runs in every frame (all_frames) and each frame scans itself.
 */

/** Elements under an element with this attribute are ClaimLens's own UI: never scanned. */
export const UI_ATTRIBUTE = 'data-claimlens-ui';

export const CANDIDATE_SELECTOR =
  'input, select, textarea, [role="combobox"], [contenteditable]:not([contenteditable="false"]), td, [role="gridcell"], [role="cell"]';
const CONTROL_INSIDE = 'input:not([type="hidden"]), select, textarea, [role="combobox"], [contenteditable]:not([contenteditable="false"])';

/** Input types a biller types a code, number, date or amount into. */
const TEXT_TYPES = new Set(['', 'text', 'search', 'number', 'tel', 'date', 'datetime-local']);

export type ScanRoot = Document | ShadowRoot | Element;

export interface CandidateSet {
  elements: Element[];
  /** Every tree scanned: the root and the open shadow roots found below it. */
  roots: ScanRoot[];
  /** Custom elements without a shadow root yet: they may attach one later. */
  pendingHosts: Element[];
}

type ShadowGetter = (el: Element) => ShadowRoot | null;

/**
 * Content scripts can reach closed shadow roots too: Chrome through chrome.dom.openOrClosedShadowRoot,
 * Firefox through element.openOrClosedShadowRoot. Page scripts (tests) get open ones.
 */
function shadowGetter(): ShadowGetter {
  if (typeof Element !== 'undefined' && 'openOrClosedShadowRoot' in Element.prototype) {
    return (el) => (el as Element & { openOrClosedShadowRoot: ShadowRoot | null }).openOrClosedShadowRoot;
  }
  const dom = (globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?: (el: Element) => ShadowRoot | null } } }).chrome?.dom;
  if (dom?.openOrClosedShadowRoot) {
    const get = dom.openOrClosedShadowRoot.bind(dom);
    return (el) => {
      try {
        return get(el);
      } catch {
        return el.shadowRoot;
      }
    };
  }
  return (el) => el.shadowRoot;
}

/**
 * Read-only cells are worth classifying only in grids whose headers name a line field;
 * the answer is kept per grid for one scan.
 */
export type GridFilter = (cell: Element) => boolean;

export function isCandidate(el: Element, gridFilter?: GridFilter): boolean {
  const tag = el.localName;
  if (tag === 'input') {
    const input = el as HTMLInputElement;
    if (!TEXT_TYPES.has((input.getAttribute('type') ?? '').toLowerCase())) return false;
    return input.getAttribute('aria-hidden') !== 'true';
  }
  if (tag === 'select' || tag === 'textarea') return el.getAttribute('aria-hidden') !== 'true';
  if (tag === 'td' || el.getAttribute('role') === 'gridcell' || el.getAttribute('role') === 'cell') {
    // A read-only cell of a grid: its column header says what it is. Header rows are not lines.
    if (gridFilter && !gridFilter(el)) return false;
    if (holdsControl(el)) return false;
    return tag !== 'td' || el.parentElement?.parentElement?.localName !== 'thead';
  }
  if (el.getAttribute('role') === 'combobox') return el.querySelector('input, textarea') === null;
  return true; // contenteditable
}

const DOCUMENT_FRAGMENT_NODE = 11; // a shadow root
const CUSTOM_ELEMENTS_XPATH = ".//*[contains(local-name(), '-')]";

/**
 * Elements with a hyphen in their name, in document order. XPath filters natively: touching
 * every element of a large page from script (one wrapper each) costs more than the rest of
 * a scan. Shadow roots are no XPath context node, and some DOMs lack XPath: walk those.
 */
function customElementsIn(tree: ScanRoot): Element[] {
  const doc = tree instanceof Document ? tree : tree.ownerDocument;
  if (tree.nodeType !== DOCUMENT_FRAGMENT_NODE && typeof doc?.evaluate === 'function' && typeof XPathResult !== 'undefined') {
    const found = doc.evaluate(CUSTOM_ELEMENTS_XPATH, tree, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
    const out: Element[] = [];
    for (let i = 0; i < found.snapshotLength; i++) out.push(found.snapshotItem(i) as Element);
    return out;
  }
  const all = tree.querySelectorAll('*');
  const out: Element[] = [];
  for (let i = 0; i < all.length; i++) if (all[i]!.localName.includes('-')) out.push(all[i]!);
  return out;
}

/** el.querySelector(CONTROL_INSIDE) !== null, without the query when the cell is empty or
 * starts with its control (the usual grid cell). */
function holdsControl(el: Element): boolean {
  const first = el.firstElementChild;
  if (first === null) return false;
  const tag = first.localName;
  if (tag === 'select' || tag === 'textarea') return true;
  if (tag === 'input' && (first.getAttribute('type') ?? '').toLowerCase() !== 'hidden') return true;
  return el.querySelector(CONTROL_INSIDE) !== null;
}

/**
 * @param extraHosts built-in elements known to host a shadow root (found by the watcher
 *   from an event's composed path): scanned too.
 */
export function collectCandidates(root: ScanRoot, extraHosts: ReadonlySet<Element> = new Set(), gridFilter?: GridFilter): CandidateSet {
  const set: CandidateSet = { elements: [], roots: [], pendingHosts: [] };
  const getShadow = shadowGetter();
  const visit = (tree: ScanRoot): void => {
    set.roots.push(tree);
    const hasUi = tree.querySelector(`[${UI_ATTRIBUTE}]`) !== null;
    const found = tree.querySelectorAll(CANDIDATE_SELECTOR);
    for (let i = 0; i < found.length; i++) {
      const el = found[i]!;
      if (hasUi && el.closest(`[${UI_ATTRIBUTE}]`)) continue;
      if (isCandidate(el, gridFilter)) set.elements.push(el);
    }
    // Shadow hosts: custom elements (reading .shadowRoot on every element costs more than
    // the rest of a scan); built-in hosts are found through events (see watch.ts) and extraHosts.
    for (const el of customElementsIn(tree)) {
      const shadow = getShadow(el);
      if (shadow) {
        if (!el.hasAttribute(UI_ATTRIBUTE)) visit(shadow);
      } else set.pendingHosts.push(el);
    }
    for (const host of extraHosts) {
      const shadow = host.isConnected && !host.localName.includes('-') && host.getRootNode() === tree ? getShadow(host) : null;
      if (shadow && !host.hasAttribute(UI_ATTRIBUTE)) visit(shadow);
    }
  };
  visit(root);
  if (root instanceof Element) {
    const shadow = getShadow(root);
    if (shadow) visit(shadow);
  }
  return set;
}
