import { Request, type Response } from '../src/messaging/messages';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((raw: unknown, sender, sendResponse) => {
    // Only our own extension's pages and content scripts may talk to the worker.
    if (sender.id !== browser.runtime.id) return false;
    const parsed = Request.safeParse(raw);
    if (!parsed.success) {
      sendResponse({ ok: false, error: `bad message: ${parsed.error.issues[0]?.message ?? 'invalid'}` } satisfies Response<never>);
      return false;
    }
    if (parsed.data.type === 'ping') {
      sendResponse({ ok: true, data: { pong: true, version: browser.runtime.getManifest().version } });
      return false;
    }
    sendResponse({ ok: false, error: 'not implemented yet' });
    return false;
  });
});
