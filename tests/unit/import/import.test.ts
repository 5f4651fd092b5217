import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportError, importCmsFile, listDatasets, openReferenceStore, prefetchReference, removeImportedDataset, seedFromBundles, type ReferenceStore } from '../../../src/data/store/api';
import { itemCount, miniSource } from '../store/mini-bundles';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'cms-import');
const fixture = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(join(fixtures, name))) });

let store: ReferenceStore;
let n = 0;
beforeEach(async () => {
  store = await openReferenceStore(`import-test-${++n}`);
  await seedFromBundles(store, await miniSource());
});
afterEach(() => store.close());

/** What a biller would see change: the datasets listed and the answers for a 2026 claim. */
async function snapshot() {
  const ref = await prefetchReference(store, ['97150', '97530', '97763'], ['2026-08-03']);
  return {
    datasets: (await listDatasets(store)).map((d) => `${d.id} ${d.effective} ${d.rows}`),
    edit: ref.ptpEdit('97150', '97530', '2026-08-03'),
    fake: ref.ptpEdit('97530', '97763', '2026-08-03'),
    mue: ref.mue('97530', '2026-08-03'),
    records: await Promise.all(['ptp', 'ptpRev', 'mue', 'rvu', 'gpci', 'words'].map((s) => itemCount(store, s))),
  };
}

describe('importCmsFile: NCCI PTP zip', () => {
  it('adds the new edit for dates of service from the version effective date only', async () => {
    // ccipra-v322r0.zip holds real bundled therapy edits plus ONE FAKE edit 97530 → 97763
    // effective 2026-07-01 (see tests/fixtures/cms-import/make-fixtures.ts).
    const report = await importCmsFile(store, fixture('ccipra-v322r0.zip'));
    expect(report).toMatchObject({ kind: 'ptp', datasetId: 'ptp-import-v322r0', version: 'NCCI practitioner PTP v32.2 rev 0', effective: '2026-07-01', rows: 27 });

    const before = await prefetchReference(store, ['97530', '97763'], ['2026-06-30']);
    expect(before.ptpEdit('97530', '97763', '2026-06-30')).toBeUndefined();

    const after = await prefetchReference(store, ['97530', '97763', '97150'], ['2026-07-01']);
    expect(after.ptpEdit('97530', '97763', '2026-07-01')).toMatchObject({ modifierIndicator: 1, deletion: null, dataset: { id: 'ptp-import-v322r0' } });
    // Edits carried over from the bundled table are answered from the new table too.
    expect(after.ptpEdit('97150', '97530', '2026-07-01')).toMatchObject({ modifierIndicator: 1, rationale: 'Mutually exclusive procedures', dataset: { id: 'ptp-import-v322r0' } });
    // The reverse direction is not an edit.
    expect(after.ptpEdit('97763', '97530', '2026-07-01')).toBeUndefined();
  });

  it('accepts the four .txt parts one by one and switches them on only with the last', async () => {
    const members = unzipSync(fixture('ccipra-v322r0.zip').bytes);
    const before = await snapshot();
    for (const part of [1, 2, 3]) {
      const name = `ccipra-v322r0-f${part}.txt`;
      const report = await importCmsFile(store, { name, bytes: members[name]! });
      expect(report.staged?.missing).toEqual([1, 2, 3, 4].filter((p) => p > part));
      expect((await snapshot()).fake).toEqual(before.fake);
    }
    const report = await importCmsFile(store, { name: 'ccipra-v322r0-f4.txt', bytes: members['ccipra-v322r0-f4.txt']! });
    expect(report.staged).toBeUndefined();
    expect(report.rows).toBe(27);
    expect((await snapshot()).fake).toMatchObject({ column1: '97530', column2: '97763' });
  });

  it('refuses a zip cut short, naming the problem, and keeps the data in use', async () => {
    const before = await snapshot();
    const refused = importCmsFile(store, fixture('ccipra-v322r0-broken.zip'));
    await expect(refused).rejects.toBeInstanceOf(ImportError);
    await expect(refused).rejects.toThrow(/not a readable zip archive/);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a zip without all four parts', async () => {
    const before = await snapshot();
    await expect(importCmsFile(store, fixture('ccipra-v322r0-three-parts.zip'))).rejects.toThrow(/lacks part f4/);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a part with a bad row, naming member and line', async () => {
    const members = unzipSync(fixture('ccipra-v322r0.zip').bytes);
    const text = new TextDecoder().decode(members['ccipra-v322r0-f2.txt']!);
    const lines = text.split('\r\n');
    lines[8] = lines[8]!.replace(/\t[019]\t/, '\t7\t');
    await expect(importCmsFile(store, { name: 'ccipra-v322r0-f2.txt', bytes: new TextEncoder().encode(lines.join('\r\n')) })).rejects.toThrow(
      'ccipra-v322r0-f2.txt, line 9: modifier indicator "7" is not 0, 1 or 9',
    );
  });
});

describe('importCmsFile: MUE, RVU, GPCI', () => {
  it('uses an imported MUE table from its effective date on', async () => {
    // The fixture's 97530 value (4) is FAKE: every CMS table says 6.
    const report = await importCmsFile(store, fixture('MCR_MUE_PractitionerServices_Eff_07-01-2026.csv'));
    expect(report).toMatchObject({ kind: 'mue', effective: '2026-07-01', rows: 77 });
    const ref = await prefetchReference(store, ['97530'], ['2026-06-30', '2026-07-01']);
    expect(ref.mue('97530', '2026-06-30')).toMatchObject({ value: 6, dataset: { id: 'mue-2026q2' } });
    expect(ref.mue('97530', '2026-07-01')).toMatchObject({ value: 4, mai: 3, dataset: { id: report.datasetId } });
  });

  it('refuses a truncated MUE CSV with its line and keeps the table in use', async () => {
    const before = await snapshot();
    await expect(importCmsFile(store, fixture('MCR_MUE_PractitionerServices_Eff_10-01-2026_truncated.csv'))).rejects.toThrow(/line \d+: expected 4 cells .*cut short/);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a file that is not a CMS table', async () => {
    const before = await snapshot();
    await expect(importCmsFile(store, fixture('patients-export.csv'))).rejects.toThrow(/patients-export\.csv is not a CMS file ClaimLens can import/);
    await expect(importCmsFile(store, { name: 'empty.csv', bytes: new Uint8Array() })).rejects.toThrow(/is empty/);
    expect(await snapshot()).toEqual(before);
  });

  it('imports a PPRRVU file with CMS banner rows (2026 layout) and a GPCI file', async () => {
    const rvu = await importCmsFile(store, fixture('PPRRVU2026_Jul_nonQPP.csv'));
    expect(rvu).toMatchObject({ kind: 'rvu', effective: '2026-01-01', rows: 80, warnings: [expect.stringContaining('from 2026-01-01')] });
    const ref = await prefetchReference(store, ['97530'], ['2026-11-23']);
    expect(ref.rvu('97530', '', '2026-11-23')).toMatchObject({ work: 0.44, peNonFacility: 0.6, mp: 0.01, conversionFactor: 33.4009, dataset: { id: rvu.datasetId } });

    const gpci = await importCmsFile(store, fixture('GPCI2025.csv'), '2026-01-01');
    expect(gpci).toMatchObject({ kind: 'gpci', effective: '2026-01-01', rows: 12 });
    const ref2 = await prefetchReference(store, ['97530'], ['2026-11-23']);
    expect(ref2.gpci('10112-00', '2026-11-23')).toMatchObject({ state: 'AL', work: 1, pe: 0.869, mp: 0.575, dataset: { id: gpci.datasetId } });
  });

  it('rejects an effective date that is not YYYY-MM-DD', async () => {
    await expect(importCmsFile(store, fixture('GPCI2025.csv'), '07/01/2026')).rejects.toThrow(/not YYYY-MM-DD/);
  });
});

describe('importCmsFile: failed writes and removal', () => {
  it('a full disk mid-write leaves nothing half-active and says what happened', async () => {
    const before = await snapshot();
    const full = importCmsFile(store, fixture('ccipra-v322r0.zip'), undefined, {
      limits: { records: 2, edits: 4 },
      afterChunk: (chunk) => {
        if (chunk === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
    });
    await expect(full).rejects.toThrow(/Not enough disk space to store ccipra-v322r0\.zip/);
    expect(await snapshot()).toEqual(before);
  });

  it('an aborted transaction leaves nothing half-active', async () => {
    const before = await snapshot();
    const aborted = importCmsFile(store, fixture('MCR_MUE_PractitionerServices_Eff_07-01-2026.csv'), undefined, {
      limits: { records: 10, edits: 10 },
      afterChunk: (chunk) => {
        if (chunk === 3) throw new DOMException('aborted', 'AbortError');
      },
    });
    await expect(aborted).rejects.toThrow(/was interrupted \(AbortError\)\. Nothing of it is in use/);
    expect(await snapshot()).toEqual(before);
  });

  it('an import cut off by a stopped worker is never used, and its rows are dropped at the next start', async () => {
    const before = await snapshot();
    const name = store.db.name;
    const cut = importCmsFile(store, fixture('ccipra-v322r0.zip'), undefined, { limits: { records: 1, edits: 4 }, afterChunk: (chunk) => void (chunk === 2 && store.close()) });
    await expect(cut).rejects.toThrow(ImportError);
    store = await openReferenceStore(name);
    const registry = (await store.db.getAll('datasets')) as Array<{ id: string; state: string }>;
    expect(registry.filter((e) => e.id === 'ptp-import-v322r0').map((e) => e.state)).toEqual(['staging']);
    expect((await snapshot()).fake).toBeUndefined();
    await seedFromBundles(store, await miniSource()); // what every worker start runs
    expect(await snapshot()).toEqual(before);
  });

  it('removing an imported dataset brings the bundled answers back; bundled ones cannot be removed', async () => {
    const before = await snapshot();
    const report = await importCmsFile(store, fixture('ccipra-v322r0.zip'));
    expect((await snapshot()).fake).toBeDefined();
    await removeImportedDataset(store, report.datasetId);
    expect(await snapshot()).toEqual(before);
    await expect(removeImportedDataset(store, 'ptp-2024q3')).rejects.toThrow(/bundled with ClaimLens/);
  });
});
