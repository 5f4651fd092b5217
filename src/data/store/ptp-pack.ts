/**
 * Packs the PTP edits of one code into one string: the table has 2.5 million pairs but only
 * some tens of thousands of distinct codes, so one record per code keeps seeding to a few
 * tens of thousands of IndexedDB writes.
 *
 * Entry: `other,effective,deletion,modifier,rationaleIndex`, entries joined by ';'.
 * Dates are YYYYMMDD or '' (effective unknown / still active).
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
const fromCompact = (date: string): string | null =>
  date ? `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}` : null;

export function packEdit(edit: PackedEdit): string {
  return `${edit.other},${toCompact(edit.effective)},${toCompact(edit.deletion)},${edit.modifierIndicator},${edit.rationale}`;
}

export function unpackEdits(packed: string): PackedEdit[] {
  if (!packed) return [];
  return packed.split(';').map((entry) => {
    const [other = '', eff = '', del = '', mi = '9', rat = '0'] = entry.split(',');
    return {
      other,
      effective: fromCompact(eff),
      deletion: fromCompact(del),
      modifierIndicator: Number(mi) as PtpModifierIndicator,
      rationale: Number(rat),
    };
  });
}

/** An edit applies on or after its effective date and before its deletion date. */
export function editActiveOn(edit: Pick<PackedEdit, 'effective' | 'deletion'>, dos: string): boolean {
  if (edit.effective && dos < edit.effective) return false;
  if (edit.deletion && dos >= edit.deletion) return false;
  return true;
}
