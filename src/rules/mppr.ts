/**
 * Therapy multiple procedure payment reduction: on one day, the single unit with the
 * highest practice-expense payment is paid in full; every further unit of a MULT_PROC 5
 * service gets 50 % off its PE portion (work and MP are paid in full).
 */
export interface MpprCandidate {
  /** Line index in the claim. */
  line: number;
  units: number;
  /** Geographically adjusted PE per unit (PE RVU × PE GPCI), for ranking. */
  pePerUnit: number;
}

/** How many units of each line are paid in full (the rest get the PE reduction). */
export function mpprFullUnits(candidates: readonly MpprCandidate[]): Map<number, number> {
  const full = new Map<number, number>();
  let best: MpprCandidate | undefined;
  for (const c of candidates) {
    full.set(c.line, 0);
    if (c.units > 0 && (!best || c.pePerUnit > best.pePerUnit)) best = c;
  }
  if (best) full.set(best.line, 1);
  return full;
}

export const MPPR_PE_FACTOR = 0.5;
