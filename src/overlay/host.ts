/**
 * Overlay hosts: `claimlens-*` elements with an OPEN shadow root holding their styles.
 * Content scripts cannot define custom elements (no registry in the isolated world), but an
 * undefined element with a valid custom-element name accepts attachShadow all the same.
 */
/** Marks ClaimLens's own UI so detection never scans it (src/detect/candidates.ts UI_ATTRIBUTE). */
export const UI_ATTRIBUTE = 'data-claimlens-ui';

export interface OverlayHost {
  element: HTMLElement;
  shadow: ShadowRoot;
  /** Where Preact renders. */
  mount: HTMLElement;
}

/** Inline !important styles win over any page stylesheet rule that targets our tag. */
export function setImportantStyles(element: HTMLElement, styles: Record<string, string>): void {
  for (const [property, value] of Object.entries(styles)) element.style.setProperty(property, value, 'important');
}

const HOST_RESET: Record<string, string> = {
  display: 'block',
  margin: '0',
  padding: '0',
  border: '0',
  background: 'transparent',
  'pointer-events': 'auto',
  contain: 'layout style',
};

/** One constructed stylesheet per document and CSS text, adopted by every shadow root that uses it. */
const sharedSheets = new WeakMap<Document, Map<string, CSSStyleSheet | null>>();

function sharedSheet(doc: Document, css: string): CSSStyleSheet | null {
  let sheets = sharedSheets.get(doc);
  if (!sheets) sharedSheets.set(doc, (sheets = new Map()));
  let sheet = sheets.get(css);
  if (sheet === undefined) {
    try {
      const Sheet = doc.defaultView?.CSSStyleSheet;
      sheet = Sheet ? new Sheet() : null;
      sheet?.replaceSync(css);
    } catch {
      sheet = null; // no constructable stylesheets here: each root gets a <style>
    }
    sheets.set(css, sheet);
  }
  return sheet;
}

/**
 * Styles go in through one shared constructable stylesheet: 200 badges then share one
 * parsed sheet and carry no <style> node each. Where adopting fails (older engines, some
 * content-script worlds), a <style> element carries them instead.
 */
function applyStyles(doc: Document, shadow: ShadowRoot, css: string): void {
  const sheet = sharedSheet(doc, css);
  if (sheet) {
    try {
      shadow.adoptedStyleSheets = [sheet];
      if (shadow.adoptedStyleSheets.length === 1) return;
    } catch {
      // fall through to the <style> element
    }
  }
  const style = doc.createElement('style');
  style.textContent = css;
  shadow.prepend(style);
}

export function createHost(doc: Document, tag: `claimlens-${string}`, css: string, styles: Record<string, string>): OverlayHost {
  const element = doc.createElement(tag);
  element.setAttribute(UI_ATTRIBUTE, '');
  setImportantStyles(element, { ...HOST_RESET, ...styles });
  const shadow = element.attachShadow({ mode: 'open' });
  const mount = doc.createElement('div');
  shadow.append(mount);
  applyStyles(doc, shadow, css);
  return { element, shadow, mount };
}

/**
 * The layer badges are positioned in: absolute at the origin of its containing block, zero
 * size, so it never takes part in the page's layout. Badges are its light-DOM children
 * (a slot shows them), which keeps them queryable as `claimlens-badge` from the document.
 */
export function createLayer(doc: Document): HTMLElement {
  const layer = doc.createElement('claimlens-layer');
  layer.setAttribute(UI_ATTRIBUTE, '');
  setImportantStyles(layer, {
    position: 'absolute',
    top: '0',
    left: '0',
    width: '0',
    height: '0',
    margin: '0',
    padding: '0',
    border: '0',
    overflow: 'visible',
    'z-index': '2147483646',
    display: 'block',
    'pointer-events': 'none',
    // No transform or will-change here: it would become the containing block of the
    // summary's position: fixed.
  });
  const shadow = layer.attachShadow({ mode: 'open' });
  shadow.append(doc.createElement('slot'));
  return layer;
}

/** The body when the page has one (frameset pages do not), else the root element. */
export function overlayParent(doc: Document): HTMLElement {
  return doc.body ?? doc.documentElement;
}
