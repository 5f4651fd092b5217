import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadBundleReference } from '../../src/data/node-bundles';
import { launchExtension, sendFromExtensionPage, type ExtensionSession } from './harness';
import { extensionPage, lookUp, waitForSeed } from './extension-helpers';

let session: ExtensionSession;
beforeAll(async () => {
  session = await launchExtension();
  await waitForSeed(await extensionPage(session));
});
afterAll(async () => {
  await session?.close();
});

/** A pair with no edit in the bundled 2024 Q3 table, so only the import can add it. */
const COLUMN1 = '97530';
const COLUMN2 = '97755';

/**
 * One part of a CMS practitioner PTP release in CMS's own layout (preamble, header,
 * sub-header rows, tab-delimited edits). Synthetic content: one test edit.
 */
function ptpPart(): string {
  return [
    'CPT only copyright 2025 American Medical Association. All rights reserved.',
    '',
    'Column 1\tColumn 2\t*=in existence prior to 1996\tEffective Date\tDeletion Date\tModifier\tPTP Edit Rationale',
    '\t\t\t\t*=no data\t0=not allowed\t',
    '\t\t\t\t\t1=allowed\t',
    '\t\t\t\t\t9=not applicable\t',
    `${COLUMN1}\t${COLUMN2}\t\t20260701\t*\t1\tMutually exclusive procedures`,
    '',
  ].join('\r\n');
}

async function importFile(page: import('playwright-core').Page, fileName: string, bytes: Buffer) {
  return sendFromExtensionPage<{ ok: boolean; error?: string; data?: { kind: string; rows: number; version: string; effective: string } }>(page, {
    type: 'import-dataset',
    fileName,
    bytes: bytes.toString('base64'),
  });
}

test('an imported PTP file adds an edit that the popup then shows for dates it covers', async () => {
  expect(loadBundleReference().ptpEdit(COLUMN1, COLUMN2, '2026-07-15'), 'the bundled table already has the test pair').toBeUndefined();
  const options = await extensionPage(session, 'options.html');
  await options.getByTestId('import-file').setInputFiles({ name: 'ccipra-v322r0-f1.txt', mimeType: 'text/plain', buffer: Buffer.from(ptpPart()) });
  const result = options.getByTestId('import-result');
  await result.locator('.ok, .error').first().waitFor({ timeout: 30_000 });
  expect(await result.textContent()).toMatch(/Imported NCCI practitioner PTP v32\.2.*1 rows?, used for dates of service from 2026-07-01/);
  await options.locator('[data-testid="datasets"] td', { hasText: 'v32.2' }).first().waitFor();

  const popup = await extensionPage(session);
  await popup.getByTestId('lookup-date').fill('2026-07-15');
  await lookUp(popup, COLUMN1, COLUMN1);
  const edit = popup.locator(`[data-testid="ptp-column1"] [data-pair="${COLUMN1}|${COLUMN2}"]`);
  expect(await edit.textContent()).toContain('modifier indicator 1');

  // Dates before the new table still read the bundled one: no such edit there.
  await popup.getByTestId('lookup-date').fill('2025-06-02');
  await popup.locator('[data-testid="ptp"]', { hasText: '2025-06-02' }).waitFor();
  expect(await popup.locator(`[data-pair="${COLUMN1}|${COLUMN2}"]`).count()).toBe(0);
});

test('a broken or foreign file is refused with a clear message and the data in use is kept', async () => {
  const page = await extensionPage(session, 'options.html');
  const before = await sendFromExtensionPage<{ data: { datasets: unknown[] } }>(page, { type: 'data-status' });
  const refused = await importFile(page, 'notes.csv', Buffer.from('hello,world\n1,2\n'));
  expect(refused.ok).toBe(false);
  expect(refused.error!.length).toBeGreaterThan(10);
  const broken = await importFile(page, 'ccipra-v322r0-f2.txt', Buffer.from(ptpPart().replace('20260701', '2026-07-01x')));
  expect(broken.ok).toBe(false);
  const after = await sendFromExtensionPage<{ data: { datasets: unknown[] } }>(page, { type: 'data-status' });
  expect(after.data.datasets).toEqual(before.data.datasets);
});
