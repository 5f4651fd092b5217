/**
 * NCCI-associated modifiers that may bypass a PTP edit whose modifier indicator is 1
 * (NCCI Policy Manual for Medicare Services, ch. I; CMS "Medicare NCCI PTP Edits").
 */
export const NCCI_BYPASS_MODIFIERS: readonly string[] = [
  // anatomic
  'E1', 'E2', 'E3', 'E4', 'FA', 'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9',
  'TA', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'LT', 'RT', 'LC', 'LD', 'RC', 'LM', 'RI',
  // global surgery
  '24', '25', '57', '58', '78', '79',
  // other
  '27', '59', '91', 'XE', 'XS', 'XP', 'XU',
];

export function bypassModifiersOn(modifiers: readonly string[]): string[] {
  return modifiers.filter((m) => NCCI_BYPASS_MODIFIERS.includes(m));
}
