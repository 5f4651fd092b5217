import { describe, expect, test } from 'vitest';
import type { ReferenceStore, SeedStatus } from '../../../src/data/store/api';
import type { WorkerDeps } from '../../../src/messaging/handlers';
import { handleMessage } from '../../../src/messaging/router';
import { Seeding } from '../../../src/messaging/seeding';
import type { Claim } from '../../../src/rules/claim';
import type { CheckResult } from '../../../src/rules/result';
import type { KeyValueArea } from '../../../src/settings/storage';

const self = { id: 'ext-id', origin: 'chrome-extension://ext-id' };
const popup = { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' };
const contentScript = { id: 'ext-id', url: 'https://portal.example.com/claims', tab: { id: 7 } };
const otherExtension = { id: 'someone-else', url: 'chrome-extension://someone-else/x.html' };

function memoryArea(): KeyValueArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    async get(key) {
      return key in data ? { [key]: data[key] } : {};
    },
    async set(items) {
      Object.assign(data, structuredClone(items));
    },
  };
}

function status(complete: boolean): SeedStatus {
  const d = (kind: 'rvu' | 'ptp' | 'mue' | 'hcpcs', done: boolean) => ({ id: kind, kind, version: `${kind} v1`, effective: '2025-01-01', origin: 'bundle' as const, rows: 1, complete: done });
  // Therapy-first seeding: the claim's kinds are readable while the rest still loads.
  return { complete, progress: complete ? 1 : 0.5, datasets: [d('rvu', true), d('ptp', true), d('mue', true), d('hcpcs', complete)] };
}

function deps(overrides: { seedComplete?: boolean; claims?: Claim[] } = {}): WorkerDeps & { area: ReturnType<typeof memoryArea> } {
  const store = { db: undefined as never, close() {} } satisfies ReferenceStore;
  const area = memoryArea();
  const seedStatus = status(overrides.seedComplete ?? true);
  const seeding = new Seeding({
    openStore: async () => store,
    bundleSource: async () => ({ manifest: {}, readFile: async () => new Uint8Array() }),
    seedFromBundles: async () => seedStatus,
    getSeedStatus: async () => seedStatus,
  });
  return {
    area,
    seeding,
    settingsArea: area,
    store: {
      prefetchReference: async () => ({}) as never,
      lookupCode: async () => {
        throw new Error('not used');
      },
      searchCodes: async () => [],
      importCmsFile: async () => {
        throw new Error('not used');
      },
      listDatasets: async () => [],
      removeImportedDataset: async () => {},
    },
    checkClaim(claim: Claim): CheckResult {
      overrides.claims?.push(claim);
      return { findings: [], fees: { lines: [], allowed: 0, medicarePays: 0, payerPays: 0 } };
    },
    localities: { list: async () => [], byZip: async () => undefined },
    version: '1.2.3',
    today: () => '2026-11-23',
  };
}

const line = { code: '97530', modifiers: ['GP'], units: 2, dos: '2025-06-02' };

describe('worker message router', () => {
  test('answers ping with the extension version', async () => {
    expect(await handleMessage({ type: 'ping' }, popup, self, deps())).toEqual({ ok: true, data: { pong: true, version: '1.2.3' } });
  });

  test('answers malformed and unknown messages with an error naming the problem', async () => {
    const d = deps();
    const bad = await handleMessage({ type: 'check-claim', lines: 'nope' }, popup, self, d);
    expect(bad).toMatchObject({ ok: false, error: expect.stringMatching(/^bad message: .*\(lines\)/) });
    expect(await handleMessage({ type: 'format-disk' }, popup, self, d)).toMatchObject({ ok: false });
    expect(await handleMessage(null, popup, self, d)).toMatchObject({ ok: false });
    const badDate = await handleMessage({ type: 'check-claim', lines: [{ ...line, dos: '2025-13-45' }] }, popup, self, d);
    expect(badDate).toMatchObject({ ok: false, error: expect.stringContaining('not a real calendar date') });
  });

  test('refuses other extensions, and settings or imports from content scripts', async () => {
    const d = deps();
    expect(await handleMessage({ type: 'ping' }, otherExtension, self, d)).toMatchObject({ ok: false, error: expect.stringContaining('not sent by ClaimLens') });
    const save = await handleMessage({ type: 'save-settings', settings: { locality: '01112-05' } }, contentScript, self, d);
    expect(save).toMatchObject({ ok: false, error: expect.stringContaining('only accepted from the ClaimLens popup or settings page') });
    expect(d.area.data).toEqual({});
    const importing = await handleMessage({ type: 'import-dataset', fileName: 'x.csv', bytes: 'AAAA' }, contentScript, self, d);
    expect(importing.ok).toBe(false);
    expect(await handleMessage({ type: 'check-claim', lines: [line] }, contentScript, self, d)).toMatchObject({ ok: true });
  });

  test('refuses a sender before validating its payload (no schema details, no parsing of large bodies for it)', async () => {
    const d = deps();
    const bigImport = { type: 'import-dataset', fileName: 'a.csv', bytes: 'not base64!' };
    expect(await handleMessage(bigImport, contentScript, self, d)).toMatchObject({ ok: false, error: expect.stringContaining('only accepted from the ClaimLens popup or settings page') });
    expect(await handleMessage({ type: 'check-claim', lines: 'x' }, otherExtension, self, d)).toMatchObject({ ok: false, error: expect.stringContaining('not sent by ClaimLens') });
    expect(await handleMessage(null, otherExtension, self, d)).toMatchObject({ ok: false, error: expect.stringContaining('not sent by ClaimLens') });
  });

  test('check-claim merges the saved settings into the claim', async () => {
    const claims: Claim[] = [];
    const d = deps({ claims });
    await handleMessage(
      { type: 'save-settings', settings: { locality: '01112-05', payer: 'commercial', percentOfMedicare: { commercial: 120, 'workers-comp': 100 }, assistant: 'CQ', therapyYearToDate: 1500 } },
      { ...popup, url: 'chrome-extension://ext-id/options.html', tab: { id: 3 } },
      self,
      d,
    );
    const reply = await handleMessage({ type: 'check-claim', lines: [line, { code: '97161', dos: '2025-06-02' }] }, contentScript, self, d);
    expect(reply.ok).toBe(true);
    expect(claims[0]).toMatchObject({
      payer: 'commercial',
      unitMethod: 'ama',
      locality: '01112-05',
      feePercentOfMedicare: 120,
      therapyYearToDate: 1500,
      lines: [{ code: '97530', modifiers: ['GP', 'CQ'] }, { code: '97161', modifiers: [] }],
    });
  });

  test('check-claim says when data is still loading instead of staying silent', async () => {
    const reply = await handleMessage({ type: 'check-claim', lines: [line] }, contentScript, self, deps({ seedComplete: false }));
    expect(reply).toMatchObject({ ok: true, data: { findings: [{ rule: 'data.loading', severity: 'info' }] } });
  });

  test('check-claim during the seed: the "still loading" note names what this claim still lacks', async () => {
    const d = deps({ seedComplete: false });
    d.store.prefetchReference = async () => ({ pending: ['ptp (99213, 96372)'] }) as never;
    const partial = await handleMessage({ type: 'check-claim', lines: [line] }, contentScript, self, d);
    expect(partial).toMatchObject({ ok: true, data: { findings: [{ rule: 'data.loading', message: expect.stringContaining('ptp (99213, 96372)') }] } });
  });

  test('save-settings refuses invalid settings and keeps the old ones', async () => {
    const d = deps();
    await handleMessage({ type: 'save-settings', settings: { locality: '01112-05' } }, popup, self, d);
    const bad = await handleMessage({ type: 'save-settings', settings: { locality: 'Springfield' } }, popup, self, d);
    expect(bad).toMatchObject({ ok: false, error: expect.stringContaining('locality') });
    expect(await handleMessage({ type: 'get-settings' }, popup, self, d)).toMatchObject({ ok: true, data: { locality: '01112-05' } });
  });

  test('lookup-code refuses words with a hint to search instead', async () => {
    const reply = await handleMessage({ type: 'lookup-code', query: 'therapeutic' }, popup, self, deps());
    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining('search by words') });
  });

  test('import-dataset refuses oversize or non-base64 bytes before decoding', async () => {
    const d = deps();
    expect(await handleMessage({ type: 'import-dataset', fileName: 'a.csv', bytes: 'not base64!' }, popup, self, d)).toMatchObject({ ok: false, error: expect.stringContaining('base64') });
    expect(await handleMessage({ type: 'import-dataset', fileName: 'a.csv', bytes: '' }, popup, self, d)).toMatchObject({ ok: false, error: expect.stringContaining('empty') });
  });
});
