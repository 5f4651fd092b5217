import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseRvuBundle } from '../../../src/data/bundle-rvu';
import { iteratePtpBundle } from '../../../src/data/bundle-ptp';
import { parseMueBundle } from '../../../src/data/bundle-mue';
import { parseGpciBundle, parseZipBundle } from '../../../src/data/bundle-gpci';
import { parseHcpcsBundle } from '../../../src/data/bundle-hcpcs';
import { parseConversionFactorBundle } from '../../../src/data/bundle-conversion-factor';
import { BUNDLES_DIR, entry, ref, textOf } from './helpers';

const CPT_LIKE = /^\d{4}[0-9A-Z]$/;

describe('RVU bundles', () => {
  const rvu2025 = parseRvuBundle(textOf('rvu-2025'), ref('rvu-2025'));
  const rvu2026 = parseRvuBundle(textOf('rvu-2026'), ref('rvu-2026'));

  it('hold every code and modifier row of RVU25D and the 80-row RVU26C extract', () => {
    expect(rvu2025).toHaveLength(19090);
    expect(new Set(rvu2025.map((r) => r.modifier))).toEqual(new Set(['', '26', 'TC', '53']));
    expect(rvu2026).toHaveLength(80);
    expect(rvu2026.every((r) => r.code.startsWith('97'))).toBe(true);
  });

  it('match the CMS file for 97530 (2025: 0.44/0.62/0.62/0.01, status A, mult proc 5)', () => {
    const r = rvu2025.find((x) => x.code === '97530' && x.modifier === '');
    expect(r).toMatchObject({ status: 'A', work: 0.44, peNonFacility: 0.62, peFacility: 0.62, mp: 0.01, multProc: '5', pctc: '7', globalDays: 'XXX', naFacility: true, naNonFacility: false, conversionFactor: 32.3465 });
    const r26 = rvu2026.find((x) => x.code === '97530');
    expect(r26).toMatchObject({ work: 0.44, peNonFacility: 0.6, mp: 0.01, conversionFactor: 33.4009 });
  });

  it('never carry a CPT descriptor, but keep HCPCS Level II ones', () => {
    expect(rvu2025.filter((r) => CPT_LIKE.test(r.code) && r.description !== '')).toEqual([]);
    expect(rvu2025.find((r) => r.code === 'G0283')?.description).toBe('Elec stim other than wound');
  });
});

describe('PTP bundle', () => {
  it('holds the whole practitioner table: 2,546,017 rows, 1,669,820 active', () => {
    let rows = 0;
    let active = 0;
    const wanted = new Map<string, unknown>();
    for (const group of iteratePtpBundle(textOf('ptp-2024q3'), ref('ptp-2024q3'))) {
      rows += group.edits.length;
      for (const edit of group.edits) {
        if (edit.deletion === null) active += 1;
        const pair = `${edit.column1}/${edit.column2}`;
        if (pair === '97150/97530' || pair === '97530/97110' || pair === '97140/97530') wanted.set(pair, edit);
      }
    }
    expect(rows).toBe(2546017);
    expect(active).toBe(1669820);
    expect(wanted.get('97150/97530')).toMatchObject({ deletion: null, modifierIndicator: 1, rationale: 'Mutually exclusive procedures' });
    expect(wanted.get('97530/97110')).toMatchObject({ modifierIndicator: 9 });
    expect((wanted.get('97530/97110') as { deletion: string }).deletion).not.toBeNull();
    expect(wanted.get('97140/97530')).toMatchObject({ deletion: '2019-12-31' });
  });
});

describe('MUE bundles', () => {
  it('hold 15,095 (2026 Q2) and 14,677 (2024 Q3) codes', () => {
    expect(parseMueBundle(textOf('mue-2026q2'), ref('mue-2026q2'))).toHaveLength(15095);
    expect(parseMueBundle(textOf('mue-2024q3'), ref('mue-2024q3'))).toHaveLength(14677);
  });

  it('match CMS for therapy codes in 2026 Q2 (97530 = 6 MAI 3, 97545 = 1 MAI 2)', () => {
    const mue = new Map(parseMueBundle(textOf('mue-2026q2'), ref('mue-2026q2')).map((m) => [m.code, m]));
    expect(mue.get('97530')).toMatchObject({ value: 6, mai: 3, rationale: 'Clinical: Data' });
    expect(mue.get('97545')).toMatchObject({ value: 1, mai: 2 });
  });
});

describe('GPCI, ZIP, HCPCS and conversion factor bundles', () => {
  it('hold all 109 localities with counties, and San Francisco 01112-05 as in CMS Addendum E', () => {
    const gpci = parseGpciBundle(textOf('gpci-2025'), ref('gpci-2025'));
    expect(gpci).toHaveLength(109);
    expect(gpci.find((g) => g.locality === '01112-05')).toMatchObject({ state: 'CA', work: 1.088, pe: 1.419, mp: 0.445 });
    expect(gpci.find((g) => g.locality === '01112-05')?.counties).toMatch(/SAN FRANCISCO/);
    expect(gpci.find((g) => g.locality === '03202-01')).toMatchObject({ name: 'MONTANA', pe: 1, floor: expect.stringMatching(/frontier/) });
    expect(gpci.every((g) => g.feeScheduleArea !== '' && g.counties !== '')).toBe(true);
  });

  it('map all 42,956 ZIP codes to a locality that has GPCIs', () => {
    const zips = parseZipBundle(textOf('zip-locality-2025q4'), 'zip-locality-2025q4');
    expect(zips.size).toBe(42956);
    expect(zips.get('99501')).toEqual({ zip: '99501', locality: '02102-01', state: 'AK' });
    const localities = new Set(parseGpciBundle(textOf('gpci-2025'), ref('gpci-2025')).map((g) => g.locality));
    expect([...zips.values()].filter((z) => !localities.has(z.locality))).toEqual([]);
  });

  it('hold HCPCS Level II codes and modifiers with public-domain descriptions, no CPT codes', () => {
    const hcpcs = parseHcpcsBundle(textOf('hcpcs-2025oct'), 'hcpcs-2025oct');
    expect(hcpcs).toHaveLength(8846);
    expect(hcpcs.filter((h) => h.kind === 'modifier')).toHaveLength(383);
    expect(hcpcs.some((h) => CPT_LIKE.test(h.code) && /^\d/.test(h.code))).toBe(false);
    expect(hcpcs.find((h) => h.code === 'GP')?.longDescription).toBe('Services delivered under an outpatient physical therapy plan of care');
  });

  it('hold the 2025 and both 2026 conversion factors with sources', () => {
    const cf = parseConversionFactorBundle(textOf('conversion-factors'), 'conversion-factors');
    expect(cf.map((c) => [c.year, c.value, c.appliesTo])).toEqual([
      [2025, 32.3465, 'all'],
      [2026, 33.4009, 'non-qualifying-apm'],
      [2026, 33.5675, 'qualifying-apm'],
    ]);
    expect(cf.every((c) => c.source.length > 10)).toBe(true);
  });
});

describe('curated bundles', () => {
  // The bundles carry copies of data/curated/*.json; a stale copy means the build was not
  // re-run (npm run data:build -- --curated-only refreshes them without ../shared).
  for (const [id, file] of [['curated-codes', 'codes.json'], ['curated-tips', 'tips.json']] as const) {
    const source = fileURLToPath(new URL(`../../../data/curated/${file}`, import.meta.url));
    it.runIf(existsSync(source))(`${id} is the current data/curated/${file} (else run: npm run data:build -- --curated-only)`, () => {
      expect(readFileSync(`${BUNDLES_DIR}/${entry(id).file}`, 'utf8')).toBe(readFileSync(source, 'utf8'));
    });
  }
});
