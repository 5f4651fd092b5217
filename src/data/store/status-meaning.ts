import { PFS_STATUS } from '../../rules/status-codes';

/**
 * What a PFS status code means for payment, in our words, for the popup's code card.
 * One table for the popup and the claim check: src/rules/status-codes.ts
 * (source: CMS PFS Relative Value File documentation, "Status Code").
 */
export function statusMeaning(status: string): string {
  const meaning = PFS_STATUS[status]?.meaning;
  if (!meaning) return `Status ${status}: see the CMS PFS relative value file documentation.`;
  return `${meaning.charAt(0).toUpperCase()}${meaning.slice(1)}.`;
}
