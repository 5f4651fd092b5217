import type { ClaimIndex } from './claim-index';
import type { Finding } from './finding';

/** ICD-10-CM shape: letter, digit, digit or letter, then up to 4 more characters after an optional dot. */
const ICD10_PATTERN = /^[A-Z][0-9][0-9A-Z](?:\.?[0-9A-Z]{1,4})?$/;

/**
 * Category headers that are not billable on their own (the claim needs a more specific
 * code). Only the ones ClaimLens has a source for: the Z56 employment-problem codes.
 */
const HEADERS: Readonly<Record<string, string>> = {
  Z56: 'Z56.0–Z56.6, Z56.81, Z56.82, Z56.89 or Z56.9',
  Z568: 'Z56.81, Z56.82 or Z56.89',
};

function compact(code: string): string {
  return code.replace('.', '');
}

/** Malformed diagnosis codes, and header codes that cannot be billed. */
export function checkDiagnoses(index: ClaimIndex): Finding[] {
  const findings: Finding[] = [];
  const seen = new Map<string, number[]>(); // header code → lines
  const malformed = new Map<string, number[]>(); // text → lines (claim-level diagnoses repeat on every line)
  for (const line of index.lines) {
    for (const raw of line.raw.diagnoses) {
      const code = raw.trim().toUpperCase();
      if (code === '') continue;
      if (!ICD10_PATTERN.test(code)) {
        addLine(malformed, raw.trim(), line.index);
        continue;
      }
      if (HEADERS[compact(code)]) addLine(seen, code, line.index);
    }
  }
  for (const [text, lines] of malformed) {
    findings.push({
      rule: 'diagnosis.invalid-format',
      severity: 'warning',
      lines,
      message: `Diagnosis "${text}" does not look like an ICD-10-CM code (a letter, a digit, one more character, then up to four after the dot, e.g. M54.50).`,
      source: 'ICD-10-CM code structure',
    });
  }
  for (const [code, lines] of seen) {
    findings.push({
      rule: 'diagnosis.not-billable',
      severity: 'error',
      lines,
      message: `${code} is a category header, not a billable diagnosis code: use the specific code, ${HEADERS[compact(code)]}.`,
      source: 'ICD-10-CM Tabular List, category Z56 (problems related to employment and unemployment)',
    });
  }
  return findings;
}

function addLine(map: Map<string, number[]>, key: string, line: number): void {
  const lines = map.get(key);
  if (!lines) map.set(key, [line]);
  else if (!lines.includes(line)) lines.push(line);
}
