import type { RuleId, Severity } from './finding';

/** Every rule id the engine emits (tips add `tip.<id>`), with its usual severity: for docs, filters and the CLI. */
export const RULE_CATALOG: ReadonlyArray<{ rule: RuleId; severity: Severity | 'varies'; title: string }> = [
  { rule: 'code.invalid-format', severity: 'error', title: 'Text is not a CPT/HCPCS code' },
  { rule: 'code.unknown', severity: 'warning', title: 'Code in none of the bundled CMS files' },
  { rule: 'diagnosis.invalid-format', severity: 'warning', title: 'Diagnosis does not look like an ICD-10-CM code' },
  { rule: 'diagnosis.not-billable', severity: 'error', title: 'Diagnosis is a category header, not billable' },
  { rule: 'modifier.invalid', severity: 'error', title: 'Modifier is not two letters/digits' },
  { rule: 'units.over', severity: 'error', title: 'More units than the minutes support' },
  { rule: 'units.under', severity: 'warning', title: 'Fewer units than the minutes support (lost revenue)' },
  { rule: 'units.untimed-multiple', severity: 'warning', title: 'Untimed code billed more than once per session' },
  { rule: 'units.missing', severity: 'info', title: 'Minutes entered but no units' },
  { rule: 'units.minutes-incomplete', severity: 'info', title: 'CMS day total not checked: a timed line has no minutes' },
  { rule: 'ptp.bundled', severity: 'error', title: 'NCCI PTP edit, modifier indicator 0' },
  { rule: 'ptp.modifier-required', severity: 'error', title: 'NCCI PTP edit, indicator 1, no bypass modifier' },
  { rule: 'ptp.bypassed', severity: 'info', title: 'NCCI PTP edit bypassed by a modifier' },
  { rule: 'mue.exceeded', severity: 'error', title: 'Units above the medically unlikely edit' },
  { rule: 'modifier.therapy-missing', severity: 'error', title: 'Always-therapy code without GP/GO/GN' },
  { rule: 'modifier.therapy-conflict', severity: 'error', title: 'More than one of GP/GO/GN on a line' },
  { rule: 'modifier.assistant-conflict', severity: 'error', title: 'CQ/CO inconsistent with the discipline' },
  { rule: 'modifier.kx-required', severity: 'error', title: 'Therapy above the KX threshold without KX' },
  { rule: 'coverage.not-payable', severity: 'varies', title: 'PFS status Medicare does not pay (or pays only on conditions)' },
  { rule: 'fee.unknown-locality', severity: 'warning', title: 'Locality not in the GPCI file: national fees shown' },
];
