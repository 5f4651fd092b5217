import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadBundleReference } from '../../../src/data/node-bundles';
import type { ReferenceData } from '../../../src/data/reference';
import { CuratedCodesFileSchema, TipsFileSchema } from '../../../src/rules/curated-schema';

const codes = CuratedCodesFileSchema.parse(JSON.parse(readFileSync('data/curated/codes.json', 'utf8'))).entries;
const tips = TipsFileSchema.parse(JSON.parse(readFileSync('data/curated/tips.json', 'utf8'))).tips;

let ref: ReferenceData;
beforeAll(() => {
  ref = loadBundleReference();
});

describe('curated code table', () => {
  test('the schema rejects a timed code without unit length and an entry without source', () => {
    expect(CuratedCodesFileSchema.safeParse({ entries: [{ code: '97110', kind: 'timed', alwaysTherapy: true, source: 'CMS Pub. 100-04' }] }).success).toBe(false);
    expect(CuratedCodesFileSchema.safeParse({ entries: [{ code: '97110', kind: 'untimed', alwaysTherapy: true, source: '' }] }).success).toBe(false);
  });

  test('the always-therapy flag agrees with PCTC_IND 7 in RVU25D', () => {
    for (const entry of codes) {
      const rvu = ref.rvu(entry.code, '', '2025-06-02');
      expect(rvu, entry.code).toBeDefined();
      expect(entry.alwaysTherapy, entry.code).toBe(rvu!.pctc === '7');
    }
  });

  test('every PCTC 7 code in RVU25D is curated, except unlisted and Category III codes', () => {
    const deliberatelyLeftOut = ['0728T', '0729T', '0791T', '97039', '97139', '97799'];
    for (const code of ['97530', '92607', '96125', 'G0329', ...deliberatelyLeftOut]) {
      expect(ref.rvu(code, '', '2025-06-02')?.pctc, code).toBe('7');
    }
    const curated = new Set(codes.map((c) => c.code));
    expect(deliberatelyLeftOut.filter((c) => curated.has(c))).toEqual([]);
  });

  test('unit lengths from domain.md §1', () => {
    const unit = (code: string) => codes.find((c) => c.code === code)?.unitMinutes;
    expect(unit('97530')).toBe(15);
    expect(unit('97545')).toBe(120);
    expect(unit('97546')).toBe(60);
    for (const code of ['97161', '97168', '97150', '97010', '97028', '92507', '92526']) {
      expect(codes.find((c) => c.code === code)?.kind, code).toBe('untimed');
    }
  });
});

describe('curated tips', () => {
  test('every tip code is a real code', () => {
    for (const tip of tips) for (const code of [...tip.codes, ...(tip.withCodes ?? [])]) expect(ref.isKnownCode(code), `${tip.id} ${code}`).toBe(true);
  });

  test('the first content covers the therapy codes of the brief', () => {
    const covered = new Set(tips.flatMap((t) => t.codes));
    for (const code of ['97530', '97535', '97537', '97545', '97546', '97110', '97112', '97116', '97140', '97150', '97750', '97760', '97763', '97161', '97164', '97168']) {
      expect(covered.has(code), code).toBe(true);
    }
  });
});
