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

/** Medicare 2025 non-facility fee for one unit, from the bundled RVU and GPCI numbers. */
function expectedFee(code: string, locality: string): string {
  const ref = loadBundleReference();
  const rvu = ref.rvu(code, '', '2025-06-01')!;
  const gpci = ref.gpci(locality, '2025-06-01')!;
  const cf = ref.conversionFactor('2025-06-01', false)!.value;
  const amount = Math.round((rvu.work * gpci.work + rvu.peNonFacility * gpci.pe + rvu.mp * gpci.mp) * cf * 100) / 100;
  return `$${amount.toFixed(2)}`;
}

test('choosing a locality in the options page changes the popup fee to that locality', async () => {
  const options = await extensionPage(session, 'options.html');
  await options.getByTestId('state-select').selectOption('CA');
  const locality = options.getByTestId('locality-select');
  await locality.waitFor();
  // San Francisco: GPCIs well above 1, so the fee must move.
  const sanFrancisco = await locality.locator('option', { hasText: 'SAN FRANCISCO' }).first().getAttribute('value');
  await locality.selectOption(sanFrancisco!);
  await options.getByTestId('settings-status').filter({ hasText: 'Saved' }).waitFor();
  expect(await options.getByTestId('locality-current').textContent()).toContain(sanFrancisco!);

  const popup = await extensionPage(session);
  await lookUp(popup, '97530', '97530');
  const fee = await popup.getByTestId('fee-2025').textContent();
  expect(fee).toBe(expectedFee('97530', sanFrancisco!));
  expect(fee).not.toBe('$34.61');
});

test('a ZIP code finds its locality through the CMS crosswalk', async () => {
  const options = await extensionPage(session, 'options.html');
  await options.getByTestId('zip-input').fill('10001');
  await options.getByTestId('zip-find').click();
  await options.getByTestId('zip-message').waitFor();
  expect(await options.getByTestId('zip-message').textContent()).toMatch(/ZIP 10001 is in .*\(NY, \d{5}-\d{2}\)/);
  await options.getByTestId('settings-status').filter({ hasText: 'Saved' }).waitFor();
  const settings = await sendFromExtensionPage<{ data: { locality: string } }>(options, { type: 'get-settings' });
  const popup = await extensionPage(session);
  await lookUp(popup, '97110', '97110');
  expect(await popup.getByTestId('fee-2025').textContent()).toBe(expectedFee('97110', settings.data.locality));
});

test('an unknown ZIP is refused with a clear message and the locality is kept', async () => {
  const options = await extensionPage(session, 'options.html');
  const before = await sendFromExtensionPage<{ data: { locality: string } }>(options, { type: 'get-settings' });
  await options.getByTestId('zip-input').fill('00000');
  await options.getByTestId('zip-find').click();
  await options.getByTestId('zip-message').waitFor();
  expect(await options.getByTestId('zip-message').textContent()).toContain('not in the CMS ZIP-to-locality file');
  const after = await sendFromExtensionPage<{ data: { locality: string } }>(options, { type: 'get-settings' });
  expect(after.data.locality).toBe(before.data.locality);
});
