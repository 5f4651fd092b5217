import { Claim, type ClaimInput } from '../../../src/rules/claim';
import type { Finding } from '../../../src/rules/finding';

export const DOS = '2025-03-04';

type LineInput = ClaimInput['lines'][number];

/** A claim from short line specs; the date of service defaults to DOS. */
export function claim(lines: Array<Partial<LineInput> & { code: string }>, context: Partial<Omit<ClaimInput, 'lines'>> = {}): Claim {
  return Claim.parse({ ...context, lines: lines.map((l) => ({ dos: DOS, ...l })) });
}

export function withRule(findings: Finding[], rule: string): Finding[] {
  return findings.filter((f) => f.rule === rule);
}

export function rules(findings: Finding[]): string[] {
  return findings.map((f) => f.rule).sort();
}
