import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadBundleReference } from '../../src/data/node-bundles';
import { ROOT, launchExtension, sendFromExtensionPage, type ExtensionSession } from './harness';
import { extensionPage, lookUp, waitForSeed } from './extension-helpers';

let session: ExtensionSession;
beforeAll(async () => {
  session = await launchExtension();
  await waitForSeed(await extensionPage(session));
});
afterAll(async () => {
  await session?.close();
});

/** The store engineer's CMS-layout test files (tests/fixtures/cms-import/make-fixtures.ts). */
const FIXTURES = join(ROOT, 'tests/fixtures/cms-import');
/** The fixture zip's one FAKE edit (not in any CMS table), in use from 2026-07-01. */
const FAKE = { column1: '97530', column2: '97763' };

function fixture(name: string) {
  return { name, mimeType: 'application/octet-stream', buffer: readFileSync(join(FIXTURES, name)) };
}

async function importThroughOptions(page: Page, name: string): Promise<string> {
  const result = page.getByTestId('import-result');
  await page.getByTestId('import-file').setInputFiles(fixture(name));
  await result.locator('.ok, .error').first().waitFor({ timeout: 30_000 });
  return (await result.textContent()) ?? '';
}

test('an imported PTP release adds an edit that the popup shows for the dates it covers', async () => {
  expect(loadBundleReference().ptpEdit(FAKE.column1, FAKE.column2, '2026-07-15'), 'the bundled table already has the test pair').toBeUndefined();
  const options = await extensionPage(session, 'options.html');
  const message = await importThroughOptions(options, 'ccipra-v322r0.zip');
  expect(message).toMatch(/Imported NCCI practitioner PTP v32\.2.*rows, used for dates of service from 2026-07-01/);
  await options.locator('[data-testid="datasets"] td', { hasText: 'v32.2' }).first().waitFor();

  const popup = await extensionPage(session);
  await popup.getByTestId('lookup-date').fill('2026-07-15');
  await lookUp(popup, FAKE.column1, FAKE.column1);
  const edit = popup.locator(`[data-testid="ptp-column1"] [data-pair="${FAKE.column1}|${FAKE.column2}"]`);
  expect(await edit.textContent()).toContain('modifier indicator 1');
  expect(await popup.getByTestId('ptp').textContent()).toContain('v32.2');

  // Dates before the new release still read the bundled 2024 Q3 table: no such edit.
  await popup.getByTestId('lookup-date').fill('2025-06-02');
  await popup.locator('[data-testid="ptp"]', { hasText: '2025-06-02' }).waitFor();
  expect(await popup.locator(`[data-pair="${FAKE.column1}|${FAKE.column2}"]`).count()).toBe(0);
  expect(await popup.getByTestId('ptp').textContent()).toContain('2024 Q3');

  // Removing the import from the options page brings the bundled table back for 2026-07-15.
  await options.getByRole('button', { name: /Remove imported NCCI practitioner PTP v32\.2/ }).click();
  await options.getByTestId('import-result').getByText(/Removed/).waitFor();
  await popup.getByTestId('lookup-date').fill('2026-07-15');
  await popup.locator('[data-testid="ptp"]', { hasText: '2026-07-15' }).waitFor();
  expect(await popup.locator(`[data-pair="${FAKE.column1}|${FAKE.column2}"]`).count()).toBe(0);
  expect(await popup.getByTestId('ptp').textContent()).toContain('2024 Q3');
});

test('a cut-off download or an incomplete release is refused with a clear message; data in use kept', async () => {
  const options = await extensionPage(session, 'options.html');
  const before = await sendFromExtensionPage<{ data: { datasets: unknown[] } }>(options, { type: 'list-datasets' });
  expect(await importThroughOptions(options, 'ccipra-v322r0-broken.zip')).toMatch(/was not imported: .+ The data in use is unchanged\./);
  expect(await importThroughOptions(options, 'ccipra-v322r0-three-parts.zip')).toMatch(/was not imported: .*f4/);
  expect(await importThroughOptions(options, 'patients-export.csv')).toMatch(/was not imported/);
  const after = await sendFromExtensionPage<{ data: { datasets: unknown[] } }>(options, { type: 'list-datasets' });
  expect(after.data.datasets).toEqual(before.data.datasets);
});
