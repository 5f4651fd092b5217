import { Claim, type ServiceLine } from '../rules/claim';
import { MODIFIER_SEPARATORS, modifiersOfToken, normalizeCode } from '../rules/normalize-code';
import { ASSISTANT_DISCIPLINE } from '../rules/therapy-modifiers';
import type { Settings } from './schema';

/** Evaluations are the therapist's own work: an assistant never furnishes them (Pub. 100-02 ch. 15 §230.1). */
const EVALUATION_CODES = /^9716[1-8]$/;

/**
 * A claim from the lines a content script read and the practice's settings. Settings give
 * what a portal page does not show: payer, locality, setting, unit method, participation,
 * therapy amounts billed this year (PT+SLP, OT), fee percentage. With an assistant set, lines of that
 * assistant's discipline without CQ/CO get its modifier (not evaluations) so the engine applies
 * the 85 % rate.
 */
export function claimFromLines(lines: ServiceLine[], settings: Settings): Claim {
  const feePercentOfMedicare = settings.payer === 'medicare' ? 100 : settings.percentOfMedicare[settings.payer];
  return Claim.parse({
    payer: settings.payer,
    unitMethod: settings.unitMethods[settings.payer],
    locality: settings.locality,
    setting: settings.setting,
    participating: settings.participating,
    qualifyingApm: settings.qualifyingApm,
    therapyYearToDate: settings.therapyYearToDate,
    therapyYearToDateOt: settings.therapyYearToDateOt,
    feePercentOfMedicare,
    lines: settings.assistant === 'none' ? lines : lines.map((line) => withAssistant(line, settings.assistant as 'CQ' | 'CO')),
  });
}

/**
 * CQ goes on physical therapy lines (GP), CO on occupational therapy lines (GO): on any other
 * line it would be wrong (and the engine would flag the conflict the setting created).
 */
function withAssistant(line: ServiceLine, modifier: 'CQ' | 'CO'): ServiceLine {
  const typed = normalizeCode(line.code);
  if (EVALUATION_CODES.test(typed?.code ?? line.code)) return line;
  const modifiers = [...line.modifiers, ...(typed?.modifiers ?? [])].flatMap((text) =>
    text.split(MODIFIER_SEPARATORS).flatMap((token) => modifiersOfToken(token) ?? []),
  );
  if (modifiers.includes('CQ') || modifiers.includes('CO')) return line;
  if (!modifiers.includes(ASSISTANT_DISCIPLINE[modifier])) return line;
  return { ...line, modifiers: [...line.modifiers, modifier] };
}
