/**
 * CMS 8-minute rule (Pub. 100-04 ch. 5 §20.2): the minutes of all timed 15-minute codes of
 * one date of service decide the total units; each service first gets its whole 15-minute
 * blocks, and the units left over go to the services with the largest remaining minutes.
 */

/** Expected units of one service: a range when a tie leaves the choice to the biller. */
export interface UnitRange {
  min: number;
  max: number;
}

export interface CmsAllocation {
  totalMinutes: number;
  totalUnits: number;
  /** Per service, in the order given. */
  ranges: UnitRange[];
  /** Services that tie for the leftover units (any of them may take one). */
  tied: number[];
}

/** 8–22 min = 1, 23–37 = 2, …; nothing below 8 minutes. */
export function cmsTotalUnits(minutes: number): number {
  return minutes < 8 ? 0 : Math.floor((minutes + 7) / 15);
}

export function allocateCmsUnits(serviceMinutes: readonly number[]): CmsAllocation {
  let totalMinutes = 0;
  let assigned = 0;
  const n = serviceMinutes.length;
  const base = new Array<number>(n);
  const remainder = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const m = serviceMinutes[i]!;
    totalMinutes += m;
    base[i] = Math.floor(m / 15);
    remainder[i] = m - base[i]! * 15;
    assigned += base[i]!;
  }
  const totalUnits = cmsTotalUnits(totalMinutes);
  const leftover = totalUnits - assigned;
  const ranges: UnitRange[] = base.map((b) => ({ min: b, max: b }));
  const tied: number[] = [];
  if (leftover > 0) {
    const sorted = remainder.slice().sort((a, b) => b - a);
    const cutoff = sorted[leftover - 1]!;
    let above = 0;
    let atCutoff = 0;
    for (let i = 0; i < n; i++) {
      if (remainder[i]! > cutoff) above++;
      else if (remainder[i] === cutoff) atCutoff++;
    }
    const forTies = leftover - above;
    for (let i = 0; i < n; i++) {
      const r = remainder[i]!;
      const range = ranges[i]!;
      if (r > cutoff || (r === cutoff && forTies === atCutoff)) {
        range.min++;
        range.max++;
      } else if (r === cutoff) {
        range.max++;
        tied.push(i);
      }
    }
  }
  return { totalMinutes, totalUnits, ranges, tied };
}
