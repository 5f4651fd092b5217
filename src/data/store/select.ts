/**
 * Which stored dataset answers for a date of service.
 * TODO(data): switch to src/data/dataset-selection.ts once it lands, so the store and the
 * in-memory reference choose identically.
 */
import type { DatasetEntry } from './records';
import { isReadable } from './registry';

const newestFirst = (a: DatasetEntry, b: DatasetEntry): number =>
  a.effective < b.effective ? 1 : a.effective > b.effective ? -1 : a.origin !== b.origin ? (a.origin === 'import' ? -1 : 1) : b.order - a.order;

/**
 * Datasets of `kind` to consult for `dos`, in order: the one in effect (latest effective
 * date on or before the DOS; an import wins a tie), then — only for kinds whose tables
 * may be partial extracts (RVU) — older ones as per-code fallbacks. When the DOS is before
 * every dataset, the earliest one answers.
 */
export function datasetsForDos(entries: readonly DatasetEntry[], kind: DatasetEntry['kind'], dos: string): DatasetEntry[] {
  const sorted = entries.filter((e) => e.kind === kind && isReadable(e)).sort(newestFirst);
  const inEffect = sorted.findIndex((e) => e.effective <= dos);
  const primary = inEffect === -1 ? sorted[sorted.length - 1] : sorted[inEffect];
  if (!primary) return [];
  if (kind !== 'rvu') return [primary];
  return [primary, ...sorted.slice(inEffect === -1 ? sorted.length : inEffect + 1)];
}
