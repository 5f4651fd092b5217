import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCmsFile, lookupCode, openReferenceStore, prefetchReference, searchCodes, seedFromBundles, type ReferenceStore } from '../../../src/data/store/api';
import { miniSource } from './mini-bundles';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let store: ReferenceStore;
beforeAll(async () => {
  store = await openReferenceStore('reference-test');
  await seedFromBundles(store, await miniSource());
});
afterAll(() => store.close());

describe('prefetchReference', () => {
  it('answers 97530 RVUs by year, the 97150 → 97530 edit and the MUE', async () => {
    const ref = await prefetchReference(store, ['97530-GP', '97150 GP', '97110'], ['2025-03-10', '2026-11-23']);
    expect(ref.rvu('97530', '', '2025-03-10')).toMatchObject({ work: 0.44, peNonFacility: 0.62, mp: 0.01, conversionFactor: 32.3465, dataset: { id: 'rvu-2025' } });
    expect(ref.rvu('97530', '', '2026-11-23')).toMatchObject({ work: 0.44, peNonFacility: 0.6, mp: 0.01, conversionFactor: 33.4009, dataset: { id: 'rvu-2026' } });
    expect(ref.ptpEdit('97150', '97530', '2026-11-23')).toMatchObject({ column1: '97150', column2: '97530', deletion: null, modifierIndicator: 1, rationale: 'Mutually exclusive procedures', dataset: { id: 'ptp-2024q3' } });
    // Deleted back to its start: still returned, with its deletion date, for the engine to judge.
    expect(ref.ptpEdit('97530', '97110', '2026-11-23')).toMatchObject({ deletion: '1996-01-01', modifierIndicator: 9 });
    expect(ref.ptpEdit('97530', '97150', '2026-11-23')).toBeUndefined();
    expect(ref.mue('97530', '2026-11-23')).toMatchObject({ value: 6, mai: 3, dataset: { id: 'mue-2026q2' } });
    expect(ref.mue('97150', '2025-03-10')).toBeUndefined(); // not in the (mini) 2024 Q3 table
    expect(ref.conversionFactor('2026-11-23', false)?.value).toBe(33.4009);
    expect(ref.conversionFactor('2026-11-23', true)?.value).toBe(33.5675);
    expect(ref.gpci('national', '2026-11-23')).toMatchObject({ work: 1, pe: 1, mp: 1 });
    expect(ref.gpci('01112-05', '2026-11-23')).toMatchObject({ pe: 1.419 });
    expect(ref.curatedCode('97530')?.kind).toBe('timed');
    expect(ref.tips().map((t) => t.id)).toEqual(['group-and-one-on-one']);
    expect(ref.isKnownCode('97530')).toBe(true);
    expect(ref.isKnownCode('12345')).toBe(false);
    expect(ref.pending).toEqual([]);
  });

  it('falls back to the 2025 RVU row for a 2026 claim on a code outside the 2026 extract', async () => {
    const ref = await prefetchReference(store, ['G0283'], ['2026-11-23']);
    expect(ref.rvu('G0283', '', '2026-11-23')).toMatchObject({ work: 0.18, dataset: { id: 'rvu-2025' } });
    expect(ref.hcpcsDescription('G0283')).toMatch(/^Electrical stimulation \(unattended\)/);
  });

  it('reads only the claim codes (no table scans)', async () => {
    const ref = await prefetchReference(store, ['97530'], ['2026-11-23']);
    // 99213 is in every table, but was not asked for.
    expect(ref.rvu('99213', '', '2026-11-23')).toBeUndefined();
    expect(ref.isKnownCode('99213')).toBe(false);
  });
});

describe('lookupCode', () => {
  it('gives the popup everything about 97530 on a 2026 date', async () => {
    const card = await lookupCode(store, '97530 GP', { dos: '2026-11-23', locality: '01112-05', setting: 'nonFacility' });
    expect(card.code).toBe('97530');
    expect(card.known).toBe(true);
    expect(card.curated?.summary).toMatch(/functional performance/);
    expect(card.status).toEqual({ code: 'A', meaning: expect.stringMatching(/^Active/) });
    expect(card.rvu.map((r) => [r.year, r.record.peNonFacility, r.conversionFactor?.value])).toEqual([
      [2025, 0.62, 32.3465],
      [2026, 0.6, 33.4009],
    ]);
    expect(card.gpci).toMatchObject({ locality: '01112-05', pe: 1.419 });
    // Active on the date: 97530 → 97750 (column 1); 97150 → 97530 as column 2. Deleted ones are left out.
    expect(card.ptp.asColumn1.map((e) => e.column2)).toEqual(['97750']);
    expect(card.ptp.asColumn2.map((e) => e.column1)).toEqual(['97150']);
    expect(card.ptp.totalAsColumn2).toBe(1);
    expect(card.mue.map((m) => [m.dataset.id, m.value, m.inEffect])).toEqual([
      ['mue-2026q2', 6, true],
      ['mue-2024q3', 6, false],
    ]);
    expect(card.tips.map((t) => t.id)).toEqual(['group-and-one-on-one']);
    expect(card.pending).toEqual([]);
  });

  it('shows edits deleted later as active on an earlier date, and caps the lists with a total', async () => {
    const card = await lookupCode(store, '97140', { dos: '2019-06-01', ptpLimit: 1 });
    expect(card.ptp.totalAsColumn1).toBe(2);
    expect(card.ptp.asColumn1).toHaveLength(1);
    expect(card.ptp.asColumn1[0]).toMatchObject({ column2: '97530', deletion: '2019-12-31' });
  });

  it('says an unknown code is unknown', async () => {
    const card = await lookupCode(store, '12345', { dos: '2026-11-23' });
    expect(card).toMatchObject({ code: '12345', known: false, rvu: [], mue: [], ptp: { totalAsColumn1: 0, totalAsColumn2: 0 } });
  });
});

describe('searchCodes', () => {
  it('finds codes typed in any format, by prefix, and by words of our summaries and HCPCS descriptions', async () => {
    expect(await searchCodes(store, '97530-GP', 5)).toEqual([{ code: '97530', label: expect.stringMatching(/functional performance/) }]);
    expect((await searchCodes(store, '9753', 5)).map((h) => h.code)).toEqual(['97530']);
    expect((await searchCodes(store, 'g02', 5)).map((h) => h.code)).toEqual(['G0283']);
    expect((await searchCodes(store, 'therap exer', 5)).map((h) => h.code)).toEqual(['97110']);
    expect(await searchCodes(store, 'elec stim', 5)).toEqual([{ code: 'G0283', label: 'Elec stim other than wound' }]);
    expect(await searchCodes(store, 'zebra', 5)).toEqual([]);
  });
});

describe('schema upgrade', () => {
  it('keeps imported datasets and user data when the schema version rises', async () => {
    const name = 'upgrade-test';
    const v1 = await openReferenceStore(name, 1);
    await seedFromBundles(v1, await miniSource());
    const fixtures = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'cms-import');
    const report = await importCmsFile(v1, { name: 'ccipra-v322r0.zip', bytes: new Uint8Array(readFileSync(join(fixtures, 'ccipra-v322r0.zip'))) });
    await v1.db.put('user', { locality: '01112-05' }, 'settings');
    v1.close();

    const v2 = await openReferenceStore(name, 2);
    expect(v2.db.version).toBe(2);
    expect(await v2.db.get('user', 'settings')).toEqual({ locality: '01112-05' });
    const ref = await prefetchReference(v2, ['97530', '97763'], ['2026-08-03']);
    expect(ref.ptpEdit('97530', '97763', '2026-08-03')?.dataset.id).toBe(report.datasetId);
    // Reseeding after the upgrade rewrites nothing (checksums unchanged).
    const source = await miniSource();
    expect((await seedFromBundles(v2, source)).complete).toBe(true);
    expect([...source.reads.keys()]).toEqual(['curated-codes.json']);
    v2.close();
  });
});
