import { setImportantStyles } from './host';

/** Gap between a field's right edge and its badge, px. */
const BADGE_GAP_PX = 4;
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
 */
export class Positioner {
  private readonly items = new Map<HTMLElement, Anchored>();
  private frame = 0;
  private readonly view: Window;

  constructor(private readonly layer: HTMLElement) {
    this.view = layer.ownerDocument.defaultView ?? window;
  }

  track(host: HTMLElement, anchor: Element, onPlaced?: (openUpward: boolean) => void): void {
    this.items.set(host, { host, anchor, onPlaced });
    this.schedule();
  }

  untrack(host: HTMLElement): void {
    this.items.delete(host);
  }

  schedule(): void {
    if (this.frame) return;
    this.frame = this.view.requestAnimationFrame(() => {
      this.frame = 0;
      this.placeAll();
    });
  }

  /** Places every badge now (reads first, then writes, so layout is computed once). */
  placeAll(): void {
    const origin = this.layer.getBoundingClientRect();
    const viewportHeight = this.view.innerHeight;
    const placements = [...this.items.values()].map((item) => {
      const rect = item.anchor.getBoundingClientRect();
      const visible = item.anchor.isConnected && rect.width > 0 && rect.height > 0;
      const badgeHeight = item.host.offsetHeight || 20;
      return { item, rect, visible, badgeHeight };
    });
    for (const { item, rect, visible, badgeHeight } of placements) {
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
  }

  dispose(): void {
    if (this.frame) this.view.cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.items.clear();
  }
}
