import type { Finding, Severity } from '../rules/finding';
import type { CheckResult, LineFee } from '../rules/result';
import type { ClaimLines, SkipReason } from './claim-lines';

/** What the badge of one page line shows. */
export type LineStatus =
  | { kind: 'pending' }
  | { kind: 'skipped'; reason: SkipReason }
  | { kind: 'unavailable'; message: string }
  | { kind: 'checked'; findings: Finding[]; fee?: LineFee; dosDefaulted: boolean };

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

export interface SummaryView {
  state: 'pending' | 'checked' | 'unavailable';
  message?: string;
  counts: SeverityCounts;
  allowed?: number;
  medicarePays?: number;
  payerPays?: number;
  /** Findings that name no line (claim-level). */
  claimFindings: Finding[];
  linesChecked: number;
  linesDefaultedDos: number;
}

export interface OverlayView {
  lines: Map<number, LineStatus>;
  summary: SummaryView;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function countSeverities(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

/** The most serious severity among findings, or undefined when there are none. */
export function worstSeverity(findings: readonly Finding[]): Severity | undefined {
  let worst: Severity | undefined;
  for (const f of findings) if (!worst || SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[worst]) worst = f.severity;
  return worst;
}

/** Maps a worker result (indexes into the sent lines) back onto the page's lines. */
export function buildOverlayView(pageLineCount: number, sent: ClaimLines, result: CheckResult): OverlayView {
  const lines = new Map<number, LineStatus>();
  for (let i = 0; i < pageLineCount; i++) {
    const reason = sent.skipped.get(i);
    if (reason) lines.set(i, { kind: 'skipped', reason });
  }
  const perSent: Finding[][] = sent.lines.map(() => []);
  const claimFindings: Finding[] = [];
  for (const finding of result.findings) {
    const targets = finding.lines.filter((i) => i >= 0 && i < perSent.length);
    if (targets.length === 0) claimFindings.push(finding);
    for (const i of targets) perSent[i]!.push(finding);
  }
  const feeBySent = new Map<number, LineFee>();
  for (const fee of result.fees.lines) feeBySent.set(fee.line, fee);
  sent.sentToPage.forEach((pageIndex, sentIndex) => {
    const findings = [...perSent[sentIndex]!].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
    lines.set(pageIndex, {
      kind: 'checked',
      findings,
      fee: feeBySent.get(sentIndex),
      dosDefaulted: sent.dosDefaulted.has(pageIndex),
    });
  });
  return {
    lines,
    summary: {
      state: 'checked',
      counts: countSeverities(result.findings),
      allowed: result.fees.allowed,
      medicarePays: result.fees.medicarePays,
      payerPays: result.fees.payerPays,
      claimFindings,
      linesChecked: sent.lines.length,
      linesDefaultedDos: sent.dosDefaulted.size,
    },
  };
}

/** Every line waiting (first check in flight) or unavailable (worker error). */
export function placeholderView(
  pageLineCount: number,
  sent: ClaimLines,
  state: { kind: 'pending' } | { kind: 'unavailable'; message: string },
): OverlayView {
  const lines = new Map<number, LineStatus>();
  for (let i = 0; i < pageLineCount; i++) {
    const reason = sent.skipped.get(i);
    lines.set(i, reason ? { kind: 'skipped', reason } : state);
  }
  return {
    lines,
    summary: {
      state: state.kind,
      message: state.kind === 'unavailable' ? state.message : undefined,
      counts: { error: 0, warning: 0, info: 0 },
      claimFindings: [],
      linesChecked: sent.lines.length,
      linesDefaultedDos: sent.dosDefaulted.size,
    },
  };
}

/** Money as the popup and the CLI print it: the engine's one formatter. */
export { dollars as formatMoney } from '../rules/money';
