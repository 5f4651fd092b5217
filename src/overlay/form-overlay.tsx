import { render } from 'preact';
import type { DetectedForm, DetectedLine, ReadLine } from '../detect/types';
import { Badge } from './components/Badge';
import { addClaimLine, emptyClaimLines, type ClaimLines } from './claim-lines';
import { checkLines, type SendMessage } from './check-client';
import { createHost, setImportantStyles, type OverlayHost } from './host';
import type { Positioner } from './positioner';
import { BADGE_STYLES } from './styles';
import { CHECK_DEBOUNCE_MS, LOADING_RETRY_DELAYS_MS, RENDER_AT_ONCE_LINES, RENDER_SLICE_MS } from './timing';
import { buildOverlayView, placeholderView, type LineStatus, type OverlayView } from './view-model';
import type { DetectPort } from './detect-port';
import { yieldToPage } from './yield-to-page';

/** The worker's finding for "checked with the data loaded so far" (src/messaging/handlers.ts). */
export const PARTIAL_DATA_RULE = 'data.loading';

export interface FormOverlayDeps {
  doc: Document;
  detect: DetectPort;
  send: SendMessage;
  positioner: Positioner;
  today(): string;
  /** Called after every render, e.g. to update the page summary. */
  onRendered(): void;
}

interface BadgeSlot {
  host: OverlayHost;
  anchor: Element;
  lineIndex: number;
  openUpward: boolean;
  /** What was last rendered, to skip badges whose content did not change. */
  renderedKey?: string;
}

/** The code field of a line is what its badge sits beside. */
export function codeField(line: DetectedLine): Element | undefined {
  return line.fields.find((f) => f.kind === 'cpt')?.element;
}

const elementIds = new WeakMap<Element, number>();
let nextElementId = 1;
function idOf(element: Element): number {
  let id = elementIds.get(element);
  if (id === undefined) elementIds.set(element, (id = nextElementId++));
  return id;
}

/** Which elements make up which line: equal keys mean the same fields in the same places. */
function structureKey(form: DetectedForm): string {
  return form.lines.map((l) => l.fields.map((f) => `${f.kind}:${idOf(f.element)}`).join(',')).join('|');
}

/**
 * The overlay of one detected form (one claim): reads its lines, asks the worker to check
 * them (debounced), and keeps one badge per line that has a code.
 */
export class FormOverlay {
  private form: DetectedForm;
  private fields = new Set<Element>();
  private badges = new Map<Element, BadgeSlot>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: AbortController | undefined;
  private view: OverlayView | undefined;
  private openAnchor: Element | undefined;
  private renderGeneration = 0;
  private destroyed = false;
  /** Re-checks made because the worker answered with partly loaded data. */
  private partialRechecks = 0;

  constructor(form: DetectedForm, private readonly deps: FormOverlayDeps) {
    this.form = form;
    this.indexFields();
    this.scheduleCheck(0);
  }

  get root(): DetectedForm['root'] {
    return this.form.root;
  }

  get summary(): OverlayView['summary'] | undefined {
    return this.view?.summary;
  }

  /**
   * A new detection of the same form. Re-checks when its lines changed (rows added, removed,
   * re-rendered) or when detection saw a value change; a detection pass caused by anything
   * else (our own hosts, unrelated DOM) must not start a check, or checks would loop.
   */
  update(form: DetectedForm, valueChanged = false): void {
    const before = structureKey(this.form);
    this.form = form;
    this.indexFields();
    if (structureKey(form) !== before) {
      this.scheduleCheck(CHECK_DEBOUNCE_MS);
      this.deps.positioner.schedule(); // rows added or removed move the lines below them
    }
    // Detection reports a typed value one frame after our own input listener saw it: keep
    // that check's deadline rather than restarting the debounce.
    else if (valueChanged) this.scheduleCheck(CHECK_DEBOUNCE_MS, { keepPending: true });
    else this.deps.positioner.schedule();
  }

  /** True when every field of this form has left the document. */
  get detached(): boolean {
    for (const field of this.fields) if (field.isConnected) return false;
    return true;
  }

  owns(element: Element): boolean {
    return this.fields.has(element);
  }

  /** The line whose field is `element`, if any. */
  lineOf(element: Element): DetectedLine | undefined {
    return this.form.lines.find((l) => l.fields.some((f) => f.element === element));
  }

  /** A field of this form changed (input/change event). */
  fieldChanged(): void {
    this.scheduleCheck(CHECK_DEBOUNCE_MS);
  }

  private indexFields(): void {
    this.fields = new Set(this.form.lines.flatMap((l) => l.fields.map((f) => f.element)));
  }

  private scheduleCheck(delay: number, options: { keepPending?: boolean } = {}): void {
    if (this.destroyed) return;
    if (options.keepPending && this.timer !== undefined) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.runCheck();
    }, delay);
  }

  private async runCheck(): Promise<void> {
    this.inFlight?.abort();
    const controller = new AbortController();
    this.inFlight = controller;
    const lines = this.form.lines;
    const sent = await this.readLines(lines, controller.signal);
    if (!sent) return;
    if (sent.lines.length === 0) {
      this.show(placeholderView(lines.length, sent, { kind: 'pending' }));
      return;
    }
    if (!this.view) this.show(placeholderView(lines.length, sent, { kind: 'pending' }));
    const outcome = await checkLines(this.deps.send, sent.lines, controller.signal);
    if (outcome.kind === 'aborted' || this.destroyed) return;
    if (outcome.kind === 'result' && outcome.result.findings.some((f) => f.rule === PARTIAL_DATA_RULE)) {
      // Shown now, checked again once more reference data is in (first install, an import).
      // Stops after the last delay: a dataset that never completes must not keep a large
      // claim re-checking forever (the next edit checks again anyway).
      const delay = LOADING_RETRY_DELAYS_MS[this.partialRechecks++];
      if (delay !== undefined) this.scheduleCheck(delay);
    } else this.partialRechecks = 0;
    this.show(
      outcome.kind === 'result'
        ? buildOverlayView(lines.length, sent, outcome.result)
        : placeholderView(lines.length, sent, { kind: 'unavailable', message: outcome.message }),
    );
  }

  /**
   * Reads and validates the form's lines. A large claim is read in slices of RENDER_SLICE_MS
   * with the page free in between; undefined when a newer check or destroy() cut it short.
   */
  private async readLines(lines: readonly DetectedLine[], signal: AbortSignal): Promise<ClaimLines | undefined> {
    const sent = emptyClaimLines();
    const today = this.deps.today();
    const sliced = lines.length > RENDER_AT_ONCE_LINES;
    let sliceStarted = performance.now();
    for (const [index, line] of lines.entries()) {
      if (sliced && performance.now() - sliceStarted >= RENDER_SLICE_MS) {
        await yieldToPage();
        if (signal.aborted || this.destroyed) return undefined;
        sliceStarted = performance.now();
      }
      let read: ReadLine | undefined;
      try {
        read = this.deps.detect.readLine(line);
      } catch {
        read = undefined; // a field the page removed mid-read: treat the line as empty
      }
      addClaimLine(sent, read, index, today);
    }
    return sent;
  }

  /**
   * Shows a view: removes badges of lines that no longer have a code, then adds or updates
   * the others in slices of RENDER_SLICE_MS, yielding to the page between slices (a new view
   * cancels the slices left of an older one). Badges whose content did not change are skipped.
   * New badges are rendered off-document and handed to the positioner, which attaches them
   * ATTACH_PER_FRAME at a time.
   */
  private show(view: OverlayView): void {
    this.view = view;
    const generation = ++this.renderGeneration;
    const wanted = new Map<Element, number>();
    this.form.lines.forEach((line, index) => {
      const anchor = codeField(line);
      const status = view.lines.get(index);
      // Rows with no code get no badge: an empty row of a fee sheet is not an error. Nor do
      // lines before their first answer: the summary says "checking…", and a 200-line
      // claim is not rendered twice.
      if (!anchor || !status || status.kind === 'pending') return;
      if (status.kind === 'skipped' && status.reason.kind === 'empty') return;
      wanted.set(anchor, index);
    });
    for (const [anchor, slot] of this.badges) if (!wanted.has(anchor)) this.removeBadge(slot);
    const work = [...wanted];
    let next = 0;
    // New badges are rendered off-document and handed to the positioner together once
    // rendering is done (or a newer view takes over): every frame that attaches badges also
    // repaints the page around them, so they come in a few full batches, not one per slice.
    const fresh: BadgeSlot[] = [];
    const attachFresh = () => {
      for (const slot of fresh) if (this.badges.get(slot.anchor) === slot) this.attach(slot);
      fresh.length = 0;
    };
    const slice = () => {
      if (this.destroyed) return;
      if (generation !== this.renderGeneration) return attachFresh();
      const started = performance.now();
      while (next < work.length && performance.now() - started < RENDER_SLICE_MS) {
        const [anchor, lineIndex] = work[next++]!;
        let slot = this.badges.get(anchor);
        if (!slot) fresh.push((slot = this.createBadge(anchor, lineIndex)));
        slot.lineIndex = lineIndex;
        this.renderBadge(slot);
      }
      if (next < work.length) {
        setTimeout(slice, 0);
        return;
      }
      attachFresh();
      this.deps.onRendered();
    };
    // A typical claim renders at once; a large one starts in a task of its own, apart from
    // the task that read and validated the worker's answer.
    if (work.length <= RENDER_AT_ONCE_LINES) slice();
    else setTimeout(slice, 0);
  }

  private createBadge(anchor: Element, lineIndex: number): BadgeSlot {
    const host = createHost(this.deps.doc, 'claimlens-badge', BADGE_STYLES, { position: 'absolute', top: '0', left: '0' });
    host.element.dataset.claimlensFor = String(lineIndex);
    const slot: BadgeSlot = { host, anchor, lineIndex, openUpward: false };
    this.badges.set(anchor, slot);
    return slot;
  }

  private attach(slot: BadgeSlot): void {
    this.deps.positioner.attach(slot.host.element, slot.anchor, (upward) => {
      slot.openUpward = upward;
      // Closed details are not drawn: they pick the direction up when they open.
      if (this.openAnchor === slot.anchor) this.renderBadge(slot);
    });
  }

  private removeBadge(slot: BadgeSlot): void {
    render(null, slot.host.mount);
    this.deps.positioner.untrack(slot.host.element);
    slot.host.element.remove();
    this.badges.delete(slot.anchor);
    if (this.openAnchor === slot.anchor) this.openAnchor = undefined;
  }

  private statusOf(slot: BadgeSlot): LineStatus {
    return this.view?.lines.get(slot.lineIndex) ?? { kind: 'pending' };
  }

  private renderBadge(slot: BadgeSlot): void {
    if (this.destroyed) return;
    const open = this.openAnchor === slot.anchor;
    const status = this.statusOf(slot);
    const key = `${slot.lineIndex}|${open}|${slot.openUpward}|${JSON.stringify(status)}`;
    if (key === slot.renderedKey) return;
    slot.renderedKey = key;
    slot.host.element.dataset.claimlensFor = String(slot.lineIndex);
    // An open badge's details must paint above the badges of the lines below it.
    setImportantStyles(slot.host.element, {
      'z-index': open ? '2' : '1',
    });
    render(
      <Badge
        lineNumber={slot.lineIndex + 1}
        status={status}
        open={open}
        openUpward={slot.openUpward}
        today={this.deps.today()}
        onToggle={() => this.setOpen(this.openAnchor === slot.anchor ? undefined : slot.anchor)}
        onClose={() => this.closeAndReturnFocus(slot)}
      />,
      slot.host.mount,
    );
  }

  private setOpen(anchor: Element | undefined): void {
    const previous = this.openAnchor;
    this.openAnchor = anchor;
    for (const key of [previous, anchor]) {
      const slot = key && this.badges.get(key);
      if (slot) this.renderBadge(slot);
    }
  }

  /** Closes any open details (click outside the overlay). */
  closeDetails(): void {
    if (this.openAnchor) this.setOpen(undefined);
  }

  private closeAndReturnFocus(slot: BadgeSlot): void {
    this.setOpen(undefined);
    if (slot.anchor instanceof HTMLElement) slot.anchor.focus();
  }

  /** Keyboard entry (the overlay shortcut from a field of `line`): focus its badge, open it. */
  focusBadgeOf(line: DetectedLine): boolean {
    const anchor = codeField(line);
    const slot = anchor && this.badges.get(anchor);
    if (!slot) return false;
    this.setOpen(slot.anchor);
    slot.host.shadow.querySelector<HTMLButtonElement>('button.chip')?.focus();
    return true;
  }

  destroy(): void {
    this.destroyed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.inFlight?.abort();
    for (const slot of [...this.badges.values()]) this.removeBadge(slot);
  }
}
