/** Text of an element without the text of form controls inside it (a wrapping label's
 * select would otherwise add every option). Capped: describing text is short. */
export function ownText(el: Node, max = 80): string {
  let out = '';
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child && out.length < max; child = child.nextSibling) {
      if (child.nodeType === 3) out += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const tag = (child as Element).localName;
        if (tag === 'select' || tag === 'textarea' || tag === 'script' || tag === 'style' || tag === 'option') continue;
        walk(child);
      }
    }
  };
  walk(el);
  return out.length > max ? out.slice(0, max) : out;
}

/** The value a field shows: controls by value, cells and comboboxes by their text. */
export function fieldText(el: Element): string {
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
    if (el.value === '' && el.getAttribute('role') === 'combobox') return chipText(el);
    return el.value;
  }
  if (el instanceof HTMLSelectElement) {
    const option = el.selectedOptions[0];
    if (!option) return el.value;
    // "97110 - Therapeutic exercise" in the text, "1234" (an internal id) as the value: prefer the one that reads.
    return option.value && !/^\d{1,4}$/.test(option.value) ? option.value : option.text;
  }
  return visibleText(el).trim();
}

/** Text of a cell or combobox without ClaimLens's own badges (data-claimlens-ui) or scripts. */
function visibleText(el: Element): string {
  if (el.childElementCount === 0) return el.textContent ?? '';
  let out = '';
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) out += child.nodeValue ?? '';
    else if (child.nodeType === 1) {
      const element = child as Element;
      if (element.hasAttribute('data-claimlens-ui') || element.localName === 'script' || element.localName === 'style') continue;
      out += visibleText(element);
    }
  }
  return out;
}

/** Looks an id up in the tree the element lives in (document or shadow root). */
export function byIdInTree(el: Element, id: string): Element | null {
  const root = el.getRootNode() as Document | ShadowRoot;
  return typeof root.getElementById === 'function' ? root.getElementById(id) : null;
}

/** Multi-select comboboxes (MUI Autocomplete, Mantine TagsInput) show chosen values as chips
 * before an empty input: read them, one per chip. */
function chipText(input: Element): string {
  const parts: string[] = [];
  for (let sib = input.previousElementSibling; sib; sib = sib.previousElementSibling) {
    if (sib.querySelector('input, select, textarea')) continue;
    const text = (sib.textContent ?? '').trim();
    if (text) parts.unshift(text);
  }
  return parts.join(' ');
}

/** The parent across shadow boundaries: a shadow root's host. */
export function composedParent(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.parentNode;
  return root && (root as ShadowRoot).host ? (root as ShadowRoot).host : null;
}

/** closest() that continues into the host of a shadow root. */
export function composedClosest(el: Element, selector: string): Element | null {
  for (let cur: Element | null = el; cur; ) {
    const found = cur.closest(selector);
    if (found) return found;
    const root = cur.getRootNode() as ShadowRoot;
    cur = root.host ?? null;
  }
  return null;
}
