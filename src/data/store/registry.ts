/** Reading the dataset registry: which generations readers may use. */
import type { DatasetRef } from '../reference';
import type { DatasetStatus } from './api';
import type { DatasetEntry } from './records';
import type { ClaimLensDb } from './schema';

export async function readRegistry(db: ClaimLensDb): Promise<DatasetEntry[]> {
  return (await db.getAll('datasets')) as DatasetEntry[];
}

export function isReadable(entry: DatasetEntry): boolean {
  return entry.state === 'active' || entry.state === 'partial';
}

/** Does this readable entry answer for `code`? (A partial PTP table answers its covered codes.) */
export function covers(entry: DatasetEntry, code: string): boolean {
  if (entry.state === 'active') return true;
  return entry.state === 'partial' && (entry.coveredCodes?.includes(code) ?? false);
}

export function toRef(entry: DatasetEntry): DatasetRef {
  return { id: entry.id, version: entry.version, effective: entry.effective };
}

export function toStatus(entry: DatasetEntry): DatasetStatus {
  return {
    id: entry.id,
    kind: entry.kind,
    version: entry.version,
    effective: entry.effective,
    origin: entry.origin,
    rows: entry.rows,
    complete: entry.state === 'active',
    readable: isReadable(entry),
    coverage: entry.state === 'active' ? 'all' : entry.state === 'partial' ? 'therapy' : 'none',
  };
}
