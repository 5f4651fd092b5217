import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, launchPlainChromium, serveStatic, type ExtensionSession, type StaticServer } from './harness';
import { enterLines, pageLayout, readBadges, waitForBadge, waitForBadges, waitForReferenceData, type LineInput } from './overlay-helpers';

/** First install seeds IndexedDB from the bundled CMS files: wait for it once. */
const SEED_TIMEOUT_MS = 90_000;

let session: ExtensionSession;
let server: StaticServer;
const pageRequests: string[] = [];

beforeAll(async () => {
  session = await launchExtension();
  server = await serveStatic();
  await waitForReferenceData(session.context, session.extensionUrl, SEED_TIMEOUT_MS);
}, SEED_TIMEOUT_MS + 30_000);

afterAll(async () => {
  await session?.close();
  await server?.close();
});

async function openPortal(): Promise<Page> {
  const page = await session.context.newPage();
  page.on('request', (r) => pageRequests.push(r.url()));
  await page.goto(`${server.origin}/examples/demo-portal.html`);
  await waitForBadges(page, 4);
  return page;
}

async function checkedLines(page: Page, lines: LineInput[]) {
  await enterLines(page, lines);
  await waitForBadges(page, lines.length);
  // The last keystroke's check has landed when each badge shows its line's current code.
  await page.waitForFunction(() => {
    const hosts = [...document.querySelectorAll('claimlens-badge')];
    return hosts.every((h) => h.shadowRoot?.querySelector('[data-claimlens-status="checked"]'));
  });
  await page.waitForTimeout(400); // debounce + a check after the last fill
  await waitForBadges(page, lines.length);
  return readBadges(page);
}

const GP = ['GP'];
const DOS = '2025-03-04';

describe('overlay on the demo fee sheet', () => {
  test('the sample claim shows its findings beside the lines', async () => {
    const page = await openPortal();
    const badges = await readBadges(page);
    const rules = badges.flatMap((b) => b.rules);
    expect(rules).toEqual(expect.arrayContaining(['ptp.modifier-required', 'modifier.therapy-missing', 'mue.exceeded']));
    expect(badges[2]?.rules).toContain('modifier.therapy-missing'); // 97110 typed without GP
    expect(badges[3]?.rules).toContain('mue.exceeded'); // 97535 × 9
    expect(badges.every((b) => b.amount !== undefined)).toBe(true);
    await page.close();
  });

  test('97530 billed 2 units for 20 minutes shows units.over', async () => {
    const page = await openPortal();
    const [badge] = await checkedLines(page, [{ code: '97530', modifiers: GP, units: 2, minutes: 20, dos: DOS }]);
    expect(badge?.rules).toContain('units.over');
    await page.close();
  });

  test('97150 and 97530 on one date without a modifier show ptp.modifier-required', async () => {
    const page = await openPortal();
    const badges = await checkedLines(page, [
      { code: '97150', modifiers: GP, units: 1, minutes: 30, dos: DOS },
      { code: '97530', modifiers: GP, units: 1, minutes: 15, dos: DOS },
    ]);
    expect(badges.flatMap((b) => b.rules)).toContain('ptp.modifier-required');
    await page.close();
  });

  test('97530 without GP shows modifier.therapy-missing', async () => {
    const page = await openPortal();
    const [badge] = await checkedLines(page, [{ code: '97530', units: 1, minutes: 15, dos: DOS }]);
    expect(badge?.rules).toContain('modifier.therapy-missing');
    await page.close();
  });

  test('97535 with 9 units shows mue.exceeded', async () => {
    const page = await openPortal();
    const [badge] = await checkedLines(page, [{ code: '97535', modifiers: GP, units: 9, minutes: 135, dos: DOS }]);
    expect(badge?.rules).toContain('mue.exceeded');
    await page.close();
  });

  test('each line shows its fee: 97530, one unit, national, 2025 = $34.61', async () => {
    const page = await openPortal();
    const [badge] = await checkedLines(page, [{ code: '97530', modifiers: GP, units: 1, minutes: 15, dos: DOS }]);
    expect(badge?.rules).toEqual([]);
    expect(badge?.amount).toBe('34.61');
    await page.close();
  });

  test('typing a change updates the badge, and the field keeps the focus', async () => {
    const page = await openPortal();
    await checkedLines(page, [{ code: '97530', modifiers: GP, units: 2, minutes: 20, dos: DOS }]);
    const units = page.locator('#lines tr.service-line input.units').first();
    await units.focus();
    await page.evaluate(() => {
      (window as unknown as { focusLog: string[] }).focusLog = [];
      document.addEventListener('focusin', (e) => (window as unknown as { focusLog: string[] }).focusLog.push((e.target as Element).localName), true);
    });
    await page.keyboard.press('Backspace');
    await page.keyboard.type('1');
    await waitForBadge(page, 0, `!root.querySelector('[data-claimlens-rule="units.over"]') && root.querySelector('[data-claimlens-status="checked"]')`);
    const focus = await page.evaluate(() => ({
      active: document.activeElement?.className,
      log: (window as unknown as { focusLog: string[] }).focusLog,
    }));
    expect(focus.active).toBe('units');
    expect(focus.log).toEqual([]);
    expect((await readBadges(page))[0]?.amount).toBe('34.61');
    await page.close();
  });

  test('Alt+Shift+L from a line opens its details; Escape returns to the field', async () => {
    const page = await openPortal();
    const code = page.locator('#lines tr.service-line input.code').nth(1);
    await code.focus();
    await page.keyboard.press('Alt+Shift+L');
    await waitForBadge(page, 1, `!root.querySelector('.details').hidden && root.activeElement?.classList.contains('chip')`);
    await page.keyboard.press('Escape');
    await waitForBadge(page, 1, `root.querySelector('.details').hidden`);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('code');
    await page.close();
  });

  test('the claim summary sits inside the viewport with the totals', async () => {
    const page = await openPortal();
    const summary = await page.evaluate(() => {
      const host = document.querySelector('claimlens-summary')!;
      const r = host.shadowRoot!.querySelector('.panel')!.getBoundingClientRect();
      return {
        inView: r.width > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth,
        head: host.shadowRoot!.querySelector('button.head')!.textContent,
      };
    });
    expect(summary.inView).toBe(true);
    expect(summary.head).toMatch(/\d+ errors? · \d+ warnings? · allowed \$\d/);
    await page.close();
  });

  test('a fee sheet in a cross-origin iframe gets its badges inside the frame', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/examples/demo-portal-frame.html`);
    const frame = await (await page.waitForSelector('#fee-sheet-frame')).contentFrame();
    expect(frame && new URL(frame.url()).origin).toBe(server.altOrigin);
    await frame!.waitForFunction(
      () => document.querySelectorAll('claimlens-badge').length === 4 &&
        [...document.querySelectorAll('claimlens-badge')].every((h) => h.shadowRoot?.querySelector('[data-claimlens-status="checked"]')),
      undefined,
      { timeout: 20_000, polling: 200 },
    );
    const rules = await frame!.evaluate(() =>
      [...document.querySelectorAll('claimlens-badge')].flatMap((h) =>
        [...h.shadowRoot!.querySelectorAll<HTMLElement>('[data-claimlens-rule]')].map((f) => f.dataset.claimlensRule),
      ),
    );
    expect(rules).toContain('mue.exceeded');
    expect(await page.evaluate(() => document.querySelectorAll('claimlens-badge').length)).toBe(0);
    await page.close();
  });

  test('removing the fields removes every overlay host', async () => {
    const page = await openPortal();
    await page.evaluate(() => document.getElementById('fee-sheet')!.remove());
    await page.waitForFunction(() => document.querySelectorAll('claimlens-badge, claimlens-layer, claimlens-summary').length === 0);
    expect(await page.evaluate(() => document.querySelectorAll('[data-claimlens-ui]').length)).toBe(0);
    await page.close();
  });

  test('hosts are claimlens-* elements with open shadow roots', async () => {
    const page = await openPortal();
    const hosts = await page.evaluate(() =>
      [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('claimlens-')).map((e) => [e.localName, e.shadowRoot?.mode ?? 'none']),
    );
    expect(hosts.length).toBeGreaterThanOrEqual(5);
    expect(hosts.every(([, mode]) => mode === 'open')).toBe(true);
    await page.close();
  });

  test('the overlay does not shift the page layout', async () => {
    const plain = await launchPlainChromium();
    try {
      const bare = await plain.newPage({ viewport: { width: 1280, height: 720 } });
      await bare.goto(`${server.origin}/examples/demo-portal.html`);
      const expected = await pageLayout(bare);
      const page = await session.context.newPage();
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(`${server.origin}/examples/demo-portal.html`);
      await waitForBadges(page, 4);
      await page.waitForTimeout(100); // a positioning frame
      expect(await pageLayout(page)).toEqual(expected);
      const scroll = (p: Page) => p.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]);
      expect(await scroll(page)).toEqual(await scroll(bare));
      await page.close();
    } finally {
      await plain.close();
    }
  });

  test('nothing leaves the machine while the overlay works', async () => {
    const page = await openPortal();
    await checkedLines(page, [{ code: '97530', modifiers: GP, units: 2, minutes: 20, dos: DOS }]);
    await page.close();
    expect(session.externalRequests).toEqual([]);
    expect(pageRequests.length).toBeGreaterThan(0);
    expect(pageRequests.filter((u) => !/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(u))).toEqual([]);
  });
});
