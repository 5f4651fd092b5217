/** Helpers for the extension-core e2e tests (popup, options, worker, seeding). */
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, sendFromExtensionPage, type ExtensionSession } from './harness';

export interface DataStatusReply {
  ok: boolean;
  error?: string;
  data?: {
    complete: boolean;
    progress: number;
    error?: string;
    datasets: Array<{ id: string; kind: string; version: string; rows: number; complete: boolean; origin: string; effective: string }>;
  };
}

/** An extension page to send messages from (the popup, opened as a tab). */
export async function extensionPage(session: ExtensionSession, path = 'popup.html'): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(session.extensionUrl(path));
  return page;
}

export async function dataStatus(page: Page): Promise<DataStatusReply> {
  return sendFromExtensionPage<DataStatusReply>(page, { type: 'data-status' });
}

/** Polls data-status until the seed is complete (or the timeout passes: then the last status is returned). */
export async function waitForSeed(page: Page, timeoutMs = 90_000): Promise<DataStatusReply> {
  const deadline = Date.now() + timeoutMs;
  let last: DataStatusReply;
  do {
    last = await dataStatus(page);
    if (last.data?.complete) return last;
    await page.waitForTimeout(200);
  } while (Date.now() < deadline);
  return last;
}

/** Bundled datasets and their row counts, as the data build wrote them. */
export function bundleManifest(): Array<{ id: string; kind: string; rows: number }> {
  return JSON.parse(readFileSync(join(ROOT, 'data/bundles/manifest.json'), 'utf8')).datasets;
}

/** Types into the popup's input and waits for the card of that code. */
export async function lookUp(page: Page, text: string, code: string): Promise<void> {
  const input = page.getByTestId('code-query');
  await input.fill(text);
  await page.locator(`[data-testid="code-card"][data-code="${code}"]`).waitFor({ timeout: 30_000 });
}

/**
 * A 12-line therapy claim as a content script would send it (two dates of service), with
 * a few non-therapy codes so the full PTP table is needed, not just its therapy rows.
 */
export const TWELVE_LINES = [
  { code: '97161', modifiers: ['GP'], units: 1, dos: '2025-06-02' },
  { code: '97110', modifiers: ['GP'], units: 2, minutes: 24, dos: '2025-06-02' },
  { code: '97530', modifiers: ['GP'], units: 2, minutes: 23, dos: '2025-06-02' },
  { code: '97150', modifiers: ['GP'], units: 1, dos: '2025-06-02' },
  { code: '97140', modifiers: ['GP', '59'], units: 1, minutes: 10, dos: '2025-06-02' },
  { code: '20552', modifiers: [], units: 1, dos: '2025-06-02' },
  { code: '97112', modifiers: ['GP'], units: 2, minutes: 24, dos: '2025-06-03' },
  { code: '97116', modifiers: ['GP'], units: 1, minutes: 10, dos: '2025-06-03' },
  { code: '97535', modifiers: ['GO'], units: 1, minutes: 15, dos: '2025-06-03' },
  { code: '97035', modifiers: ['GP'], units: 1, minutes: 8, dos: '2025-06-03' },
  { code: '99213', modifiers: ['25'], units: 1, dos: '2025-06-03' },
  { code: 'G0283', modifiers: ['GP'], units: 1, dos: '2025-06-03' },
];

/**
 * Stops the extension's service worker through CDP (as Chrome does when it idles out) and
 * resolves once Chrome reports it stopped; false if it did not stop within 10 s.
 */
export async function stopWorker(session: ExtensionSession, page: Page): Promise<boolean> {
  const cdp = await session.context.newCDPSession(page);
  const script = session.extensionUrl('background.js');
  const stopped = new Promise<boolean>((done) => {
    cdp.on('ServiceWorker.workerVersionUpdated', (event: { versions: Array<{ scriptURL: string; runningStatus: string }> }) => {
      if (event.versions.some((v) => v.scriptURL === script && v.runningStatus === 'stopped')) done(true);
    });
    setTimeout(() => done(false), 10_000);
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  const result = await stopped;
  await cdp.detach().catch(() => undefined);
  return result;
}
