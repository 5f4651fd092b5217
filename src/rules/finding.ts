/** Public contract: rule ids are stable; tests, the overlay and the CLI rely on them. */
export type RuleId =
  | 'units.over'
  | 'units.under'
  | 'units.untimed-multiple'
  | 'ptp.bundled'
  | 'ptp.modifier-required'
  | 'ptp.bypassed'
  | 'mue.exceeded'
  | 'modifier.therapy-missing'
  | 'modifier.therapy-conflict'
  | 'modifier.kx-required'
  | 'coverage.not-payable'
  | 'code.unknown'
  | 'code.invalid-format'
  | 'modifier.invalid'
  | 'modifier.assistant-conflict'
  | 'units.missing'
  | 'units.minutes-incomplete'
  | 'fee.unknown-locality'
  | `tip.${string}`
  | `${string}.${string}`;

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** 0-based indexes into claim.lines. */
  lines: number[];
  /** Plain words a biller understands. */
  message: string;
  /** Where the rule comes from (manual section, data file and version). */
  source: string;
}
