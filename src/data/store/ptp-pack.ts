/**
 * Packs the PTP edits of one code into one string: the table has 2.5 million pairs but only
 * ~13,000 column-1 and ~11,000 column-2 codes, so one record per code keeps seeding to some
 * tens of thousands of IndexedDB writes.
 *
 * The packed form is the bundle's own group format (src/data/bundle-ptp.ts), so forward
 * records are bundle lines as they are:
 *   `deletion/modifier/rationaleIndex[/effective]:code,code;…`
 * deletion is YYYYMMDD or '*' (still active); effective is YYYYMMDD and only present when
 * the source gives it (imported CMS files do, the bundled 2024 Q3 table does not).
 */
import type { PtpModifierIndicator } from '../reference';

export interface PackedEdit {
  /** The other code: column 2 in a forward record, column 1 in a reverse record. */
  other: string;
  /** YYYY-MM-DD or null when the source does not give it. */
  effective: string | null;
  /** YYYY-MM-DD or null when still active. */
  deletion: string | null;
  modifierIndicator: PtpModifierIndicator;
  rationale: number;
}

const toCompact = (date: string | null): string => (date ? date.replace(/-/g, '') : '');
const fromCompact = (date: string | undefined): string | null =>
  date && date !== '*' ? `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}` : null;

/** Group key of an edit: everything but the other code. */
export function groupKey(edit: Omit<PackedEdit, 'other'>): string {
  const base = `${edit.deletion ? toCompact(edit.deletion) : '*'}/${edit.modifierIndicator}/${edit.rationale}`;
  return edit.effective ? `${base}/${toCompact(edit.effective)}` : base;
}

/** Packs edits (grouping those with the same attributes); returns the string and edit count. */
export function packEdits(edits: readonly PackedEdit[]): string {
  const groups = new Map<string, string[]>();
  for (const edit of edits) {
    const key = groupKey(edit);
    const codes = groups.get(key);
    if (codes) codes.push(edit.other);
    else groups.set(key, [edit.other]);
  }
  return [...groups].map(([key, codes]) => `${key}:${codes.join(',')}`).join(';');
}

export function unpackEdits(packed: string): PackedEdit[] {
  const out: PackedEdit[] = [];
  if (!packed) return out;
  for (const group of packed.split(';')) {
    const colon = group.indexOf(':');
    const [del, mi = '9', rat = '0', eff] = group.slice(0, colon).split('/');
    const deletion = fromCompact(del);
    const effective = fromCompact(eff);
    const modifierIndicator = Number(mi) as PtpModifierIndicator;
    const rationale = Number(rat);
    for (const other of group.slice(colon + 1).split(',')) out.push({ other, effective, deletion, modifierIndicator, rationale });
  }
  return out;
}

/** 0-9 → 0..9, A-Z → 10..35 (codes are validated 5-character [0-9A-Z] before packing). */
const base36 = (c: number): number => (c <= 57 ? c - 48 : c - 55);

/**
 * Reverse index: from forward records (column 1 + packed body) to, per column-2 code, a
 * packed body listing its column-1 codes with the same attributes. Works on integer arrays
 * and a counting sort (2.5 million pairs in a few hundred ms; a Map of lists per code took
 * seconds), relying on the packed format's fixed 5-character codes.
 */
export function reverseIndex(groups: ReadonlyArray<{ column1: string; packed: string }>): Array<{ code: string; packed: string; count: number }> {
  return reverseIndexOf(groups, () => true).rows;
}

/**
 * The reverse index restricted to the column-2 codes `keep` accepts (the seed builds the
 * therapy codes' buckets first); `others` counts the edits of every code left out.
 */
export function reverseIndexOf(
  groups: ReadonlyArray<{ column1: string; packed: string }>,
  keep: (code: string) => boolean,
): { rows: Array<{ code: string; packed: string; count: number }>; others: Map<string, number> } {
  const total = groups.reduce((sum, g) => sum + countEdits(g.packed), 0);
  const column2Of = new Int32Array(total);
  const groupOf = new Int32Array(total);
  const keyOf = new Int32Array(total);
  const keyIds = new Map<string, number>();
  const keys: string[] = [];
  const denseOf = new Map<number, number>();
  const codes: string[] = [];
  /** Left-out codes get negative ids (-1 - index into `skipped`). */
  const skipped: string[] = [];
  const skippedCounts: number[] = [];
  let n = 0;
  groups.forEach((group, g) => {
    const p = group.packed;
    let pos = 0;
    while (pos < p.length) {
      const colon = p.indexOf(':', pos);
      let end = p.indexOf(';', colon);
      if (end === -1) end = p.length;
      const key = p.slice(pos, colon);
      let k = keyIds.get(key);
      if (k === undefined) {
        k = keys.length;
        keys.push(key);
        keyIds.set(key, k);
      }
      for (let q = colon + 1; q < end; q += 6) {
        const id = (((base36(p.charCodeAt(q)) * 36 + base36(p.charCodeAt(q + 1))) * 36 + base36(p.charCodeAt(q + 2))) * 36 + base36(p.charCodeAt(q + 3))) * 36 + base36(p.charCodeAt(q + 4));
        let d = denseOf.get(id);
        if (d === undefined) {
          const code = p.slice(q, q + 5);
          if (keep(code)) {
            d = codes.length;
            codes.push(code);
          } else {
            d = -1 - skipped.length;
            skipped.push(code);
            skippedCounts.push(0);
          }
          denseOf.set(id, d);
        }
        if (d < 0) {
          skippedCounts[-1 - d]! += 1;
          continue;
        }
        column2Of[n] = d;
        groupOf[n] = g;
        keyOf[n] = k;
        n += 1;
      }
      pos = end + 1;
    }
  });
  // Counting sort by column-2 code (stable: column-1 codes keep table order).
  const m = codes.length;
  const start = new Int32Array(m + 1);
  for (let x = 0; x < n; x++) start[(column2Of[x] ?? 0) + 1]! += 1;
  for (let d = 0; d < m; d++) start[d + 1]! += start[d]!;
  const next = start.slice(0, m);
  const order = new Int32Array(n);
  for (let x = 0; x < n; x++) order[next[column2Of[x]!]!++] = x;
  const out: Array<{ code: string; packed: string; count: number }> = [];
  for (let d = 0; d < m; d++) {
    const byKey = new Map<number, string[]>();
    for (let s = start[d]!; s < start[d + 1]!; s++) {
      const x = order[s]!;
      const column1 = groups[groupOf[x]!]!.column1;
      const list = byKey.get(keyOf[x]!);
      if (list) list.push(column1);
      else byKey.set(keyOf[x]!, [column1]);
    }
    out.push({ code: codes[d]!, packed: [...byKey].map(([k, list]) => `${keys[k]}:${list.join(',')}`).join(';'), count: start[d + 1]! - start[d]! });
  }
  return { rows: out, others: new Map(skipped.map((code, i) => [code, skippedCounts[i]!])) };
}

/** Number of codes in a packed body. */
export function countEdits(packed: string): number {
  let n = packed ? 1 : 0;
  for (let i = 0; i < packed.length; i++) {
    const c = packed.charCodeAt(i);
    if (c === 44 /* , */ || c === 59 /* ; */) n++;
  }
  return n;
}
