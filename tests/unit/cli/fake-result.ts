import type { Claim } from '../../../src/rules/claim';
import type { Finding } from '../../../src/rules/finding';
import type { CheckResult, LineFee } from '../../../src/rules/result';

/** A stand-in for the engine: fixed findings, a flat fee per unit (formatting tests only). */
export function fakeCheck(findings: Finding[], perUnit = 30) {
  return (claim: Claim): CheckResult => {
    const lines: LineFee[] = claim.lines.map((line, index) => {
      const units = line.units ?? 1;
      const allowed = Math.round(units * perUnit * 100) / 100;
      return {
        line: index,
        code: line.code,
        units,
        unitAllowed: perUnit,
        allowed,
        payerPays: allowed,
        year: 2026,
        conversionFactor: 33.4009,
        breakdown: [],
        source: 'test',
      };
    });
    const allowed = lines.reduce((sum, fee) => sum + fee.allowed, 0);
    return { findings, fees: { lines, allowed, medicarePays: Math.round(allowed * 0.8 * 0.98 * 100) / 100, payerPays: allowed } };
  };
}

export const unitsOver: Finding = {
  rule: 'units.over',
  severity: 'error',
  lines: [1],
  message: '2 units billed; 20 minutes support 1.',
  source: 'CMS Pub. 100-04 ch. 5 §20.2',
};
export const ptpPair: Finding = {
  rule: 'ptp.modifier-required',
  severity: 'warning',
  lines: [1, 0],
  message: '97150 and 97530 are mutually exclusive.',
  source: 'NCCI PTP 2024 Q3',
};
export const claimTip: Finding = { rule: 'tip.plan-of-care', severity: 'info', lines: [], message: 'Keep the plan of care.', source: 'Pub. 100-02 ch. 15 §220' };
