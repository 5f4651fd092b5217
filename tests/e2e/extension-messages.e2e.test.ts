import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchExtension, sendFromExtensionPage, type ExtensionSession } from './harness';
import { extensionPage } from './extension-helpers';

let session: ExtensionSession;
beforeAll(async () => {
  session = await launchExtension();
});
afterAll(async () => {
  await session?.close();
});

test('bad messages get an error answer and the worker keeps working', async () => {
  const page = await extensionPage(session);
  const send = (m: unknown) => sendFromExtensionPage<{ ok: boolean; error?: string }>(page, m);
  expect(await send({ type: 'no-such-thing' })).toMatchObject({ ok: false, error: expect.stringMatching(/bad message/) });
  expect(await send('ping')).toMatchObject({ ok: false });
  expect(await send({ type: 'lookup-code', query: '' })).toMatchObject({ ok: false, error: expect.stringMatching(/type a code/) });
  expect(await send({ type: 'save-settings', settings: { locality: 'Narnia' } })).toMatchObject({ ok: false, error: expect.stringMatching(/locality/) });
  expect(await send({ type: 'import-dataset', fileName: 'x.csv', bytes: '@@@' })).toMatchObject({ ok: false, error: expect.stringMatching(/base64/) });
  expect(await send({ type: 'check-claim', lines: [] })).toMatchObject({ ok: false, error: expect.stringMatching(/no service lines/) });
  expect(await send({ type: 'ping' })).toMatchObject({ ok: true });
});

test('settings saved through messages survive and are validated', async () => {
  const page = await extensionPage(session);
  const saved = await sendFromExtensionPage<{ ok: boolean; data?: { payer: string; unitMethods: { commercial: string } } }>(page, {
    type: 'save-settings',
    settings: { payer: 'commercial', percentOfMedicare: { commercial: 125, 'workers-comp': 100 } },
  });
  expect(saved).toMatchObject({ ok: true, data: { payer: 'commercial', unitMethods: { commercial: 'ama' } } });
  const other = await extensionPage(session, 'options.html');
  expect(await sendFromExtensionPage(other, { type: 'get-settings' })).toMatchObject({ ok: true, data: { payer: 'commercial', percentOfMedicare: { commercial: 125 } } });
});
