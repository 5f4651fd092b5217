import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchExtension, sendFromExtensionPage, type ExtensionSession } from './harness';

let session: ExtensionSession;
beforeAll(async () => {
  session = await launchExtension();
});
afterAll(async () => {
  await session?.close();
});

test('the built extension loads and its service worker answers a message', async () => {
  const page = await session.context.newPage();
  await page.goto(session.extensionUrl('popup.html'));
  const reply = await sendFromExtensionPage<{ ok: boolean; data?: { pong: boolean } }>(page, { type: 'ping' });
  expect(reply).toMatchObject({ ok: true, data: { pong: true } });
});

test('the worker answers a malformed message with an error instead of crashing', async () => {
  const page = await session.context.newPage();
  await page.goto(session.extensionUrl('popup.html'));
  const bad = await sendFromExtensionPage<{ ok: boolean; error?: string }>(page, { type: 'check-claim', lines: 'nope' });
  expect(bad.ok).toBe(false);
  expect(bad.error).toMatch(/bad message/);
  const after = await sendFromExtensionPage<{ ok: boolean }>(page, { type: 'ping' });
  expect(after.ok).toBe(true);
});
