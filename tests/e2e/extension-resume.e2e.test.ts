import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { loadBundleReference } from '../../src/data/node-bundles';
import { Claim } from '../../src/rules/claim';
import { checkClaim } from '../../src/rules/check-claim';
import { launchExtension, sendFromExtensionPage, type ExtensionSession } from './harness';
import { TWELVE_LINES, bundleManifest, dataStatus, extensionPage, stopWorker, waitForSeed, type DataStatusReply } from './extension-helpers';

const userDataDir = mkdtempSync(join(tmpdir(), 'claimlens-resume-'));
let session: ExtensionSession | undefined;
afterAll(async () => {
  await session?.close();
  rmSync(userDataDir, { recursive: true, force: true });
});

/** Polls until the seed has visibly started (some progress) — to cut it off in the middle. */
async function waitUntilMidSeed(session: ExtensionSession): Promise<DataStatusReply> {
  const page = await extensionPage(session);
  for (;;) {
    const status = await dataStatus(page);
    if (status.data && (status.data.complete || status.data.progress > 0.02)) return status;
    await page.waitForTimeout(20);
  }
}

function expectConsistent(status: DataStatusReply) {
  expect(status.data?.complete).toBe(true);
  const byId = new Map(status.data!.datasets.map((d) => [d.id, d]));
  for (const dataset of bundleManifest().filter((d) => byId.has(d.id))) {
    expect({ id: dataset.id, rows: byId.get(dataset.id)?.rows }).toEqual({ id: dataset.id, rows: dataset.rows });
  }
}

test('a worker stopped mid-seed (CDP) and a browser closed mid-seed both end with complete, consistent data', async () => {
  // 1. Stop the service worker while it seeds, then wake it with a message.
  session = await launchExtension({ userDataDir });
  const before = await waitUntilMidSeed(session);
  expect(before.data?.complete, 'the seed finished before it could be interrupted').toBe(false);
  const page = await extensionPage(session);
  expect(await stopWorker(session, page), 'the service worker did not stop').toBe(true);
  const woken = await dataStatus(page); // starts the worker again; its start resumes the seed
  expect(woken.ok).toBe(true);

  // 2. Close the whole browser mid-seed (if still seeding) and relaunch on the same profile.
  const again = await dataStatus(page);
  const closedMidSeed = !again.data?.complete;
  await session.close();
  session = await launchExtension({ userDataDir });
  const resumed = await waitForSeed(await extensionPage(session));
  expectConsistent(resumed);
  console.info(`browser closed ${closedMidSeed ? 'mid-seed' : 'after the seed finished'}`);

  // Same findings and fees as the engine over the bundles in Node: nothing lost or doubled.
  const reply = await sendFromExtensionPage<{ ok: boolean; data: unknown }>(await extensionPage(session), { type: 'check-claim', lines: TWELVE_LINES });
  expect(reply.ok).toBe(true);
  const expected = checkClaim(Claim.parse({ lines: TWELVE_LINES }), loadBundleReference());
  expect(reply.data).toEqual(JSON.parse(JSON.stringify(expected)));
});
