import { render } from 'preact';
import type { DetectedForm } from '../detect/types';
import { Summary } from './components/Summary';
import type { SendMessage } from './check-client';
import { localIsoDate } from './claim-lines';
import type { DetectPort } from './detect-port';
import { FormOverlay } from './form-overlay';
import { createHost, createLayer, overlayParent, type OverlayHost } from './host';
import { isOverlayShortcut } from './keyboard';
import { Positioner } from './positioner';
import { SUMMARY_STYLES } from './styles';

export interface OverlayOptions {
  doc: Document;
  detect: DetectPort;
  send: SendMessage;
  /** Today as YYYY-MM-DD (the default date of service); injectable for tests. */
  today?: () => string;
}

export interface RunningOverlay {
  /** Removes every host, listener and observer. */
  stop(): void;
}

function isOverlayElement(node: EventTarget): boolean {
  return node instanceof Element && node.localName.startsWith('claimlens-');
}

/**
 * The overlay of one document: one FormOverlay per detected claim form, the badges' layer,
 * the claim summary, and the page-wide listeners (typing, keyboard entry, scroll/resize).
 * Listeners and hosts exist only while the page has service-line fields.
 */
export class PageOverlay implements RunningOverlay {
  private readonly forms = new Map<DetectedForm['root'], FormOverlay>();
  private layer: HTMLElement | undefined;
  private positioner: Positioner | undefined;
  private summaryHost: OverlayHost | undefined;
  private summaryCollapsed = true;
  private activeForm: FormOverlay | undefined;
  private resizeObserver: ResizeObserver | undefined;
  private stopWatching: (() => void) | undefined;
  private readonly today: () => string;

  constructor(private readonly options: OverlayOptions) {
    this.today = options.today ?? (() => localIsoDate());
  }

  start(): this {
    this.stopWatching = this.options.detect.watch(this.options.doc, (forms, valueChanged) => this.sync(forms, valueChanged));
    return this;
  }

  /** Reconciles the overlay with the forms detection currently sees. */
  sync(forms: DetectedForm[], valueChanged = false): void {
    const withLines = forms.filter((f) => f.lines.length > 0);
    const seen = new Set(withLines.map((f) => f.root));
    for (const [root, overlay] of this.forms) {
      if (!seen.has(root)) {
        overlay.destroy();
        this.forms.delete(root);
        if (this.activeForm === overlay) this.activeForm = undefined;
      }
    }
    if (withLines.length === 0) {
      this.teardown();
      return;
    }
    this.setup();
    for (const form of withLines) {
      const existing = this.forms.get(form.root);
      if (existing) existing.update(form, valueChanged);
      else this.forms.set(form.root, this.createFormOverlay(form));
    }
  }

  private createFormOverlay(form: DetectedForm): FormOverlay {
    return new FormOverlay(form, {
      doc: this.options.doc,
      detect: this.options.detect,
      send: this.options.send,
      positioner: this.positioner!,
      today: this.today,
      onRendered: () => this.renderSummary(),
    });
  }

  private setup(): void {
    if (this.layer) return;
    const doc = this.options.doc;
    const view = doc.defaultView!;
    this.layer = createLayer(doc);
    overlayParent(doc).append(this.layer);
    this.positioner = new Positioner(this.layer, () => this.dropDetachedForms());
    doc.addEventListener('input', this.onInput, true);
    doc.addEventListener('change', this.onInput, true);
    doc.addEventListener('keydown', this.onKeyDown, true);
    doc.addEventListener('pointerdown', this.onPointerDown, true);
    doc.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    view.addEventListener('resize', this.onScroll, { passive: true });
    if (typeof ResizeObserver !== 'undefined') {
      // Rows added above a field move it without any scroll or resize event.
      this.resizeObserver = new ResizeObserver(() => this.positioner?.schedule());
      this.resizeObserver.observe(overlayParent(doc));
    }
  }

  private teardown(): void {
    if (!this.layer) return;
    const doc = this.options.doc;
    doc.removeEventListener('input', this.onInput, true);
    doc.removeEventListener('change', this.onInput, true);
    doc.removeEventListener('keydown', this.onKeyDown, true);
    doc.removeEventListener('pointerdown', this.onPointerDown, true);
    doc.removeEventListener('scroll', this.onScroll, { capture: true });
    doc.defaultView?.removeEventListener('resize', this.onScroll);
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    if (this.summaryHost) render(null, this.summaryHost.mount);
    this.summaryHost = undefined;
    this.positioner?.dispose();
    this.positioner = undefined;
    this.layer.remove();
    this.layer = undefined;
  }

  /**
   * Safety net behind detection: a form whose fields all left the page loses its overlay as
   * soon as a placement pass notices (the body's resize observer fires when a form goes).
   */
  private dropDetachedForms(): void {
    if (![...this.forms.values()].some((overlay) => overlay.detached)) return;
    for (const [root, overlay] of this.forms) {
      if (!overlay.detached) continue;
      overlay.destroy();
      this.forms.delete(root);
      if (this.activeForm === overlay) this.activeForm = undefined;
    }
    if (this.forms.size === 0) this.teardown();
    else this.renderSummary();
  }

  private formOf(target: EventTarget | null): FormOverlay | undefined {
    if (!(target instanceof Element)) return undefined;
    for (const overlay of this.forms.values()) if (overlay.owns(target)) return overlay;
    return undefined;
  }

  /** The page element an event came from, looking through (open or closed) shadow roots. */
  private origin(event: Event): Element | null {
    const first = event.composedPath()[0];
    return first instanceof Element ? first : null;
  }

  private readonly onInput = (event: Event): void => {
    const overlay = this.formOf(this.origin(event));
    if (!overlay) return;
    this.activeForm = overlay;
    overlay.fieldChanged();
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (!isOverlayShortcut(event)) return;
    const target = this.origin(event);
    const overlay = this.formOf(target);
    const line = target && overlay?.lineOf(target);
    event.preventDefault();
    event.stopPropagation();
    if (overlay && line && overlay.focusBadgeOf(line)) return;
    this.summaryCollapsed = !this.summaryCollapsed;
    this.renderSummary();
    this.summaryHost?.shadow.querySelector<HTMLButtonElement>('button.head')?.focus();
  };

  private readonly onPointerDown = (event: PointerEvent): void => {
    if (event.composedPath().some(isOverlayElement)) return;
    for (const overlay of this.forms.values()) overlay.closeDetails();
  };

  private readonly onScroll = (): void => {
    this.positioner?.schedule();
  };

  private renderSummary(): void {
    if (!this.layer) return;
    const overlay = this.activeForm ?? this.forms.values().next().value;
    const view = overlay?.summary;
    if (!view || view.linesChecked === 0) {
      if (this.summaryHost) {
        render(null, this.summaryHost.mount);
        this.summaryHost.element.remove();
        this.summaryHost = undefined;
      }
      return;
    }
    if (!this.summaryHost) {
      this.summaryHost = createHost(this.options.doc, 'claimlens-summary', SUMMARY_STYLES, {
        position: 'fixed',
        right: '12px',
        bottom: '12px',
        'max-width': 'calc(100vw - 24px)',
      });
      this.layer.append(this.summaryHost.element);
    }
    render(
      <Summary
        view={view}
        collapsed={this.summaryCollapsed}
        onToggle={() => {
          this.summaryCollapsed = !this.summaryCollapsed;
          this.renderSummary();
        }}
      />,
      this.summaryHost.mount,
    );
  }

  stop(): void {
    this.stopWatching?.();
    this.stopWatching = undefined;
    for (const overlay of this.forms.values()) overlay.destroy();
    this.forms.clear();
    this.activeForm = undefined;
    this.teardown();
  }
}

export function startOverlay(options: OverlayOptions): RunningOverlay {
  return new PageOverlay(options).start();
}
