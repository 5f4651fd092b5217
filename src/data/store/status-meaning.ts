/**
 * What a PFS status code means for payment, in our words.
 * Source: CMS PFS Relative Value File documentation (RVU25D README, "Status Code").
 */
const MEANINGS: Record<string, string> = {
  A: 'Active: paid under the physician fee schedule.',
  B: 'Bundled: payment is included in other services; not paid separately.',
  C: 'Contractor priced: the Medicare contractor sets the payment.',
  D: 'Deleted code (grace period may apply).',
  E: 'Excluded from the fee schedule by regulation.',
  F: 'Deleted or discontinued; no grace period.',
  G: 'Not valid for Medicare; another code is to be reported.',
  H: 'Deleted modifier for this code.',
  I: 'Not valid for Medicare purposes; Medicare uses another code.',
  J: 'Anesthesia services (no RVUs here).',
  M: 'Measurement code: for reporting only, not paid.',
  N: 'Non-covered service.',
  P: 'Bundled or excluded: no separate payment when covered.',
  R: 'Restricted coverage: paid only in special circumstances; the contractor prices it.',
  T: 'Injections: paid only when no other fee-schedule service is billed that day.',
  X: 'Excluded from the fee schedule by statute.',
};

export function statusMeaning(status: string): string {
  return MEANINGS[status] ?? `Status ${status}: see the CMS PFS relative value file documentation.`;
}
