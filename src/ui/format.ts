import { dollars } from '../rules/money';

/** "$34.61": the engine's money format, so popup, overlay and CLI print amounts alike. */
export const formatMoney = dollars;

/** RVUs as CMS prints them (2 decimals). */
export function formatRvu(value: number): string {
  return value.toFixed(2);
}

export const MODIFIER_INDICATOR_MEANING: Record<number, string> = {
  0: 'no modifier allowed: the column 2 code is never paid with the column 1 code',
  1: 'a modifier (59, XE, XS, XP, XU, anatomic) may bypass the edit when the services are distinct',
  9: 'not applicable: the edit was deleted back to its start',
};

/** The engine's MUE indicator meanings, so popup and findings use the same words. */
export { MAI_MEANING } from '../rules/mue';
