import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchExtension, type ExtensionSession } from './harness';
import { extensionPage, lookUp, waitForSeed } from './extension-helpers';

let session: ExtensionSession;
beforeAll(async () => {
  session = await launchExtension();
  await waitForSeed(await extensionPage(session));
});
afterAll(async () => {
  await session?.close();
});

test('the popup shows 97530 at $34.61 (2025, national, non-facility) and the 97150 edit', async () => {
  const page = await extensionPage(session);
  // Focus is in the input on open: typing goes straight in (once the popup has rendered).
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')), { timeout: 10_000 })
    .toBe('code-query');
  await page.keyboard.type('97530-GP');
  await page.locator('[data-testid="code-card"][data-code="97530"]').waitFor();
  expect(await page.getByTestId('fee-2025').textContent()).toBe('$34.61');
  // 2026 from RVU26C: (0.44 work + 0.60 PE + 0.01 MP) × CF 33.4009 = 35.0709 → $35.07.
  expect(await page.getByTestId('fee-2026').textContent()).toBe('$35.07');
  expect(await page.getByTestId('rvu-2025').textContent()).toContain('1.07');
  const edit = page.locator('[data-testid="ptp-column2"] [data-pair="97150|97530"]');
  expect(await edit.textContent()).toMatch(/modifier indicator 1/);
  expect(await page.getByTestId('mue').textContent()).toMatch(/6 units/);
  expect(session.externalRequests).toEqual([]);
});

test('codes in any format and lower case find the same card', async () => {
  const page = await extensionPage(session);
  await lookUp(page, 'g0283', 'G0283');
  expect(await page.getByTestId('code-card').textContent()).toContain('G0283');
});

test('words search, arrow keys and Enter pick a code', async () => {
  const page = await extensionPage(session);
  await page.getByTestId('code-query').fill('9753');
  const options = page.getByRole('option');
  await options.first().waitFor();
  const second = (await options.nth(1).textContent())!.slice(0, 5);
  await page.keyboard.press('ArrowDown');
  expect(await options.nth(1).getAttribute('aria-selected')).toBe('true');
  await page.keyboard.press('Enter');
  await page.locator(`[data-testid="code-card"][data-code="${second}"]`).waitFor();
});

test('a code CMS does not list says so', async () => {
  const page = await extensionPage(session);
  await lookUp(page, '00000', '00000');
  expect(await page.getByTestId('code-unknown').isVisible()).toBe(true);
});
