/**
 * The overlay's one keyboard entry point. Badges stay out of the page's tab order
 * (tabindex -1) so a biller's Tab sequence through the fee sheet is exactly the portal's.
 * From any field of a checked line, Alt+Shift+L moves focus to that line's badge and opens
 * its details; Enter/Space toggle them; Escape closes them and puts focus back in the field.
 * Alt+Shift+L anywhere else toggles the claim summary.
 */
export const SHORTCUT_LABEL = 'Alt+Shift+L';

export function isOverlayShortcut(e: KeyboardEvent): boolean {
  return e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && (e.code === 'KeyL' || e.key.toLowerCase() === 'l');
}
