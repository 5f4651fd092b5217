import type { MueRecord } from '../data/reference';
import type { ClaimIndex, LineView } from './claim-index';
import type { Finding } from './finding';
import { plural } from './money';

/** What each MUE adjudication indicator means (CMS "Medically Unlikely Edits"); the popup shows the same words. */
export const MAI_MEANING: Readonly<Record<MueRecord['mai'], string>> = {
  1: 'claim-line edit: more units may go on another line with modifier 59, 76, 77 or an anatomic modifier when the notes support them',
  2: 'date-of-service policy limit: units above it are not paid, not even on appeal',
  3: 'clinical date-of-service limit: units above it are denied but may be paid on appeal with documentation of medical necessity',
};

/** Medically unlikely edits: units of a code per line (MAI 1) or per date of service (MAI 2/3). */
export function checkMue(index: ClaimIndex): Finding[] {
  const findings: Finding[] = [];
  for (const [dos, group] of index.byDos) {
    const byCode = new Map<string, LineView[]>();
    for (const line of group) {
      const list = byCode.get(line.code!);
      if (list) list.push(line);
      else byCode.set(line.code!, [line]);
    }
    for (const [code, lines] of byCode) {
      const mue = index.ref.mue(code, dos);
      if (!mue) continue;
      if (mue.mai === 1) {
        for (const line of lines) {
          if (line.units > mue.value) findings.push(finding(mue, [line], line.units, `on one line on ${dos}`));
        }
      } else {
        let units = 0;
        for (const line of lines) units += line.units;
        if (units > mue.value) findings.push(finding(mue, lines, units, `on ${dos}`));
      }
    }
  }
  return findings;
}

function finding(mue: MueRecord, lines: LineView[], units: number, where: string): Finding {
  return {
    rule: 'mue.exceeded',
    severity: 'error',
    lines: lines.map((l) => l.index),
    message:
      mue.value === 0
        ? `${plural(units, 'unit')} of ${mue.code} ${where}; its medically unlikely edit is 0: practitioners are not paid for this code (MAI ${mue.mai}, ${MAI_MEANING[mue.mai]}).`
        : `${plural(units, 'unit')} of ${mue.code} ${where}; the medically unlikely edit allows ${mue.value} (MAI ${mue.mai}, ${MAI_MEANING[mue.mai]}).`,
    source: `${mue.dataset.version}; CMS Medically Unlikely Edits${mue.rationale ? `; rationale: ${mue.rationale}` : ''}`,
  };
}
