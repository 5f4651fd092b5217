import type { ClaimIndex } from './claim-index';
import type { Finding } from './finding';
import { SOURCES } from './sources';

/** Malformed codes and modifiers, and codes in none of the bundled CMS files. */
export function checkCodeValidity(index: ClaimIndex): Finding[] {
  const findings: Finding[] = [];
  for (const line of index.lines) {
    if (line.code === undefined) {
      findings.push({
        rule: 'code.invalid-format',
        severity: 'error',
        lines: [line.index],
        message: `"${line.raw.code.trim()}" is not a CPT or HCPCS code: expected 5 digits (97530), 4 digits and F/T/U/M (0591T), or a letter and 4 digits (G0283). The line was not checked.`,
        source: SOURCES.codeFormat,
      });
      continue;
    }
    for (const bad of line.invalidModifiers) {
      findings.push({
        rule: 'modifier.invalid',
        severity: 'error',
        lines: [line.index],
        message: `Modifier "${bad}" on ${line.code} is not valid: a modifier is two letters or digits (GP, 59, XU). It was ignored by the checks.`,
        source: 'CMS claim form: modifiers are 2 characters',
      });
    }
    if (!line.rvu && !line.curated && !index.ref.isKnownCode(line.code)) {
      findings.push({
        rule: 'code.unknown',
        severity: 'warning',
        lines: [line.index],
        message: `${line.code} is in none of the bundled CMS files (fee schedule, HCPCS, NCCI edits, MUEs): check for a typo, or the code may be newer than the data.`,
        source: 'CMS PFS RVU file, HCPCS Level II file, NCCI PTP and MUE tables (bundled versions)',
      });
    }
  }
  return findings;
}
