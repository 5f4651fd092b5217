/**
 * Reading the overlay from a page under test: badges are `claimlens-badge` hosts with open
 * shadow roots (the public contract), so the page's own world can read them.
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface BadgeState {
  /** 0-based page line the badge belongs to (data-claimlens-for). */
  line: number;
  status: string;
  rules: string[];
  messages: string[];
  /** data-amount of the fee element, when the line has a fee. */
  amount?: string;
  label: string;
}

export async function readBadges(page: Page): Promise<BadgeState[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('claimlens-badge')].map((host) => {
      const root = (host as HTMLElement).shadowRoot!;
      const findings = [...root.querySelectorAll<HTMLElement>('[data-claimlens-rule]')];
      return {
        line: Number((host as HTMLElement).dataset.claimlensFor),
        status: root.querySelector('[data-claimlens-status]')?.getAttribute('data-claimlens-status') ?? '',
        rules: findings.map((f) => f.dataset.claimlensRule ?? ''),
        messages: findings.map((f) => f.querySelector('.message')?.textContent ?? ''),
        amount: root.querySelector<HTMLElement>('[data-claimlens-fee]')?.dataset.amount,
        label: root.querySelector('button')?.getAttribute('aria-label') ?? '',
      };
    }).sort((a, b) => a.line - b.line),
  );
}

/** Waits until `count` badges show a finished check (or a quiet error state). */
export async function waitForBadges(page: Page, count: number, timeout = 20_000): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const hosts = [...document.querySelectorAll('claimlens-badge')];
      return (
        hosts.length === n &&
        hosts.every((h) => {
          const s = h.shadowRoot?.querySelector('[data-claimlens-status]')?.getAttribute('data-claimlens-status');
          return s === 'checked' || s === 'unavailable' || s === 'skipped';
        })
      );
    },
    count,
    // Polling on an interval, not every frame: a benchmark must not measure our own probe.
    { timeout, polling: 200 },
  );
}

/** Waits until the badge of page line `line` satisfies `predicate` (evaluated in the page). */
export async function waitForBadge(page: Page, line: number, predicate: string, timeout = 10_000): Promise<void> {
  await page.waitForFunction(
    ([l, body]) => {
      const host = document.querySelector(`claimlens-badge[data-claimlens-for="${l}"]`) as HTMLElement | null;
      const root = host?.shadowRoot;
      if (!root) return false;
      return new Function('root', `return (${body});`)(root) as boolean;
    },
    [line, predicate] as const,
    { timeout, polling: 50 },
  );
}

export interface LineInput {
  code: string;
  modifiers?: string[];
  units?: number;
  minutes?: number;
  dos?: string;
}

/**
 * Replaces the demo fee sheet's lines the way a biller would: ✕ on every row, then
 * "+ Add service line" and typing into each box (fill fires input events).
 */
export async function enterLines(page: Page, lines: LineInput[]): Promise<void> {
  const rows = page.locator('#lines tr.service-line');
  while ((await rows.count()) > 0) await rows.first().locator('button.remove').click();
  for (const [i, line] of lines.entries()) {
    await page.click('#add-line');
    const row = rows.nth(i);
    if (line.dos) await row.locator('input.dos').fill(line.dos);
    await row.locator('input.code').fill(line.code);
    const mods = line.modifiers ?? [];
    for (const [m, value] of mods.entries()) await row.locator('input.mod').nth(m).fill(value);
    if (line.units !== undefined) await row.locator('input.units').fill(String(line.units));
    if (line.minutes !== undefined) await row.locator('input.minutes').fill(String(line.minutes));
  }
}

/** Rectangles of every page element (ours excluded), in document order. */
export async function pageLayout(page: Page): Promise<Array<[string, number, number, number, number]>> {
  return page.evaluate(() =>
    [...document.body.querySelectorAll('*')]
      .filter((el) => !el.closest('[data-claimlens-ui]') && !el.localName.startsWith('claimlens-'))
      .map((el) => {
        const r = el.getBoundingClientRect();
        return [el.localName, r.x, r.y, r.width, r.height] as [string, number, number, number, number];
      }),
  );
}

/** The datasets line checks read (HCPCS descriptions and ZIP localities are not needed). */
const NEEDED_KINDS = ['ptp', 'mue', 'rvu', 'gpci', 'conversion-factor', 'curated-codes'];

interface DataStatus {
  datasets: Array<{ kind: string; complete: boolean }>;
  error?: string;
}

/**
 * Waits until the worker has seeded the datasets line checks need (first install seeds
 * IndexedDB from the bundled CMS files), asking from an extension page.
 */
export async function waitForReferenceData(context: BrowserContext, extensionUrl: (path: string) => string, timeoutMs = 90_000): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto(extensionUrl('popup.html'));
    const started = Date.now();
    for (;;) {
      const status = (await page.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ type: 'data-status' }))) as {
        ok: boolean;
        data?: DataStatus;
      };
      const ready = (kind: string) => status.data?.datasets.some((d) => d.kind === kind && d.complete);
      if (status.ok && NEEDED_KINDS.every(ready)) return;
      if (Date.now() - started > timeoutMs) throw new Error(`reference data not ready: ${JSON.stringify(status).slice(0, 500)}`);
      await page.waitForTimeout(500);
    }
  } finally {
    await page.close();
  }
}
