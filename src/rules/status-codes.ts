import type { RvuRecord } from '../data/reference';
import type { Severity } from './finding';

/**
 * PFS status codes (CMS Relative Value File, status indicator): whether and how Medicare
 * pays a code under the physician fee schedule.
 */
export interface StatusInfo {
  /** Plain-language meaning for billers. */
  meaning: string;
  /** Finding severity when the code is billed to Medicare (undefined: paid, no finding). */
  severity?: Severity;
}

export const PFS_STATUS: Readonly<Record<string, StatusInfo>> = {
  A: { meaning: 'active: paid under the fee schedule' },
  T: { meaning: 'paid only when no other fee-schedule service is billed that day' },
  R: {
    meaning: 'restricted coverage: special coverage instructions apply; when covered without national RVUs, the Medicare contractor prices it',
    severity: 'warning',
  },
  C: { meaning: 'contractor priced: no national amount; the Medicare contractor sets the payment case by case', severity: 'info' },
  B: { meaning: 'bundled: payment is always included in another service, never paid separately', severity: 'warning' },
  P: { meaning: 'bundled or excluded: not paid separately under the fee schedule', severity: 'warning' },
  M: { meaning: 'measurement code: reported for quality programs only, no payment', severity: 'info' },
  J: { meaning: 'anesthesia service: no RVUs, paid under the anesthesia fee schedule', severity: 'info' },
  Q: { meaning: 'therapy functional information code: reported for data only, no payment', severity: 'info' },
  I: { meaning: 'not valid for Medicare: Medicare uses another code for this service', severity: 'error' },
  G: { meaning: 'not valid for Medicare: Medicare uses another code for this service', severity: 'error' },
  N: { meaning: 'non-covered: Medicare does not cover this service', severity: 'error' },
  E: { meaning: 'excluded from the fee schedule by regulation', severity: 'error' },
  X: { meaning: 'excluded by law: not a Medicare benefit under the fee schedule', severity: 'error' },
  D: { meaning: 'deleted code, accepted only during a grace period', severity: 'warning' },
  F: { meaning: 'deleted code: no longer accepted', severity: 'error' },
  H: { meaning: 'deleted modifier combination for this code', severity: 'warning' },
};

/** Status codes whose RVUs Medicare pays (R only when national RVUs exist). */
export function isPricedStatus(status: string, totalRvu: number): boolean {
  if (status === 'A' || status === 'T') return true;
  return status === 'R' && totalRvu > 0;
}

/** isPricedStatus for an RVU row (national total: work + non-facility PE + MP). */
export function isPricedRvu(rvu: Pick<RvuRecord, 'status' | 'work' | 'peNonFacility' | 'mp'>): boolean {
  return isPricedStatus(rvu.status, rvu.work + rvu.peNonFacility + rvu.mp);
}
