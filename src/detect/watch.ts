/**
 * Keeps detection current while the page changes: one MutationObserver for the tree and
 * every open shadow root found in it, capture-phase value listeners (React-controlled
 * inputs included: their values are re-read after each user interaction, since React sets
 * .value without events), late shadow roots, and single-page navigations. Work is batched
 * to one pass per animation frame; callbacks fire only when lines or values changed.
 */
import { UI_ATTRIBUTE, type ScanRoot } from './candidates';
import { clearClassificationCache } from './classify';
import { fieldText } from './element-text';
import { clearMarks } from './marks';
import { scanDetailed } from './scan';
import type { DetectedForm, WatchReason } from './types';

/** Attributes whose change can change what a field is. */
const WATCHED_ATTRIBUTES = ['name', 'id', 'aria-label', 'aria-labelledby', 'placeholder', 'role', 'type', 'for',
  'aria-hidden', 'contenteditable', 'colspan', 'rowspan', 'value'];
/** Events after which values may have changed (React sets .value after click/keys without events). */
const VALUE_EVENTS = ['input', 'change', 'click', 'keyup', 'focusout', 'paste', 'cut', 'drop'];
/** Retry times for custom elements that may attach a shadow root after load. */
const SHADOW_POLL_MS = [50, 250, 1000, 3000];
/** Fallback when animation frames do not run (hidden tab). */
const FLUSH_FALLBACK_MS = 100;

const REASON_RANK: Record<WatchReason, number> = { initial: 4, navigation: 3, shadow: 2, mutation: 1, value: 0 };

export type WatchCallback = (forms: DetectedForm[], reason: WatchReason) => void;

export function watchPage(root: ScanRoot, onChange: WatchCallback): () => void {
  const doc = root instanceof Document ? root : root.ownerDocument;
  const win = doc?.defaultView ?? null;
  let disposed = false;
  let forms: DetectedForm[] = [];
  let roots: ScanRoot[] = [];
  let structure: unknown[] = [];
  let values: string[] = [];
  let lastHref = win?.location.href ?? '';
  const observed = new Set<ScanRoot>();
  const knownPending = new WeakSet<Element>();
  let pendingHosts: Element[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();

  let rescanWanted = false;
  let valueCheckWanted = false;
  let reason: WatchReason | null = null;
  let frame: number | null = null;
  let fallback: ReturnType<typeof setTimeout> | null = null;

  const want = (kind: 'rescan' | 'value', why: WatchReason): void => {
    if (disposed) return;
    if (kind === 'rescan') rescanWanted = true;
    else valueCheckWanted = true;
    if (!reason || REASON_RANK[why] > REASON_RANK[reason]) reason = why;
    if (frame === null && fallback === null) {
      if (win?.requestAnimationFrame) frame = win.requestAnimationFrame(flush);
      fallback = setTimeout(flush, FLUSH_FALLBACK_MS);
    }
  };

  const flush = (): void => {
    if (frame !== null) win?.cancelAnimationFrame(frame);
    if (fallback !== null) clearTimeout(fallback);
    frame = null;
    fallback = null;
    if (disposed) return;
    let why = reason ?? 'mutation';
    const href = win?.location.href ?? '';
    if (href !== lastHref) {
      lastHref = href;
      why = 'navigation';
      rescanWanted = true;
    }
    const rescan = rescanWanted;
    rescanWanted = false;
    valueCheckWanted = false;
    reason = null;
    if (rescan) {
      scan();
      const nextStructure = structureOf(forms);
      const nextValues = valuesOf(forms);
      const changed = !sameList(structure, nextStructure);
      const valuesChanged = !sameList(values, nextValues);
      structure = nextStructure;
      values = nextValues;
      if (changed) onChange(forms, why === 'value' ? 'mutation' : why);
      else if (valuesChanged) onChange(forms, 'value');
    } else {
      const nextValues = valuesOf(forms);
      if (!sameList(values, nextValues)) {
        values = nextValues;
        onChange(forms, 'value');
      }
    }
  };

  const onMutations = (records: MutationRecord[]): void => {
    for (const record of records) {
      const target = record.target;
      const targetEl = target.nodeType === 1 ? (target as Element) : target.parentElement;
      if (targetEl?.closest(`[${UI_ATTRIBUTE}]`)) continue;
      if (record.type === 'attributes') {
        if (record.attributeName === 'value') want('value', 'value');
        else want('rescan', 'mutation');
        continue;
      }
      if (record.type === 'characterData') {
        if (targetEl?.closest('label, th, [role="columnheader"], thead')) {
          clearClassificationCache();
          want('rescan', 'mutation');
        } else want('value', 'value');
        continue;
      }
      let structural = false;
      for (const node of [...Array.from(record.addedNodes), ...Array.from(record.removedNodes)]) {
        if (node.nodeType === 1 && !(node as Element).hasAttribute(UI_ATTRIBUTE)) structural = true;
      }
      if (targetEl?.closest('label, th, [role="columnheader"], thead')) {
        clearClassificationCache();
        structural = true;
      }
      if (structural) want('rescan', 'mutation');
      else want('value', 'value');
    }
  };
  const observer = new MutationObserver(onMutations);

  const onEvent = (event: Event): void => {
    if (event.type === 'input' || event.type === 'change' || event.type === 'focusout') {
      // A field inside a shadow root we have not seen yet (a component rendered late).
      for (const node of event.composedPath()) {
        if (node instanceof ShadowRoot && !observed.has(node)) {
          want('rescan', 'shadow');
          break;
        }
      }
    }
    want('value', 'value');
  };
  const onNavigation = (): void => want('rescan', 'navigation');
  const navigation = (win as unknown as { navigation?: EventTarget } | null)?.navigation;

  const observe = (tree: ScanRoot): void => {
    if (observed.has(tree)) return;
    observed.add(tree);
    observer.observe(tree, { childList: true, subtree: true, attributes: true, attributeFilter: WATCHED_ATTRIBUTES, characterData: true });
    for (const type of VALUE_EVENTS) tree.addEventListener(type, onEvent, true);
  };

  const scan = (): void => {
    const result = scanDetailed(root);
    forms = result.forms;
    roots = result.roots;
    for (const tree of roots) observe(tree);
    pendingHosts = result.pendingHosts;
    const fresh = pendingHosts.filter((host) => !knownPending.has(host));
    if (fresh.length > 0) watchPendingHosts(fresh);
  };

  /** Custom elements may attach a shadow root when defined or later: look again a few times. */
  const watchPendingHosts = (hosts: Element[]): void => {
    for (const host of hosts) knownPending.add(host);
    const registry = (win as unknown as { customElements?: CustomElementRegistry | null } | null)?.customElements;
    if (registry) {
      for (const name of new Set(hosts.map((h) => h.localName))) {
        if (!registry.get(name)) void registry.whenDefined(name).then(() => want('rescan', 'shadow'));
      }
    }
    for (const delay of SHADOW_POLL_MS) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (hosts.some((h) => h.isConnected && h.shadowRoot && !observed.has(h.shadowRoot))) want('rescan', 'shadow');
      }, delay);
      timers.add(timer);
    }
  };

  if (win) {
    win.addEventListener('popstate', onNavigation);
    win.addEventListener('hashchange', onNavigation);
  }
  navigation?.addEventListener('navigatesuccess', onNavigation);

  scan();
  structure = structureOf(forms);
  values = valuesOf(forms);
  onChange(forms, 'initial');

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

/** What identifies the detection: forms, lines, and each field's element, kind and role. */
function structureOf(forms: DetectedForm[]): unknown[] {
  const out: unknown[] = [];
  for (const form of forms) {
    out.push(form.root, form.lines.length);
    for (const line of form.lines) {
      out.push(line.fields.length);
      for (const field of line.fields) out.push(field.element, field.kind, field.role);
    }
  }
  return out;
}

function valuesOf(forms: DetectedForm[]): string[] {
  const out: string[] = [];
  for (const form of forms) for (const line of form.lines) for (const field of line.fields) out.push(fieldText(field.element));
  return out;
}

function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
