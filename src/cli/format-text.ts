import { effectiveUnitMethod, type Claim } from '../rules/claim';
import type { Finding, Severity } from '../rules/finding';
import type { CheckResult } from '../rules/result';
import { dollars } from '../rules/money';

export interface TextOptions {
  /** How to name the input in the heading. */
  name: string;
  /** ANSI colours (only on a terminal, and never when NO_COLOR is set). */
  color: boolean;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const SEVERITY_COLOR: Record<Severity, string> = { error: '31', warning: '33', info: '36' };

/** The human report: service lines with fees, findings grouped by line, totals. */
export function formatText(claim: Claim, result: CheckResult, options: TextOptions): string {
  const paint = (code: string, text: string): string => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const out: string[] = [];

  out.push(paint('1', `ClaimLens · ${options.name}`));
  out.push(describeContext(claim));
  out.push('');
  out.push(...lineTable(claim, result));

  // The same note on many lines ("GPCI 2025 used for 2026") is said once.
  const linesByNote = new Map<string, number[]>();
  for (const fee of result.fees.lines) {
    if (fee.note) linesByNote.set(fee.note, [...(linesByNote.get(fee.note) ?? []), fee.line]);
  }
  for (const [note, lines] of linesByNote) {
    out.push(`  ${lines.length === 1 ? 'line' : 'lines'} ${lineRanges(lines)}: ${note}`);
  }
  out.push('');

  const counts = countBySeverity(result.findings);
  out.push(
    paint('1', `Findings: ${counts.error} error${s(counts.error)}, ${counts.warning} warning${s(counts.warning)}, ${counts.info} info`),
  );
  if (result.findings.length === 0) out.push('  No findings.');
  for (const group of groupByLines(result.findings)) {
    out.push(paint('1', groupHeading(claim, group.lines)));
    for (const finding of group.findings) {
      const label = finding.severity.toUpperCase().padEnd(7);
      out.push(`  ${paint(SEVERITY_COLOR[finding.severity], label)} ${finding.rule}  ${finding.message}`);
      out.push(`          source: ${finding.source}`);
    }
  }
  out.push('');

  const pays = claim.payer === 'medicare' ? `Medicare pays ${money(result.fees.medicarePays)}` : `payer pays ${money(result.fees.payerPays)}`;
  out.push(paint('1', `Totals: allowed ${money(result.fees.allowed)} · ${pays}`));
  for (const note of result.fees.notes ?? []) out.push(`  ${note}`);
  return `${out.join('\n')}\n`;
}

function describeContext(claim: Claim): string {
  const method = effectiveUnitMethod(claim) === 'cms' ? 'CMS 8-minute rule' : 'AMA per-code midpoint rule';
  const parts = [
    payerName(claim.payer),
    method,
    `locality ${claim.locality}`,
    claim.setting,
    claim.participating ? 'participating' : 'non-participating',
  ];
  if (claim.payer !== 'medicare' && claim.feePercentOfMedicare !== 100) parts.push(`${claim.feePercentOfMedicare} % of Medicare`);
  if (claim.therapyYearToDate > 0) parts.push(`therapy this year so far ${money(claim.therapyYearToDate)}`);
  if (claim.qualifyingApm) parts.push('qualifying APM participant');
  return parts.join(' · ');
}

function lineTable(claim: Claim, result: CheckResult): string[] {
  const feeOf = new Map(result.fees.lines.map((fee) => [fee.line, fee]));
  const header = ['#', 'Code', 'Modifiers', 'Units', 'Min', 'DOS', 'Allowed'];
  const rows = claim.lines.map((line, index) => [
    String(index + 1),
    line.code,
    line.modifiers.join(' ') || '-',
    line.units === undefined ? '-' : String(line.units),
    line.minutes === undefined ? '-' : String(line.minutes),
    line.dos,
    feeOf.has(index) ? money(feeOf.get(index)?.allowed ?? 0) : '-',
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => (row[c] as string).length)));
  const rightAligned = new Set([0, 3, 4, 6]);
  const render = (cells: string[]): string =>
    `  ${cells.map((cell, c) => (rightAligned.has(c) ? cell.padStart(widths[c] as number) : cell.padEnd(widths[c] as number))).join('  ')}`.trimEnd();
  return [render(header), ...rows.map(render)];
}

interface FindingGroup {
  lines: number[];
  findings: Finding[];
}

/** Findings about the same set of lines go together; claim-wide ones last. */
export function groupByLines(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const finding of findings) {
    const lines = [...new Set(finding.lines)].sort((a, b) => a - b);
    const key = lines.join(',');
    const group = groups.get(key) ?? { lines, findings: [] };
    group.findings.push(finding);
    groups.set(key, group);
  }
  const firstLine = (g: FindingGroup): number => (g.lines.length === 0 ? Number.MAX_SAFE_INTEGER : (g.lines[0] as number));
  return [...groups.values()]
    .sort((a, b) => firstLine(a) - firstLine(b) || a.lines.length - b.lines.length)
    .map((g) => ({ ...g, findings: [...g.findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]) }));
}

function groupHeading(claim: Claim, lines: readonly number[]): string {
  if (lines.length === 0) return 'Claim';
  const codes = lines.map((index) => {
    const line = claim.lines[index];
    return line ? [line.code, ...line.modifiers].join(' ') : '?';
  });
  const word = lines.length === 1 ? 'Line' : 'Lines';
  return `${word} ${lines.map((l) => l + 1).join(' + ')} · ${codes.join(', ')}`;
}

/** 0-based [0, 1, 2, 4] → "1–3, 5". */
export function lineRanges(lines: readonly number[]): string {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let k = 0; k < sorted.length; k++) {
    const start = sorted[k] as number;
    let end = start;
    while (sorted[k + 1] === end + 1) end = sorted[++k] as number;
    parts.push(end - start >= 2 ? `${start + 1}–${end + 1}` : end > start ? `${start + 1}, ${end + 1}` : `${start + 1}`);
  }
  return parts.join(', ');
}

function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

function payerName(payer: Claim['payer']): string {
  return payer === 'medicare' ? 'Medicare' : payer === 'commercial' ? 'Commercial payer' : "Workers' comp";
}

/** The engine's money format ("$1,234.50"). */
export const money = dollars;

const s = (n: number): string => (n === 1 ? '' : 's');
