import type { ConversionFactor, DatasetRef, PtpEdit } from './reference';

/**
 * Which dataset applies to a date of service. Pure rules, shared by the in-memory
 * reference (Node) and the IndexedDB-backed reference (extension).
 *
 * Dates are ISO strings (YYYY-MM-DD), compared as strings. A date of service that is
 * not YYYY-MM-DD is treated as "the latest data" (the engine reports the bad date itself).
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(dos: string): boolean {
  return ISO_DATE.test(dos);
}

/** Year of a date of service, or undefined when the date is not YYYY-MM-DD. */
export function dosYear(dos: string): number | undefined {
  return isIsoDate(dos) ? Number(dos.slice(0, 4)) : undefined;
}

/**
 * The latest dataset whose effective date is on or before the DOS; before all of them,
 * the earliest (callers can see from `effective` that the DOS is out of its period).
 * Datasets must all be of one kind.
 */
export function selectDataset<T extends Pick<DatasetRef, 'effective'>>(datasets: readonly T[], dos: string): T | undefined {
  const sorted = [...datasets].sort((a, b) => (a.effective < b.effective ? -1 : a.effective > b.effective ? 1 : 0));
  if (!isIsoDate(dos)) return sorted[sorted.length - 1];
  let chosen = sorted[0];
  for (const dataset of sorted) if (dataset.effective <= dos) chosen = dataset;
  return chosen;
}

/**
 * RVU datasets in the order to try for a DOS: the DOS year's dataset first, then the
 * other years by distance (a later year wins a tie). The caller takes the first that has
 * the code, so a 2026 claim for a code outside the 2026 97xxx extract gets the 2025 row
 * (its record.dataset says so).
 */
export function rvuDatasetOrder<T extends Pick<DatasetRef, 'effective'>>(datasets: readonly T[], dos: string): T[] {
  const latestYear = Math.max(...datasets.map((d) => Number(d.effective.slice(0, 4))));
  const year = dosYear(dos) ?? latestYear;
  const distance = (d: T): number => Math.abs(Number(d.effective.slice(0, 4)) - year);
  return [...datasets].sort((a, b) => distance(a) - distance(b) || (a.effective < b.effective ? 1 : a.effective > b.effective ? -1 : 0));
}

/** A conversion factor entry as bundled (see bundle-conversion-factor.ts). */
export interface ConversionFactorChoice extends ConversionFactor {
  appliesTo: 'all' | 'qualifying-apm' | 'non-qualifying-apm';
}

/**
 * Conversion factor by DOS year (the nearest year with a factor when the DOS year has
 * none, a later year winning a tie); within the year, the qualifying-APM factor only for
 * qualifying APM participants.
 */
export function selectConversionFactor<T extends ConversionFactorChoice>(
  factors: readonly T[],
  dos: string,
  qualifyingApm: boolean,
): T | undefined {
  if (factors.length === 0) return undefined;
  const years = [...new Set(factors.map((f) => f.year))];
  const target = dosYear(dos) ?? Math.max(...years);
  const year = years.sort((a, b) => Math.abs(a - target) - Math.abs(b - target) || b - a)[0];
  const ofYear = factors.filter((f) => f.year === year);
  const wanted = qualifyingApm ? 'qualifying-apm' : 'non-qualifying-apm';
  return ofYear.find((f) => f.appliesTo === wanted) ?? ofYear.find((f) => f.appliesTo === 'all') ?? ofYear[0];
}

/**
 * GPCI datasets: only 2025 exists (GPCI2026 was not available), so the 2025 GPCIs serve
 * every year; selectDataset picks it for any DOS.
 */
export const selectGpciDataset = selectDataset;

/**
 * One pair can have several rows in a PTP table (an edit deleted and later re-added with
 * other attributes; the source lacks effective dates). The row in effect for the DOS is
 * the one with the earliest deletion date after the DOS (active rows count as never
 * deleted). When every row was deleted on or before the DOS, the latest-deleted row is
 * returned so the engine can say the edit no longer applies. File order breaks ties.
 */
export function selectPtpEdit<T extends Pick<PtpEdit, 'deletion'>>(rows: readonly T[], dos: string): T | undefined {
  if (rows.length <= 1) return rows[0];
  const day = isIsoDate(dos) ? dos : '9999-12-31';
  let inEffect: T | undefined;
  let latestDeleted: T | undefined;
  for (const row of rows) {
    const deletion = row.deletion ?? '9999-99-99';
    if (deletion > day) {
      if (!inEffect || deletion < (inEffect.deletion ?? '9999-99-99')) inEffect = row;
    } else if (!latestDeleted || deletion > (latestDeleted.deletion ?? '')) {
      latestDeleted = row;
    }
  }
  return inEffect ?? latestDeleted;
}
