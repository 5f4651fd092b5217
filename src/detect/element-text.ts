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
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) return el.value;
  if (el instanceof HTMLSelectElement) {
    const option = el.selectedOptions[0];
    if (!option) return el.value;
    // "97110 - Therapeutic exercise" in the text, "1234" (an internal id) as the value: prefer the one that reads.
    return option.value && !/^\d{1,4}$/.test(option.value) ? option.value : option.text;
  }
  return (el.textContent ?? '').trim();
}

/** Looks an id up in the tree the element lives in (document or shadow root). */
export function byIdInTree(el: Element, id: string): Element | null {
  const root = el.getRootNode() as Document | ShadowRoot;
  return typeof root.getElementById === 'function' ? root.getElementById(id) : null;
}
