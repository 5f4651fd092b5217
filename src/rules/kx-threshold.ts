import type { ClaimIndex, LineView } from './claim-index';
import type { Finding } from './finding';
import type { LineFee } from './result';
import { dollars } from './money';
import { SOURCES } from './sources';

/** Medicare therapy KX threshold per calendar year (PT+SLP combined; OT separately, same amount). */
export const KX_THRESHOLDS: Readonly<Record<number, { amount: number; verify: boolean }>> = {
  2023: { amount: 2230, verify: false },
  2024: { amount: 2330, verify: false },
  2025: { amount: 2410, verify: true },
  2026: { amount: 2480, verify: true },
};

/** Targeted medical review applies above this amount (per group, per year). */
export const KX_REVIEW_AMOUNT = 3000;

type Group = 'PT and SLP' | 'OT';

/**
 * KX: once the therapy allowed amounts of the year (what the practice says was billed
 * before this claim, plus this claim's lines in date order) pass the threshold, every
 * further therapy line needs KX to attest medical necessity.
 */
export function checkKx(index: ClaimIndex, feeByLine: ReadonlyMap<number, LineFee>): Finding[] {
  const { claim } = index;
  if (claim.payer !== 'medicare') return [];
  // Therapy lines are the ones billed under a discipline (GP/GO/GN); lines missing it get modifier.therapy-missing.
  const therapy = index.lines
    .filter((l) => l.code !== undefined && l.disciplines.length > 0)
    .sort((a, b) => (a.dos < b.dos ? -1 : a.dos > b.dos ? 1 : a.index - b.index));
  const findings: Finding[] = [];
  const running = new Map<string, number>();
  const needing = new Map<string, { lines: LineView[]; total: number; year: number; group: Group }>();

  for (const line of therapy) {
    const threshold = KX_THRESHOLDS[line.year];
    if (!threshold) continue;
    const group: Group = line.disciplines[0] === 'GO' ? 'OT' : 'PT and SLP';
    const key = `${line.year}|${group}`;
    const start = group === 'OT' ? (claim.therapyYearToDateOt ?? claim.therapyYearToDate) : claim.therapyYearToDate;
    const total = (running.get(key) ?? start) + (feeByLine.get(line.index)?.allowed ?? 0);
    running.set(key, total);
    if (total <= threshold.amount || line.modifiers.includes('KX')) continue;
    const entry = needing.get(key);
    if (entry) {
      entry.lines.push(line);
      entry.total = total;
    } else needing.set(key, { lines: [line], total, year: line.year, group });
  }

  for (const { lines, total, year, group } of needing.values()) {
    const threshold = KX_THRESHOLDS[year]!;
    const codes = [...new Set(lines.map((l) => l.code))].join(', ');
    const review = total > KX_REVIEW_AMOUNT ? ` Above ${dollars(KX_REVIEW_AMOUNT)} the claim may also be chosen for targeted medical review.` : '';
    findings.push({
      rule: 'modifier.kx-required',
      severity: 'error',
      lines: lines.map((l) => l.index),
      message:
        `${group} therapy allowed this year reaches ${dollars(total)} with this claim, above the ${year} threshold of ${dollars(threshold.amount)}: ` +
        `add KX to ${codes} when the therapy is medically necessary and the notes show it. Medicare denies therapy above the threshold without KX.${review}`,
      source: `${SOURCES.kx}${threshold.verify ? `; ${SOURCES.kxSecondary}` : ''}`,
    });
  }
  return findings;
}
