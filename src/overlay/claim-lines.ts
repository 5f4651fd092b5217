import { ServiceLine } from '../rules/claim';
import { normalizeCode } from '../rules/normalize-code';
import type { ReadLine } from '../detect/types';

/** Why a line on the page was not sent for checking (shown on its badge). */
export type SkipReason = { kind: 'empty' } | { kind: 'invalid'; message: string };

export interface ClaimLines {
  /** Lines sent to the worker, in page order. */
  lines: ServiceLine[];
  /** sentToPage[i] = index (on the page) of lines[i]. */
  sentToPage: number[];
  /** Page lines whose date of service was missing and was taken as today. */
  dosDefaulted: Set<number>;
  /** Page lines not sent, and why. */
  skipped: Map<number, SkipReason>;
}

export function emptyClaimLines(): ClaimLines {
  return { lines: [], sentToPage: [], dosDefaulted: new Set(), skipped: new Map() };
}

/**
 * Adds what was read from page line `pageIndex` to a check-claim request being built.
 * A line needs a procedure code; a missing date of service becomes today (and the badge
 * says so) because billers key the date last and still want feedback while typing.
 */
export function addClaimLine(out: ClaimLines, line: ReadLine | undefined, pageIndex: number, today: string): void {
  if (!line || !line.code.trim() || !normalizeCode(line.code)) {
    out.skipped.set(pageIndex, { kind: 'empty' });
    return;
  }
  const dosMissing = !line.dos;
  const parsed = ServiceLine.safeParse({
    code: line.code,
    modifiers: line.modifiers,
    units: line.units,
    minutes: line.minutes,
    dos: line.dos ?? today,
    dosTo: line.dosTo,
    diagnoses: line.diagnoses,
    charge: line.charge,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') ?? 'line';
    out.skipped.set(pageIndex, { kind: 'invalid', message: `${field}: ${issue?.message ?? 'not readable'}` });
    return;
  }
  if (dosMissing) out.dosDefaulted.add(pageIndex);
  out.lines.push(parsed.data);
  out.sentToPage.push(pageIndex);
}

/** Turns what was read from the page (one entry per page line) into a check-claim request. */
export function buildClaimLines(read: ReadonlyArray<ReadLine | undefined>, today: string): ClaimLines {
  const out = emptyClaimLines();
  read.forEach((line, pageIndex) => addClaimLine(out, line, pageIndex, today));
  return out;
}

/** Today's date in the browser's time zone as YYYY-MM-DD (a date of service is local). */
export function localIsoDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
