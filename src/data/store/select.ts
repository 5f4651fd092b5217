/**
 * Which stored dataset answers for a date of service: the data engineer's rules
 * (src/data/dataset-selection.ts) applied to the readable registry entries, so the store
 * and the in-memory reference choose identically.
 */
import { rvuDatasetOrder, selectDataset } from '../dataset-selection';
import type { DatasetEntry } from './records';
import { isReadable } from './registry';

/** Bundles before imports, each in seed/import order: on an effective-date tie the later (import) wins. */
function candidates(entries: readonly DatasetEntry[], kind: DatasetEntry['kind']): DatasetEntry[] {
  return entries
    .filter((e) => e.kind === kind && isReadable(e))
    .sort((a, b) => (a.origin === b.origin ? a.order - b.order : a.origin === 'bundle' ? -1 : 1));
}

/** The dataset of `kind` in effect for `dos` (see selectDataset). */
export function datasetForDos(entries: readonly DatasetEntry[], kind: DatasetEntry['kind'], dos: string): DatasetEntry | undefined {
  return selectDataset(candidates(entries, kind), dos);
}

/**
 * Datasets to consult for `dos`, in order. RVU: every year, the DOS year first (the 2026
 * file is a 97xxx extract, so other codes fall back to 2025, see rvuDatasetOrder); other
 * kinds: the one in effect only.
 */
export function datasetsForDos(entries: readonly DatasetEntry[], kind: DatasetEntry['kind'], dos: string): DatasetEntry[] {
  if (kind === 'rvu') {
    // rvuDatasetOrder keeps input order on ties, so the newest import goes first.
    const list = candidates(entries, kind).reverse();
    return list.length ? rvuDatasetOrder(list, dos) : [];
  }
  const one = datasetForDos(entries, kind, dos);
  return one ? [one] : [];
}

/** Newest dataset of a kind by effective date, the later one in seed/import order on a tie (HCPCS, curated: not chosen by date). */
export function newestOfKind(entries: readonly DatasetEntry[], kind: DatasetEntry['kind']): DatasetEntry | undefined {
  return entries
    .filter((e) => e.kind === kind)
    .sort((a, b) => (a.effective < b.effective ? 1 : a.effective > b.effective ? -1 : b.order - a.order))[0];
}
