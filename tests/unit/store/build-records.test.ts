import { describe, expect, it } from 'vitest';
import { buildRecords, type ChunkLimits } from '../../../src/data/store/build-records';
import type { DatasetContent } from '../../../src/data/store/content';
import { packEdits, type PackedEdit } from '../../../src/data/store/ptp-pack';

const edit = (other: string, modifierIndicator: 0 | 1 | 9 = 1): PackedEdit => ({ other, deletion: null, modifierIndicator, rationale: 0, effective: null });

// Therapy and non-therapy column-1 codes, pairing across both sets and across buckets.
const groups = [
  { column1: '0029T', packed: packEdits([edit('97530'), edit('99213')]) },
  { column1: '97110', packed: packEdits([edit('97140', 9), edit('99211')]) },
  { column1: '97150', packed: packEdits([edit('97530'), edit('97110'), edit('97535')]) },
  { column1: '97545', packed: packEdits([edit('97140', 0)]) },
  { column1: '99213', packed: packEdits([edit('97530'), edit('36415', 0), edit('G0283')]) },
  { column1: 'G0283', packed: packEdits([edit('97014', 0)]) },
];
const content = (): DatasetContent => ({ kind: 'ptp', groups, rationales: ['Mutually exclusive procedures'] });
const therapy = new Set(['97110', '97140', '97150', '97530', '97535', '97545']);
const tiny: ChunkLimits = { records: 2, edits: 4 };

const recordsOf = (chunks: { store: string; value: unknown }[][]) =>
  chunks.flat().map((r) => JSON.stringify([r.store, r.value])).sort();

describe('PTP records with therapy codes first (resumable seed layout)', () => {
  it('writes exactly the records of the plain build, once the rest is built', () => {
    const plain = buildRecords('ptp-test', content(), new Set(), tiny);
    const first = buildRecords('ptp-test', content(), therapy, tiny);
    first.buildRest?.();
    expect(first.rows).toBe(plain.rows);
    expect(recordsOf(first.chunks)).toEqual(recordsOf(plain.chunks));
  });

  it('has every therapy code, both as column 1 and column 2, in the first chunks', () => {
    const built = buildRecords('ptp-test', content(), therapy, tiny);
    const firstKeys = new Set(
      built.chunks
        .slice(0, built.priorityChunks)
        .flat()
        .flatMap((r) => Object.keys((r.value as { items?: Record<string, unknown> }).items ?? {}).map((k) => `${r.store}:${k}`)),
    );
    for (const code of ['97110', '97150', '97545']) expect(firstKeys).toContain(`ptp:${code}`);
    for (const code of ['97530', '97140', '97110', '97535']) expect(firstKeys).toContain(`ptpRev:${code}`);
  });

  it('keeps the same chunk layout on a rebuild, so a stopped seed resumes at the same chunk', () => {
    const a = buildRecords('ptp-test', content(), therapy, tiny);
    const b = buildRecords('ptp-test', content(), therapy, tiny);
    a.buildRest?.();
    b.buildRest?.();
    expect(a.chunks.length).toBe(b.chunks.length);
    expect(a.chunks.map((c) => recordsOf([c]))).toEqual(b.chunks.map((c) => recordsOf([c])));
  });
});
