import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/settings/schema';
import { loadSettings, saveSettings, type KeyValueArea } from '../../../src/settings/storage';
import { exportSettings, importSettings } from '../../../src/settings/transfer';
import { siteToMatchPattern, syncOverlaySites, type OverlayApis } from '../../../src/settings/overlay-sites';
import { claimFromLines } from '../../../src/settings/to-claim';
import { checkClaim } from '../../../src/rules/check-claim';
import { fakeReference } from '../rules/fake-reference';

function area(initial: Record<string, unknown> = {}): KeyValueArea {
  const data = { ...initial };
  return { get: async (k) => (k in data ? { [k]: data[k] } : {}), set: async (items) => void Object.assign(data, items) };
}

describe('settings', () => {
  test('a fresh install gets national, non-facility, Medicare, participating', async () => {
    expect(await loadSettings(area())).toMatchObject({ locality: 'national', setting: 'non-facility', payer: 'medicare', participating: true, assistant: 'none', overlaySites: [] });
  });

  test('a damaged stored value keeps its valid fields', async () => {
    const loaded = await loadSettings(area({ settings: { locality: '01112-05', payer: 'bitcoin', therapyYearToDate: 900 } }));
    expect(loaded).toMatchObject({ locality: '01112-05', payer: 'medicare', therapyYearToDate: 900 });
  });

  test('export then import gives the same settings', async () => {
    const a = area();
    const saved = await saveSettings(a, { ...DEFAULT_SETTINGS, locality: '05302-01', payer: 'workers-comp', percentOfMedicare: { commercial: 100, 'workers-comp': 150 } });
    expect(importSettings(exportSettings(saved))).toEqual({ ok: true, settings: saved });
  });

  test('a bad settings file is refused with a reason', () => {
    expect(importSettings('{not json')).toMatchObject({ ok: false, error: expect.stringContaining('not JSON') });
    expect(importSettings('{"hello":1}')).toMatchObject({ ok: false, error: expect.stringContaining('not a ClaimLens settings file') });
    const bad = JSON.stringify({ format: 'claimlens-settings', version: 1, settings: { therapyYearToDate: -5 } });
    expect(importSettings(bad)).toMatchObject({ ok: false, error: expect.stringContaining('therapyYearToDate') });
  });

  test('sites typed any way become one-origin match patterns', () => {
    expect(siteToMatchPattern('portal.example.com')).toBe('https://portal.example.com/*');
    expect(siteToMatchPattern('http://emr.local.test:8080/claims?id=3')).toBe('http://emr.local.test:8080/*');
    expect(siteToMatchPattern('ftp://x.com')).toBeUndefined();
    expect(siteToMatchPattern('not a site')).toBeUndefined();
  });

  test('the overlay is registered only for granted sites', async () => {
    const registered: string[][] = [];
    const apis: OverlayApis = {
      permissions: { contains: async ({ origins }) => origins[0] === 'https://granted.example.com/*' },
      scripting: {
        getRegisteredContentScripts: async () => [],
        unregisterContentScripts: async () => {},
        registerContentScripts: async (scripts) => void registered.push(scripts[0]!.matches),
      },
    };
    const result = await syncOverlaySites(['https://granted.example.com/*', 'https://refused.example.com/*'], apis);
    expect(result).toEqual({ active: ['https://granted.example.com/*'], notGranted: ['https://refused.example.com/*'] });
    expect(registered).toEqual([['https://granted.example.com/*']]);
  });

  test('KX: the PT/SLP amount of the year does not count toward the separate OT threshold', () => {
    // 2025 threshold $2,410, PT and SLP combined, OT separately (domain.md §2, CMS Pub. 100-02 ch. 15 §220.3).
    const settings = { ...DEFAULT_SETTINGS, therapyYearToDate: 2400, therapyYearToDateOt: 300 };
    const lines = [
      { code: '97530', modifiers: ['GP'], units: 1, minutes: 15, dos: '2025-03-04', diagnoses: [] },
      { code: '97535', modifiers: ['GO'], units: 1, minutes: 15, dos: '2025-03-04', diagnoses: [] },
    ];
    const kx = checkClaim(claimFromLines(lines, settings), fakeReference()).findings.filter((f) => f.rule === 'modifier.kx-required');
    expect(kx.map((f) => f.lines)).toEqual([[0]]);
  });

  test("the practice's assistant modifier goes only on lines of that assistant's discipline", () => {
    // CQ is a PT assistant's (with GP), CO an OT assistant's (with GO); SLP has none (CMS "Billing examples using CQ/CO modifiers").
    const lines = [
      { code: '97530', modifiers: ['GP'], dos: '2025-03-04', diagnoses: [] },
      { code: '97110', modifiers: ['GP59'], dos: '2025-03-04', diagnoses: [] },
      { code: '97535', modifiers: ['GO'], dos: '2025-03-04', diagnoses: [] },
      { code: '92507', modifiers: ['GN'], dos: '2025-03-04', diagnoses: [] },
      { code: '99213', modifiers: [], dos: '2025-03-04', diagnoses: [] },
    ];
    const claim = claimFromLines(lines, { ...DEFAULT_SETTINGS, assistant: 'CQ' });
    expect(claim.lines.map((l) => l.modifiers)).toEqual([['GP', 'CQ'], ['GP59', 'CQ'], ['GO'], ['GN'], []]);
    const findings = checkClaim(claim, fakeReference()).findings;
    expect(findings.filter((f) => f.rule === 'modifier.assistant-conflict')).toEqual([]);
  });
});
