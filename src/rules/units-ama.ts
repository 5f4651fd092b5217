/**
 * AMA/CPT midpoint rule ("rule of eights"): each code on its own; a unit counts once more
 * than half of it has passed (8 of 15 minutes, 31 of 60, 61 of 120).
 */
export function midpointUnits(minutes: number, unitMinutes = 15): number {
  const threshold = Math.floor(unitMinutes / 2) + 1;
  if (minutes < threshold) return 0;
  return Math.floor((minutes + unitMinutes - threshold) / unitMinutes);
}

/** "8–22 minutes" style description of the minutes that give `units` units. */
export function midpointBand(units: number, unitMinutes = 15): string {
  const threshold = Math.floor(unitMinutes / 2) + 1;
  if (units === 0) return `under ${threshold} minutes`;
  const low = (units - 1) * unitMinutes + threshold;
  return `${low}–${low + unitMinutes - 1} minutes`;
}
