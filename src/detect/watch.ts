/**
 * Keeps detection current while the page changes: one MutationObserver for the tree and
 * every open shadow root found in it, capture-phase value listeners (React-controlled
 * inputs included: values are re-read after each user interaction, since React sets .value
 * without events), late shadow roots, and single-page navigations. Work is batched to one
 * pass per animation frame; a change inside a detected form rescans only that form; the
 * callback fires only when lines or values changed.
 */
import { CANDIDATE_SELECTOR, UI_ATTRIBUTE, type CandidateSet, type ScanRoot } from './candidates';
import { clearClassificationCache, forgetClassification } from './classify';
import { fieldText } from './element-text';
import { clearMarks } from './marks';
import { prewarmClassifications, scanDetailed } from './scan';
import { newHeaderCache, type HeaderCache } from './column-headers';
import { lineContainer, reindexLine } from './group';
import { FIELD_ATTRIBUTE, LINE_ATTRIBUTE } from './marks';
import type { DetectedForm, DetectedLine, WatchReason } from './types';

/** Attributes whose change can change what a field is. */
const WATCHED_ATTRIBUTES = ['name', 'id', 'aria-label', 'aria-labelledby', 'placeholder', 'role', 'type', 'for',
  'aria-hidden', 'contenteditable', 'colspan', 'rowspan', 'value'];
/** Events after which values may have changed (React sets .value after click/keys without events). */
const VALUE_EVENTS = ['input', 'change', 'click', 'keyup', 'focusout', 'paste', 'cut', 'drop'];
/** Retry times for custom elements that may attach a shadow root after load. */
const SHADOW_POLL_MS = [50, 250, 1000, 3000];
/** Fallback when animation frames do not run (hidden tab). */
const FLUSH_FALLBACK_MS = 100;
/** Elements that can turn into fields or say what a field is, when added or changed outside a form. */
const RELEVANT_SELECTOR = `${CANDIDATE_SELECTOR}, label, th, [role="columnheader"]`;

/** Above this many candidate elements, the first scan is prepared in slices (no long task). */
const LARGE_PAGE_CANDIDATES = 1500;
const ROW_SELECTOR = 'tr, [role="row"]';

const REASON_RANK: Record<WatchReason, number> = { initial: 4, navigation: 3, shadow: 2, mutation: 1, value: 0 };

export type WatchCallback = (forms: DetectedForm[], reason: WatchReason) => void;

export interface WatchOptions {
  /** Diagnostics: called after each batched pass with the time it took (benchmarks). */
  onPass?: (pass: { ms: number; rescanned: boolean }) => void;
}

/** One detected form and what it looked like at the last pass. */
interface FormState {
  form: DetectedForm;
  structure: unknown[];
  values: string[];
}

function stateOf(form: DetectedForm): FormState {
  return { form, structure: structureOf(form), values: valuesOf(form) };
}

export function watchPage(root: ScanRoot, onChange: WatchCallback, options: WatchOptions = {}): () => void {
  const doc = root instanceof Document ? root : root.ownerDocument;
  const win = doc?.defaultView ?? null;
  let disposed = false;
  let states: FormState[] = [];
  let roots: ScanRoot[] = [];
  let marked = new Set<Element>();
  let lastHref = win?.location.href ?? '';
  const observed = new Set<ScanRoot>();
  const knownPending = new WeakSet<Element>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  /** Built-in elements (div, span…) seen hosting a shadow root: scans only look at custom elements. */
  const shadowHosts = new Set<Element>();

  let fullRescan = false;
  /** Form roots with changes inside them: rescanned alone. */
  const dirtyForms = new Set<Element>();
  /** Grid forms where only whole rows came or went: those rows are scanned, nothing else. */
  const rowChanges = new Map<Element, Set<Element>>();
  /** False while a large page's first scan is being prepared: passes wait for it. */
  let ready = true;
  let changedWhilePreparing = false;
  let reason: WatchReason | null = null;
  let frame: number | null = null;
  let fallback: ReturnType<typeof setTimeout> | null = null;

  /** Set by events and text changes: values may differ, compare every form's values. */
  let valueCheck = false;
  const schedule = (why: WatchReason): void => {
    if (disposed) return;
    if (why === 'value') valueCheck = true;
    if (!reason || REASON_RANK[why] > REASON_RANK[reason]) reason = why;
    if (frame === null && fallback === null) {
      if (win?.requestAnimationFrame) frame = win.requestAnimationFrame(flush);
      fallback = setTimeout(flush, FLUSH_FALLBACK_MS);
    }
  };
  const wantFull = (why: WatchReason): void => {
    fullRescan = true;
    schedule(why);
  };

  /** The detected form a node sits in (light DOM of the watched tree), if any. */
  const formRootOf = (node: Node): Element | null => {
    for (const state of states) {
      const formRoot = state.form.root;
      if (formRoot instanceof Element && formRoot.isConnected && formRoot.contains(node)) return formRoot;
    }
    return null;
  };

  /** A change at this node: rescan its form, or everything when it is outside all forms. */
  const changedAt = (node: Node, relevantOutside: () => boolean, rows?: Element[]): void => {
    const formRoot = formRootOf(node);
    if (formRoot) {
      if (rows && isRowForm(formRoot)) {
        let set = rowChanges.get(formRoot);
        if (!set) rowChanges.set(formRoot, (set = new Set()));
        for (const row of rows) set.add(row);
      } else dirtyForms.add(formRoot);
      schedule('mutation');
    } else if (relevantOutside()) wantFull('mutation');
  };

  /** A form whose every line is a table or ARIA row. */
  const isRowForm = (formRoot: Element): boolean => {
    const state = states.find((s) => s.form.root === formRoot);
    return !!state && state.form.lines.every((line) => lineContainer(line)?.matches(ROW_SELECTOR) === true);
  };

  const flush = (): void => {
    if (frame !== null) win?.cancelAnimationFrame(frame);
    if (fallback !== null) clearTimeout(fallback);
    frame = null;
    fallback = null;
    if (disposed || !ready) return;
    const started = performance.now();
    let why = reason ?? 'mutation';
    const href = win?.location.href ?? '';
    if (href !== lastHref) {
      lastHref = href;
      why = 'navigation';
      fullRescan = true;
    }
    // A form that left the page: only a full pass can tell where its lines went.
    if (states.some((s) => s.form.root instanceof Element && !s.form.root.isConnected)) fullRescan = true;
    const full = fullRescan;
    const scoped = full ? [] : outermost([...dirtyForms]);
    const rowForms = full ? [] : [...rowChanges].filter(([formRoot]) => !scoped.some((d) => d.contains(formRoot)));
    fullRescan = false;
    dirtyForms.clear();
    rowChanges.clear();
    reason = null;

    let structureChanged = false;
    if (full) {
      const before = states;
      scan();
      structureChanged = before.length !== states.length || before.some((s, i) => !sameList(s.structure, states[i]!.structure));
    } else {
      for (const formRoot of scoped) structureChanged = rescanForm(formRoot) || structureChanged;
      const headers = newHeaderCache();
      for (const [formRoot, rows] of rowForms) {
        const changed = updateRows(formRoot, rows, headers);
        structureChanged = (changed ?? rescanForm(formRoot)) || structureChanged;
      }
    }
    let valuesChanged = false;
    if (valueCheck || full) {
      for (const state of states) {
        const values = valuesOf(state.form);
        if (!sameList(values, state.values)) {
          state.values = values;
          valuesChanged = true;
        }
      }
    }
    valueCheck = false;
    options.onPass?.({ ms: performance.now() - started, rescanned: full || scoped.length > 0 || rowForms.length > 0 });
    const forms = states.map((s) => s.form);
    if (structureChanged) onChange(forms, why === 'value' ? 'mutation' : why);
    else if (valuesChanged) onChange(forms, 'value');
  };

  const onMutations = (records: MutationRecord[]): void => {
    if (!ready && records.some((r) => r.type !== 'characterData')) changedWhilePreparing = true;
    for (const record of records) {
      const target = record.target;
      const targetEl = target.nodeType === 1 ? (target as Element) : target.parentElement;
      if (!targetEl || targetEl.closest(`[${UI_ATTRIBUTE}]`)) continue;
      if (record.type === 'attributes') {
        if (record.attributeName === 'value') schedule('value');
        else {
          forgetClassification(targetEl);
          if (targetEl.localName === 'label') {
            const control = (targetEl as HTMLLabelElement).control;
            if (control) forgetClassification(control);
          }
          changedAt(targetEl, () => targetEl.matches(RELEVANT_SELECTOR));
        }
        continue;
      }
      if (record.type === 'characterData') {
        if (targetEl.closest('label, th, [role="columnheader"], thead')) {
          clearClassificationCache();
          changedAt(targetEl, () => true);
        } else schedule('value');
        continue;
      }
      const added: Element[] = [];
      let structural = false;
      for (const node of Array.from(record.addedNodes)) {
        if (node.nodeType !== 1 || (node as Element).hasAttribute(UI_ATTRIBUTE)) continue;
        structural = true;
        added.push(node as Element);
        forgetLabelled(node as Element);
      }
      for (const node of Array.from(record.removedNodes)) {
        if (node.nodeType === 1 && !(node as Element).hasAttribute(UI_ATTRIBUTE)) structural = true;
      }
      let headerText = false;
      if (targetEl.closest('label, th, [role="columnheader"]')) {
        clearClassificationCache();
        structural = true;
        headerText = true;
      }
      if (structural) {
        // A cell is a read-only field only while it holds no control: look at it again.
        const cell = targetEl.closest('td, [role="gridcell"], [role="cell"]');
        if (cell) forgetClassification(cell);
        // Only whole rows came or went (a grid adding or deleting lines): scan just those rows.
        const removedEls = Array.from(record.removedNodes).filter((n): n is Element => n.nodeType === 1);
        const onlyRows = !headerText && !targetEl.matches(ROW_SELECTOR) && [...added, ...removedEls].every((el) => el.matches(ROW_SELECTOR));
        // Outside every form, only added fields, labels, headers or components can matter.
        changedAt(targetEl, () => headerText || added.some((el) =>
          el.localName.includes('-') || el.matches(RELEVANT_SELECTOR) || el.querySelector(RELEVANT_SELECTOR) !== null), onlyRows ? added : undefined);
      } else schedule('value');
    }
  };
  const observer = new MutationObserver(onMutations);

  const onEvent = (event: Event): void => {
    const path = event.composedPath();
    // Typing or clicking in ClaimLens's own UI is not a change of the claim.
    if (path.some((node) => node instanceof Element && node.hasAttribute(UI_ATTRIBUTE))) return;
    if (event.type === 'input' || event.type === 'change' || event.type === 'focusout') {
      // A field inside a shadow root we have not seen yet (a component rendered late).
      for (const node of path) {
        if (node instanceof ShadowRoot && !observed.has(node)) {
          shadowHosts.add(node.host);
          wantFull('shadow');
          break;
        }
      }
    }
    schedule('value');
  };
  const onNavigation = (): void => wantFull('navigation');
  const navigation = (win as unknown as { navigation?: EventTarget } | null)?.navigation;

  const observe = (tree: ScanRoot): void => {
    if (observed.has(tree)) return;
    observed.add(tree);
    observer.observe(tree, { childList: true, subtree: true, attributes: true, attributeFilter: WATCHED_ATTRIBUTES, characterData: true });
    for (const type of VALUE_EVENTS) tree.addEventListener(type, onEvent, true);
  };

  const adopt = (result: { roots: ScanRoot[]; pendingHosts: Element[] }): void => {
    for (const tree of result.roots) {
      // Elements scanned alone (a form, a row) lie inside an observed tree already.
      if (tree instanceof Element && tree !== root) continue;
      observe(tree);
      if (!roots.includes(tree)) roots.push(tree);
    }
    const fresh = result.pendingHosts.filter((host) => !knownPending.has(host));
    if (fresh.length > 0) watchPendingHosts(fresh);
  };

  const scan = (candidates?: CandidateSet): void => {
    for (const host of shadowHosts) if (!host.isConnected) shadowHosts.delete(host);
    const result = scanDetailed(root, { extraHosts: shadowHosts, trustCache: true, previouslyMarked: marked, candidates });
    marked = result.marked;
    roots = [];
    adopt(result);
    states = result.forms.map(stateOf);
  };

  /** Rescans one form's subtree and splices its forms in; true when the structure changed. */
  const rescanForm = (formRoot: Element): boolean => {
    const inside = states.filter((s) => s.form.root === formRoot || (s.form.root instanceof Node && formRoot.contains(s.form.root)));
    const previouslyMarked = new Set<Element>();
    for (const s of inside) for (const line of s.form.lines) for (const f of line.fields) previouslyMarked.add(f.element);
    const result = scanDetailed(formRoot, { extraHosts: shadowHosts, trustCache: true, previouslyMarked });
    for (const el of previouslyMarked) if (!result.marked.has(el)) marked.delete(el);
    for (const el of result.marked) marked.add(el);
    adopt(result);
    const fresh = result.forms.map(stateOf);
    // Same lines as before: keep the old values so the value comparison below sees edits.
    fresh.forEach((state, i) => {
      const old = inside[i];
      if (old && sameList(old.structure, state.structure)) {
        state.values = old.values;
        valueCheck = true;
      }
    });
    const at = states.indexOf(inside[0]!);
    states = states.filter((s) => !inside.includes(s));
    states.splice(at < 0 ? states.length : Math.min(at, states.length), 0, ...fresh);
    return inside.length !== fresh.length || inside.some((s, i) => !sameList(s.structure, fresh[i]!.structure));
  };

  /**
   * A grid form where only rows were added or removed: drop the lines whose row left, scan
   * the added rows alone, renumber. Returns whether the structure changed, or undefined when
   * the rows do not fit that picture (the caller rescans the whole form).
   */
  const updateRows = (formRoot: Element, addedRows: Set<Element>, headers: HeaderCache): boolean | undefined => {
    const index = states.findIndex((s) => s.form.root === formRoot);
    if (index < 0 || !formRoot.isConnected) return undefined;
    const state = states[index]!;
    const kept = state.form.lines.filter((line) => lineContainer(line)?.isConnected && formRoot.contains(lineContainer(line)!));
    const known = new Set(kept.map((line) => lineContainer(line)));
    const fresh: DetectedLine[] = [];
    for (const row of addedRows) {
      if (!row.isConnected || known.has(row) || !formRoot.contains(row)) continue;
      const result = scanDetailed(row, { extraHosts: shadowHosts, trustCache: true, previouslyMarked: new Set(), headers });
      adopt(result);
      for (const form of result.forms) {
        for (const line of form.lines) {
          if (lineContainer(line) !== row || form.root !== formRoot) return undefined;
          fresh.push(line);
        }
      }
    }
    if (fresh.length === 0 && kept.length === state.form.lines.length) return false;
    // Document order of rows, read once: rows of one grid.
    const order = new Map<Element, number>();
    formRoot.querySelectorAll(ROW_SELECTOR).forEach((row, i) => order.set(row, i));
    const merged = [...kept, ...fresh].sort((a, b) => (order.get(lineContainer(a)!) ?? 0) - (order.get(lineContainer(b)!) ?? 0));
    if (merged.length === 0) {
      states.splice(index, 1);
      return true;
    }
    const freshSet = new Set(fresh);
    const lines = merged.map((line, i) => {
      if (line.index === i && !freshSet.has(line)) return line;
      for (const field of line.fields) {
        if (field.element.getAttribute(LINE_ATTRIBUTE) !== String(i)) field.element.setAttribute(LINE_ATTRIBUTE, String(i));
        if (field.element.getAttribute(FIELD_ATTRIBUTE) !== field.kind) field.element.setAttribute(FIELD_ATTRIBUTE, field.kind);
        marked.add(field.element);
      }
      return reindexLine(line, i);
    });
    const keptSet = new Set(kept);
    for (const line of state.form.lines) {
      if (!keptSet.has(line)) for (const field of line.fields) marked.delete(field.element);
    }
    const form: DetectedForm = { root: formRoot, lines };
    states[index] = stateOf(form);
    return true;
  };

  /** Custom elements may attach a shadow root when defined or later: look again a few times. */
  const watchPendingHosts = (hosts: Element[]): void => {
    for (const host of hosts) knownPending.add(host);
    const registry = (win as unknown as { customElements?: CustomElementRegistry | null } | null)?.customElements;
    if (registry) {
      for (const name of new Set(hosts.map((h) => h.localName))) {
        if (!registry.get(name)) void registry.whenDefined(name).then(() => wantFull('shadow'));
      }
    }
    for (const delay of SHADOW_POLL_MS) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (hosts.some((h) => h.isConnected && h.shadowRoot && !observed.has(h.shadowRoot))) wantFull('shadow');
      }, delay);
      timers.add(timer);
    }
  };

  if (win) {
    win.addEventListener('popstate', onNavigation);
    win.addEventListener('hashchange', onNavigation);
  }
  navigation?.addEventListener('navigatesuccess', onNavigation);

  const countCandidates = (): number => (root instanceof Document ? root.body ?? root : root).querySelectorAll(CANDIDATE_SELECTOR).length;
  if (countCandidates() > LARGE_PAGE_CANDIDATES) {
    // Large page: classify in slices first (no long task), then scan and report.
    ready = false;
    observe(root);
    void prewarmClassifications(root, { extraHosts: shadowHosts, cancelled: () => disposed }).then((candidates) => {
      if (disposed) return;
      ready = true;
      // Nothing relevant changed while preparing: the collected candidates are still the page's.
      const unchanged = !changedWhilePreparing;
      fullRescan = false;
      dirtyForms.clear();
      rowChanges.clear();
      scan(unchanged ? candidates : undefined);
      onChange(states.map((s) => s.form), 'initial');
    });
  } else {
    scan();
    onChange(states.map((s) => s.form), 'initial');
  }

  return () => {
    if (disposed) return;
    disposed = true;
    observer.disconnect();
    for (const tree of observed) for (const type of VALUE_EVENTS) tree.removeEventListener(type, onEvent, true);
    observed.clear();
    if (win) {
      win.removeEventListener('popstate', onNavigation);
      win.removeEventListener('hashchange', onNavigation);
    }
    navigation?.removeEventListener('navigatesuccess', onNavigation);
    if (frame !== null) win?.cancelAnimationFrame(frame);
    if (fallback !== null) clearTimeout(fallback);
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    clearMarks(roots);
  };
}

/** Drops roots inside other roots of the list (rescanning the outer one covers them). */
function outermost(elements: Element[]): Element[] {
  return elements.filter((el) => !elements.some((other) => other !== el && other.contains(el)));
}

/**
 * New labels and headers can change what existing fields are: forget the controls a new
 * label names; a new column header clears everything (rare: grids re-render heads on sort).
 */
function forgetLabelled(added: Element): void {
  if (added.localName === 'th' || added.getAttribute('role') === 'columnheader' || added.querySelector('th, [role="columnheader"]')) {
    clearClassificationCache();
    return;
  }
  const labels = added.localName === 'label' ? [added as HTMLLabelElement] : Array.from(added.querySelectorAll('label'));
  for (const label of labels) {
    const control = (label as HTMLLabelElement).control;
    if (control) forgetClassification(control);
  }
}

/** What identifies a form's detection: its root, lines, and each field's element, kind and role. */
function structureOf(form: DetectedForm): unknown[] {
  const out: unknown[] = [form.root, form.lines.length];
  for (const line of form.lines) {
    out.push(line.fields.length);
    for (const field of line.fields) out.push(field.element, field.kind, field.role);
  }
  return out;
}

function valuesOf(form: DetectedForm): string[] {
  const out: string[] = [];
  for (const line of form.lines) for (const field of line.fields) out.push(fieldText(field.element));
  return out;
}

function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
