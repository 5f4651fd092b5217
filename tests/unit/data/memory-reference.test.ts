import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBundleReference } from '../../../src/data/node-bundles';
import { createMemoryReference } from '../../../src/data/memory-reference';
import { BUNDLES_DIR, manifest, textOf } from './helpers';

const ref = loadBundleReference(BUNDLES_DIR);

describe('loadBundleReference: RVUs and fees', () => {
  it('answers 97530 for 2025 from RVU25D', () => {
    expect(ref.rvu('97530', '', '2025-03-04')).toMatchObject({ work: 0.44, peNonFacility: 0.62, peFacility: 0.62, mp: 0.01, status: 'A', multProc: '5', dataset: { id: 'rvu-2025' } });
  });

  it('answers 2026 therapy codes from RVU26C and other 2026 codes from RVU25D, naming the dataset', () => {
    expect(ref.rvu('97530', '', '2026-02-02')).toMatchObject({ peNonFacility: 0.6, dataset: { id: 'rvu-2026' } });
    expect(ref.rvu('99213', '', '2026-02-02')?.dataset.id).toBe('rvu-2025');
    expect(ref.rvu('71046', 'TC', '2025-05-05')?.modifier).toBe('TC');
    expect(ref.rvu('97530', 'GP', '2025-05-05')).toBeUndefined();
  });

  it('gives 97545 status R with no RVUs (contractor priced)', () => {
    expect(ref.rvu('97545', '', '2025-05-05')).toMatchObject({ status: 'R', work: 0, peNonFacility: 0, mp: 0 });
  });

  it('gives the conversion factor of the DOS year and APM status', () => {
    expect(ref.conversionFactor('2025-10-01', false)).toMatchObject({ year: 2025, value: 32.3465 });
    expect(ref.conversionFactor('2026-10-01', false)?.value).toBe(33.4009);
    expect(ref.conversionFactor('2026-10-01', true)?.value).toBe(33.5675);
  });

  it('gives the GPCIs of a real locality, national 1.0, and nothing for unknown ones', () => {
    expect(ref.gpci('01112-05', '2025-06-01')).toMatchObject({ state: 'CA', work: 1.088, pe: 1.419, mp: 0.445 });
    expect(ref.gpci('01112-05', '2026-06-01')?.dataset.id).toBe('gpci-2025');
    expect(ref.gpci('national', '2025-06-01')).toMatchObject({ work: 1, pe: 1, mp: 1 });
    expect(ref.gpci('99999-99', '2025-06-01')).toBeUndefined();
  });

  it('reproduces the CMS worked example: 97530, 2025, national, non-facility = $34.61', () => {
    const r = ref.rvu('97530', '', '2025-06-01');
    const cf = ref.conversionFactor('2025-06-01', false);
    const g = ref.gpci('national', '2025-06-01');
    if (!r || !cf || !g) throw new Error('missing reference data');
    const allowed = (r.work * g.work + r.peNonFacility * g.pe + r.mp * g.mp) * cf.value;
    expect(allowed.toFixed(2)).toBe('34.61');
  });
});

describe('loadBundleReference: NCCI edits', () => {
  it('finds the active 97150 -> 97530 edit (mutually exclusive, modifier allowed)', () => {
    expect(ref.ptpEdit('97150', '97530', '2025-06-01')).toMatchObject({ deletion: null, modifierIndicator: 1, rationale: 'Mutually exclusive procedures', dataset: { id: 'ptp-2024q3', effective: '2024-07-01' } });
  });

  it('returns deleted edits with their deletion date for the engine to judge', () => {
    expect(ref.ptpEdit('97530', '97110', '2025-06-01')).toMatchObject({ modifierIndicator: 9 });
    expect(ref.ptpEdit('97140', '97530', '2025-06-01')).toMatchObject({ deletion: '2019-12-31' });
    expect(ref.ptpEdit('97530', '97150', '2025-06-01')).toBeUndefined();
  });

  it('picks, for a pair listed twice, the row in effect on the DOS', () => {
    expect(ref.ptpRows('0007U', '0328U', '2025-01-01')).toHaveLength(2);
    expect(ref.ptpEdit('0007U', '0328U', '2023-03-01')).toMatchObject({ deletion: '2023-06-30', modifierIndicator: 0 });
    expect(ref.ptpEdit('0007U', '0328U', '2025-03-01')).toMatchObject({ deletion: null, modifierIndicator: 1 });
  });

  it('uses the 2024 Q3 MUE table before 2026-04-01 and the 2026 Q2 table from then on', () => {
    expect(ref.mue('97530', '2026-05-01')).toMatchObject({ value: 6, mai: 3, dataset: { id: 'mue-2026q2' } });
    expect(ref.mue('97545', '2026-05-01')).toMatchObject({ value: 1, mai: 2 });
    expect(ref.mue('97530', '2025-05-01')?.dataset.id).toBe('mue-2024q3');
  });
});

describe('loadBundleReference: codes', () => {
  it('knows codes from any dataset and rejects made-up ones', () => {
    expect(ref.isKnownCode('97530')).toBe(true);
    expect(ref.isKnownCode('g0283')).toBe(true);
    expect(ref.isKnownCode('A4550')).toBe(true);
    expect(ref.isKnownCode('0591T')).toBe(true);
    expect(ref.isKnownCode('97999X')).toBe(false);
    expect(ref.isKnownCode('ZZ999')).toBe(false);
  });

  it('describes Level II codes and modifiers, never CPT codes', () => {
    expect(ref.hcpcsDescription('G0283')).toMatch(/^Electrical stimulation \(unattended\)/);
    expect(ref.hcpcsDescription('GP')).toBe('Services delivered under an outpatient physical therapy plan of care');
    expect(ref.hcpcsDescription('97530')).toBeUndefined();
  });

  it('finds the locality of a ZIP code', () => {
    expect(ref.localityForZip('94002')).toEqual({ zip: '94002', locality: '01112-05', state: 'CA' });
    expect(ref.localityForZip('00000')).toBeUndefined();
  });

  it('serves the curated code facts and tips when bundled', () => {
    if (manifest.datasets.some((d) => d.id === 'curated-codes')) expect(ref.curatedCode('97530')?.kind).toBe('timed');
    if (manifest.datasets.some((d) => d.id === 'curated-tips')) expect(ref.tips().length).toBeGreaterThan(0);
  });
});

describe('createMemoryReference', () => {
  it('answers nothing for kinds it was given no text for', () => {
    const only = createMemoryReference({ manifest, texts: new Map([['mue-2026q2', textOf('mue-2026q2')]]) });
    expect(only.mue('97530', '2026-05-01')?.value).toBe(6);
    expect(only.rvu('97530', '', '2026-05-01')).toBeUndefined();
    expect(only.ptpEdit('97150', '97530', '2026-05-01')).toBeUndefined();
    expect(only.tips()).toEqual([]);
  });
});

describe('loadBundleReference integrity', () => {
  const copy = mkdtempSync(join(tmpdir(), 'claimlens-bundles-'));
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('refuses a bundle whose bytes differ from the manifest, naming the file', () => {
    cpSync(BUNDLES_DIR, copy, { recursive: true });
    const file = join(copy, 'gpci-2025.tsv');
    writeFileSync(file, readFileSync(file, 'utf8').replace('1.088', '1.099'));
    expect(() => loadBundleReference(copy)).toThrow(/gpci-2025\.tsv \(dataset gpci-2025\) does not match manifest\.json: sha256/);
  });

  it('says clearly when the bundles are missing', () => {
    expect(() => loadBundleReference(join(copy, 'nowhere'))).toThrow(/manifest\.json not found/);
  });
});
