import type { PtpEdit } from '../data/reference';
import { bypassModifiersOn } from './bypass-modifiers';
import type { ClaimIndex, LineView } from './claim-index';
import type { Finding } from './finding';
import { SOURCES } from './sources';

/**
 * Does the edit apply to this date of service? Deleted edits apply before their deletion date;
 * indicator 9 edits never apply. One rule for the claim check and the popup's edit list.
 */
export function ptpEditApplies(edit: Pick<PtpEdit, 'modifierIndicator' | 'deletion'>, dos: string): boolean {
  return edit.modifierIndicator !== 9 && (edit.deletion === null || dos < edit.deletion);
}

/**
 * NCCI procedure-to-procedure edits: every pair of codes on one date of service, in both
 * orders. The column 2 code is denied unless the edit allows a modifier and one is there.
 */
export function checkPtp(index: ClaimIndex): Finding[] {
  const findings: Finding[] = [];
  for (const [dos, group] of index.byDos) {
    if (group.length < 2) continue;
    const byCode = new Map<string, LineView[]>();
    for (const line of group) {
      const list = byCode.get(line.code!);
      if (list) list.push(line);
      else byCode.set(line.code!, [line]);
    }
    if (byCode.size < 2) continue;
    const codes = [...byCode.keys()];
    for (const column1 of codes) {
      for (const column2 of codes) {
        if (column1 === column2) continue;
        const edit = index.ref.ptpEdit(column1, column2, dos);
        if (!edit || !ptpEditApplies(edit, dos)) continue;
        judge(edit, byCode.get(column1)!, byCode.get(column2)!, dos, findings);
      }
    }
  }
  return findings;
}

/**
 * One finding per edit and date (not per line pair): lines of the column 2 code with a
 * bypass modifier (or whose column 1 line carries one) are "bypassed", the others not.
 */
function judge(edit: PtpEdit, firsts: LineView[], seconds: LineView[], dos: string, out: Finding[]): void {
  const c1 = edit.column1;
  const c2 = edit.column2;
  const pair = `NCCI pairs ${c1} (column 1) with ${c2} (column 2) on ${dos}: "${edit.rationale}"`;
  const source = `${edit.dataset.version}${edit.deletion ? `, edit deleted ${edit.deletion}` : ', active edit'}; ${SOURCES.ncciPolicy}`;
  const firstIndexes = firsts.map((l) => l.index);
  if (edit.modifierIndicator === 0) {
    out.push({
      rule: 'ptp.bundled',
      severity: 'error',
      lines: [...firstIndexes, ...seconds.map((l) => l.index)],
      message: `${pair}. Modifier indicator 0: no modifier bypasses this edit, so ${c2} will be denied. Remove ${c2} or confirm the coding.`,
      source,
    });
    return;
  }
  const onFirst = [...new Set(firsts.flatMap((l) => bypassModifiersOn(l.modifiers)))];
  const bypassed: LineView[] = [];
  const open: LineView[] = [];
  const onSecond = new Set<string>();
  for (const line of seconds) {
    const mods = bypassModifiersOn(line.modifiers);
    mods.forEach((m) => onSecond.add(m));
    if (mods.length > 0 || onFirst.length > 0) bypassed.push(line);
    else open.push(line);
  }
  if (bypassed.length > 0) {
    const where =
      onSecond.size > 0
        ? `bypassed by ${[...onSecond].join(', ')} on ${c2}`
        : `bypassed by ${onFirst.join(', ')} on ${c1}; CMS expects the modifier on the column 2 code (${c2}), so move it there`;
    out.push({
      rule: 'ptp.bypassed',
      severity: 'info',
      lines: [...firstIndexes, ...bypassed.map((l) => l.index)],
      message: `${pair}, ${where}. The notes must show a separate, distinct service (different session, site or encounter).`,
      source,
    });
  }
  if (open.length > 0) {
    out.push({
      rule: 'ptp.modifier-required',
      severity: 'error',
      lines: [...firstIndexes, ...open.map((l) => l.index)],
      message: `${pair}. Modifier indicator 1: ${c2} is denied unless an NCCI bypass modifier (59, XE, XS, XP, XU or an anatomic modifier) is on the ${c2} line and the notes show a separate, distinct service.`,
      source,
    });
  }
}
