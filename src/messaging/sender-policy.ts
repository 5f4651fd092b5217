import type { RequestType } from './messages';

/** What the worker knows about who sent a message (a subset of runtime.MessageSender). */
export interface SenderInfo {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number };
}

export type SenderKind = 'extension-page' | 'content-script';

/** Messages that change settings or data, or read them whole, come only from our own pages. */
const EXTENSION_PAGES_ONLY: ReadonlySet<RequestType> = new Set([
  'get-settings',
  'save-settings',
  'import-dataset',
  'list-datasets',
  'remove-dataset',
]);

/** Our extension as the worker sees it: runtime.id and the origin of runtime.getURL(''). */
export interface SelfInfo {
  id: string;
  /** "chrome-extension://<id>" (Firefox: "moz-extension://<uuid>"). */
  origin: string;
}

/**
 * Classifies a sender, or undefined when it is not ours at all. Our pages have a URL under
 * the extension's own origin (the options page opens in a tab, so `tab` alone says nothing);
 * content scripts run in a tab on a web page.
 */
export function classifySender(sender: SenderInfo, self: SelfInfo): SenderKind | undefined {
  if (sender.id !== self.id) return undefined;
  const url = sender.url ?? '';
  if (url.startsWith(`${self.origin}/`) || sender.origin === self.origin) return 'extension-page';
  if (sender.tab) return 'content-script';
  return undefined;
}

/** Why a message is refused, or undefined when the sender may send it (type: as sent, not yet validated). */
export function refuseSender(type: string | undefined, sender: SenderInfo, self: SelfInfo): string | undefined {
  const kind = classifySender(sender, self);
  if (!kind) return 'message refused: not sent by ClaimLens';
  if (kind !== 'extension-page' && type !== undefined && EXTENSION_PAGES_ONLY.has(type as RequestType)) {
    return `message refused: ${type} is only accepted from the ClaimLens popup or settings page`;
  }
  return undefined;
}
