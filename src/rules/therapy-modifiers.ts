import type { ClaimIndex } from './claim-index';
import type { Finding } from './finding';
import { SOURCES } from './sources';

const DISCIPLINE_NAMES = { GP: 'physical therapy', GO: 'occupational therapy', GN: 'speech-language pathology' } as const;

/** Which discipline each assistant modifier belongs to (SLP has no assistant modifier). */
export const ASSISTANT_DISCIPLINE = { CQ: 'GP', CO: 'GO' } as const;
const ASSISTANT_NAMES = { CQ: 'a physical therapist assistant', CO: 'an occupational therapy assistant' } as const;

/** GP/GO/GN on always-therapy codes; CQ/CO consistent with the discipline. */
export function checkTherapyModifiers(index: ClaimIndex): Finding[] {
  const findings: Finding[] = [];
  for (const line of index.lines) {
    if (line.code === undefined) continue;
    const code = line.code;
    const { disciplines } = line;
    if (line.alwaysTherapy && disciplines.length === 0) {
      findings.push({
        rule: 'modifier.therapy-missing',
        severity: 'error',
        lines: [line.index],
        message: `${code} is always a therapy service: add GP (physical therapy), GO (occupational therapy) or GN (speech-language pathology) for the plan of care it belongs to. Without it the line is rejected.`,
        source: SOURCES.therapyModifiers,
      });
    }
    if (disciplines.length > 1) {
      findings.push({
        rule: 'modifier.therapy-conflict',
        severity: 'error',
        lines: [line.index],
        message: `${code} carries ${disciplines.join(' and ')}: a therapy line takes exactly one of GP, GO or GN. Keep the one whose plan of care the service belongs to; bill another discipline's service on its own line.`,
        source: SOURCES.therapyModifiers,
      });
    }
    const assistants = line.modifiers.filter((m): m is 'CQ' | 'CO' => m === 'CQ' || m === 'CO');
    if (assistants.length > 1) {
      findings.push({
        rule: 'modifier.assistant-conflict',
        severity: 'error',
        lines: [line.index],
        message: `${code} carries both CQ and CO: a line is furnished by a PT assistant (CQ, with GP) or an OT assistant (CO, with GO), not both.`,
        source: SOURCES.assistantModifiers,
      });
      continue;
    }
    const assistant = assistants[0];
    if (!assistant) continue;
    const expected = ASSISTANT_DISCIPLINE[assistant];
    const wrong = disciplines.filter((d) => d !== expected);
    if (wrong.length > 0) {
      const other = wrong[0]!;
      findings.push({
        rule: 'modifier.assistant-conflict',
        severity: 'error',
        lines: [line.index],
        message: `${code} carries ${assistant} (service furnished by ${ASSISTANT_NAMES[assistant]}) with ${other} (${DISCIPLINE_NAMES[other]}): ${assistant} belongs with ${expected}.${other === 'GN' ? ' Speech-language pathology has no assistant modifier.' : ''}`,
        source: SOURCES.assistantModifiers,
      });
    }
  }
  return findings;
}
