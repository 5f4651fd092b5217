import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchExtension, sendFromExtensionPage, type ExtensionSession } from './harness';
import { bundleManifest, extensionPage, waitForSeed } from './extension-helpers';

let session: ExtensionSession;
beforeAll(async () => {
  session = await launchExtension();
});
afterAll(async () => {
  await session?.close();
});

test('after install the bundled CMS data is seeded with every row, from the package only', async () => {
  const page = await extensionPage(session);
  const status = await waitForSeed(page);
  expect(status.ok).toBe(true);
  expect(status.data?.complete).toBe(true);
  expect(status.data?.progress).toBe(1);
  const byId = new Map(status.data!.datasets.map((d) => [d.id, d]));
  const stored = bundleManifest().filter((d) => byId.has(d.id));
  // The tables the engine reads are all there with the manifest's row counts.
  expect(stored.map((d) => d.kind)).toEqual(expect.arrayContaining(['rvu', 'ptp', 'mue', 'gpci']));
  for (const dataset of stored) {
    expect({ id: dataset.id, rows: byId.get(dataset.id)?.rows, complete: byId.get(dataset.id)?.complete }).toEqual({ id: dataset.id, rows: dataset.rows, complete: true });
  }
  expect(session.externalRequests).toEqual([]);
});

test('check-claim answers findings and fees for lines as a content script sends them', async () => {
  const page = await extensionPage(session);
  await waitForSeed(page);
  const reply = await sendFromExtensionPage<{ ok: boolean; data?: { findings: Array<{ rule: string }>; fees: { lines: Array<{ code: string; unitAllowed: number }> } } }>(page, {
    type: 'check-claim',
    lines: [
      { code: '97150', modifiers: ['GP'], units: 1, dos: '2025-06-02' },
      { code: '97530', modifiers: ['GP'], units: 2, dos: '2025-06-02' },
    ],
  });
  expect(reply.ok).toBe(true);
  expect(reply.data?.findings.map((f) => f.rule)).toContain('ptp.modifier-required');
  expect(reply.data?.fees.lines.find((l) => l.code === '97530')?.unitAllowed).toBe(34.61);
});
