import type { Finding } from './finding';

/** The fee estimate of one service line. Amounts are dollars rounded to the cent. */
export interface LineFee {
  line: number;
  code: string;
  /** Units paid (after unit rules: the units as billed). */
  units: number;
  /** Medicare allowed amount for one unit before reductions (RVU × GPCI × CF). */
  unitAllowed: number;
  /** Allowed for the line after MPPR, CQ/CO, participation and payer percentage. */
  allowed: number;
  /** Payer's payment: Medicare 80 % less 2 % sequestration; others = allowed. */
  payerPays: number;
  /** Limiting charge (non-participating, unassigned), when it applies. */
  limitingCharge?: number;
  /** Conversion factor and year used. */
  year: number;
  conversionFactor: number;
  /** Why the line is $0 or only an estimate (status R, no 2026 data, …). */
  note?: string;
  /** The lines of arithmetic a biller can check by hand. */
  breakdown: string[];
  source: string;
}

export interface ClaimFees {
  lines: LineFee[];
  allowed: number;
  /** Medicare: 80 % of allowed less 2 % sequestration (deductible not applied). */
  medicarePays: number;
  payerPays: number;
  /** Claim-level caveats of the estimate (deductible not applied, …). */
  notes?: string[];
}

/** Units the minutes support for one line (min < max when a CMS tie leaves the choice open). */
export interface ExpectedUnits {
  line: number;
  min: number;
  max: number;
  method: 'cms' | 'ama' | 'hours' | 'untimed';
}

export interface CheckResult {
  findings: Finding[];
  fees: ClaimFees;
  /** Per line, the units the minutes support (lines without minutes are absent). */
  expectedUnits?: ExpectedUnits[];
}
