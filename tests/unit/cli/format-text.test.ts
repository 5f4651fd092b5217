import { describe, expect, it } from 'vitest';
import { formatText, groupByLines, lineRanges, money } from '../../../src/cli/format-text';
import { Claim } from '../../../src/rules/claim';
import { claimTip, fakeCheck, ptpPair, unitsOver } from './fake-result';

const claim = Claim.parse({
  payer: 'medicare',
  locality: '01112-05',
  lines: [
    { code: '97150', modifiers: ['GP'], units: 1, minutes: 30, dos: '2026-11-02' },
    { code: '97530', modifiers: ['GP', '59'], units: 2, minutes: 20, dos: '2026-11-02' },
  ],
});

describe('formatText', () => {
  const text = formatText(claim, fakeCheck([claimTip, ptpPair, unitsOver])(claim), { name: 'visit.json', color: false });

  it('lists each service line with code, modifiers, units and allowed amount', () => {
    const rows = text.split('\n');
    expect(rows.find((r) => r.includes('97530'))).toMatch(/^\s+2\s+97530\s+GP 59\s+2\s+20\s+2026-11-02\s+\$60\.00$/);
    expect(rows.find((r) => r.includes('97150'))).toMatch(/\$30\.00$/);
  });

  it('groups findings by their lines in claim order, claim-wide findings last, each with rule and source', () => {
    const body = text.slice(text.indexOf('Findings'));
    expect(body).toContain('Findings: 1 error, 1 warning, 1 info');
    const order = ['Lines 1 + 2 · 97150 GP, 97530 GP 59', 'WARNING ptp.modifier-required', 'Line 2 · 97530 GP 59', 'ERROR   units.over', 'Claim', 'INFO    tip.plan-of-care'];
    const positions = order.map((part) => body.indexOf(part));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(body).toContain('source: CMS Pub. 100-04 ch. 5 §20.2');
  });

  it('ends with the allowed total, what Medicare pays and the engine\'s notes on the estimate', () => {
    expect(text).toContain('Totals: allowed $90.00 · Medicare pays $70.56');
    const result = fakeCheck([])(claim);
    result.fees.notes = ['Estimate only: the deductible is not applied.'];
    expect(formatText(claim, result, { name: 'x', color: false }).trimEnd().split('\n').slice(-2)).toEqual([
      'Totals: allowed $90.00 · Medicare pays $70.56',
      '  Estimate only: the deductible is not applied.',
    ]);
  });

  it('says "payer pays" for other payers and has no colour codes unless asked', () => {
    const commercial = { ...claim, payer: 'commercial' as const };
    const out = formatText(commercial, fakeCheck([])(commercial), { name: 'x', color: false });
    expect(out).toContain('payer pays $90.00');
    expect(out).toContain('AMA per-code midpoint rule');
    expect(out).toContain('No findings.');
    expect(out).not.toContain('\u001b[');
    expect(formatText(claim, fakeCheck([unitsOver])(claim), { name: 'x', color: true })).toContain('\u001b[31mERROR');
  });
});

describe('groupByLines', () => {
  it('treats [1, 0] and [0, 1] as the same group', () => {
    const groups = groupByLines([ptpPair, { ...ptpPair, lines: [0, 1], rule: 'ptp.bundled' }]);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.lines).toEqual([0, 1]);
  });
});

describe('fee notes', () => {
  it('says a note shared by several lines once, with the line numbers as ranges', () => {
    const three = Claim.parse({ lines: [0, 1, 2].map(() => ({ code: '97110', units: 1, dos: '2026-11-02' })) });
    const result = fakeCheck([])(three);
    for (const fee of result.fees.lines) fee.note = 'GPCI 2025 used for 2026';
    (result.fees.lines[2] as { note?: string }).note = 'status B';
    const out = formatText(three, result, { name: 'x', color: false });
    expect(out).toContain('  lines 1, 2: GPCI 2025 used for 2026\n  line 3: status B\n');
  });

  it('writes runs of lines as ranges', () => {
    expect(lineRanges([0, 1, 2, 4, 6, 7])).toBe('1–3, 5, 7, 8');
  });
});

describe('money', () => {
  it('writes dollars with cents and thousands separators', () => {
    expect(money(1234.5)).toBe('$1,234.50');
    expect(money(0)).toBe('$0.00');
  });
});
