import type { ReferenceData } from '../data/reference';
import type { Claim } from './claim';
import { indexClaim } from './claim-index';
import type { Finding } from './finding';
import { checkCodeValidity } from './code-validity';
import { checkCoverage } from './coverage';
import { checkDiagnoses } from './diagnosis';
import { computeFees } from './fees';
import { checkKx } from './kx-threshold';
import { checkMue } from './mue';
import { checkPtp } from './ptp';
import { checkTherapyModifiers } from './therapy-modifiers';
import { checkTips } from './tips';
import type { CheckResult } from './result';
import { checkUnits } from './unit-rules';

/**
 * The rules engine: a pure function from a parsed claim and reference data to findings and
 * a fee estimate. No DOM, no storage, no network: it runs the same in the service worker,
 * the CLI and tests.
 *
 * Input: a zod-parsed Claim (src/rules/claim.ts). Output: CheckResult (src/rules/result.ts):
 *  - findings, in this order: code/modifier validity, diagnoses, units, NCCI PTP, MUE, therapy
 *    modifiers, KX, coverage, fee notes, tips (rule ids: src/rules/rule-catalog.ts);
 *  - fees: one LineFee per line with a valid code (breakdown + source), claim totals;
 *  - expectedUnits: per line, the units its minutes support (for "suggest units" UIs).
 */
export function checkClaim(claim: Claim, ref: ReferenceData): CheckResult {
  const index = indexClaim(claim, ref);
  const fee = computeFees(index);
  const units = checkUnits(index, fee.unitValue);
  const findings: Finding[] = [
    ...checkCodeValidity(index),
    ...checkDiagnoses(index),
    ...units.findings,
    ...checkPtp(index),
    ...checkMue(index),
    ...checkTherapyModifiers(index),
    ...checkKx(index, fee.byLine),
    ...checkCoverage(index),
    ...fee.findings,
    ...checkTips(index),
  ];
  return { findings, fees: fee.fees, expectedUnits: units.expectations };
}
