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

/**
 * Reverse index builder: feed forward records (column 1 + packed body), get per column-2
 * code a packed body listing its column-1 codes with the same attributes.
 */
export class ReversePacker {
  private readonly byCode = new Map<string, Map<string, string[]>>();
  private readonly counts = new Map<string, number>();

  add(column1: string, packed: string): void {
    for (const group of packed.split(';')) {
      const colon = group.indexOf(':');
      const key = group.slice(0, colon);
      for (const column2 of group.slice(colon + 1).split(',')) {
        let groups = this.byCode.get(column2);
        if (!groups) {
          groups = new Map();
          this.byCode.set(column2, groups);
        }
        const codes = groups.get(key);
        if (codes) codes.push(column1);
        else groups.set(key, [column1]);
        this.counts.set(column2, (this.counts.get(column2) ?? 0) + 1);
      }
    }
  }

  *records(): Generator<{ code: string; packed: string; count: number }> {
    for (const [code, groups] of this.byCode) {
      yield { code, packed: [...groups].map(([key, codes]) => `${key}:${codes.join(',')}`).join(';'), count: this.counts.get(code) ?? 0 };
    }
  }
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
