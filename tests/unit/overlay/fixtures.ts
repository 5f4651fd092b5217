import type { Finding, RuleId } from '../../../src/rules/finding';
import type { CheckResult, LineFee } from '../../../src/rules/result';

/** A worker answer shaped like src/rules/result.ts, built per test (the engine is not under test here). */
export function fee(line: number, code: string, allowed: number, units = 1): LineFee {
  return {
    line,
    code,
    units,
    unitAllowed: allowed / units,
    allowed,
    payerPays: Math.round(allowed * 0.8 * 0.98 * 100) / 100,
    year: 2025,
    conversionFactor: 32.3465,
    breakdown: [`${units} × RVU × GPCI × CF`],
    source: 'CMS PFS RVU25D',
  };
}

export function finding(rule: RuleId, severity: Finding['severity'], lines: number[], message = `${rule} message`): Finding {
  return { rule, severity, lines, message, source: `source of ${rule}` };
}

export function result(findings: Finding[], fees: LineFee[]): CheckResult {
  const allowed = fees.reduce((s, f) => s + f.allowed, 0);
  return {
    findings,
    fees: { lines: fees, allowed, medicarePays: allowed * 0.784, payerPays: allowed * 0.784 },
  };
}
