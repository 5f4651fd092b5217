import { setImportantStyles } from './host';
import { ATTACH_PER_FRAME } from './timing';

/** Gap between a field's right edge and its badge, px. */
const BADGE_GAP_PX = 4;
/** The badge chip's height (styles.ts .chip): fixed, so placing never measures a badge. */
export const BADGE_HEIGHT_PX = 20;
/** Height of the details panel used to decide whether it opens below or above, px. */
export const DETAILS_HEIGHT_PX = 360;

interface Anchored {
  host: HTMLElement;
  anchor: Element;
  /** Called after placing, with whether the details should open upward. */
  onPlaced?: (openUpward: boolean) => void;
  lastUpward?: boolean;
}

/**
 * Keeps each badge just outside the right edge of its field, vertically centred, without
 * touching the page's layout: all hosts sit in an absolutely positioned layer, and every
 * move is batched into one animation frame (all reads, then all writes).
 *
 * New hosts join the layer through the same frame pass, at most ATTACH_PER_FRAME per frame
 * and already placed: a frame never lays out and paints more new badges than that, and a
 * badge is never drawn before it has its position.
 */
export class Positioner {
  private readonly items = new Map<HTMLElement, Anchored>();
  /** Hosts waiting to join the layer, in the order they were added. */
  private readonly pending = new Map<HTMLElement, Anchored>();
  /** Hosts to place in the next frame; undefined = all of them (scroll, resize, reflow). */
  private dirty: Set<HTMLElement> | undefined = new Set();
  private frame = 0;
  private readonly view: Window;

  /**
   * @param onDetached called with hosts whose field left the document, so their overlay can
   * go even when no detection pass reports the removal.
   */
  constructor(
    private readonly layer: HTMLElement,
    private readonly onDetached: (hosts: HTMLElement[]) => void = () => {},
  ) {
    this.view = layer.ownerDocument.defaultView ?? window;
  }

  /**
   * Adds a host that is not in the document yet: it joins the layer, placed, in a coming
   * frame, and is kept beside its field from then on.
   */
  attach(host: HTMLElement, anchor: Element, onPlaced?: (openUpward: boolean) => void): void {
    this.pending.set(host, { host, anchor, onPlaced });
    this.request();
  }

  untrack(host: HTMLElement): void {
    this.items.delete(host);
    this.pending.delete(host);
    this.dirty?.delete(host);
  }

  /** Re-places every badge in the next frame (the page scrolled, resized or reflowed). */
  schedule(): void {
    this.dirty = undefined;
    this.request();
  }

  private request(): void {
    if (this.frame) return;
    this.frame = this.view.requestAnimationFrame(() => {
      this.frame = 0;
      const hosts = this.dirty;
      this.dirty = new Set();
      const joining = this.takePending();
      const moved = hosts ? [...hosts].flatMap((h) => this.items.get(h) ?? []) : [...this.items.values()];
      this.place([...moved, ...joining]);
      if (joining.length > 0) {
        this.layer.append(...joining.map((item) => item.host));
        for (const item of joining) this.items.set(item.host, item);
      }
      if (this.pending.size > 0) this.request();
    });
  }

  /** The next hosts to attach (at most ATTACH_PER_FRAME); those whose field already left are dropped. */
  private takePending(): Anchored[] {
    const batch: Anchored[] = [];
    for (const [host, item] of this.pending) {
      if (batch.length >= ATTACH_PER_FRAME) break;
      this.pending.delete(host);
      if (item.anchor.isConnected) batch.push(item);
    }
    return batch;
  }

  /** Reads every rectangle first, then writes every position, so layout is computed once. */
  private place(items: Anchored[]): void {
    if (items.length === 0) return;
    const origin = this.layer.getBoundingClientRect();
    const viewportHeight = this.view.innerHeight;
    const badgeHeight = BADGE_HEIGHT_PX;
    const placements = items.map((item) => {
      const rect = item.anchor.getBoundingClientRect();
      const visible = item.anchor.isConnected && rect.width > 0 && rect.height > 0;
      return { item, rect, visible };
    });
    const detached = placements.filter((p) => !p.item.anchor.isConnected).map((p) => p.item.host);
    for (const { item, rect, visible } of placements) {
      if (!visible) {
        setImportantStyles(item.host, { visibility: 'hidden' });
        continue;
      }
      setImportantStyles(item.host, {
        position: 'absolute',
        visibility: 'visible',
        left: `${Math.round(rect.right - origin.left + BADGE_GAP_PX)}px`,
        top: `${Math.round(rect.top - origin.top + (rect.height - badgeHeight) / 2)}px`,
      });
      const upward = rect.bottom + DETAILS_HEIGHT_PX > viewportHeight && rect.top > DETAILS_HEIGHT_PX;
      if (upward !== item.lastUpward) {
        item.lastUpward = upward;
        item.onPlaced?.(upward);
      }
    }
    if (detached.length > 0) this.onDetached(detached);
  }

  dispose(): void {
    if (this.frame) this.view.cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.items.clear();
    this.pending.clear();
    this.dirty = new Set();
  }
}
