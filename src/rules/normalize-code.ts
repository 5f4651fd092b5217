/**
 * Reads a procedure code as billers type it: "97530", "97530-GP", "97530 GP 59",
 * "97530GP", "97530 - Therapeutic activities", "g0283", " 97110 ".
 * Returns the code (upper case) and any modifiers typed with it, or undefined when the
 * text is not a CPT/HCPCS code.
 */
export interface ParsedCode {
  code: string;
  modifiers: string[];
}

/**
 * CPT (5 digits); 4 digits + a letter: Category II (F), III (T), PLA (U), multianalyte (M)
 * and the vaccine-administration codes 0001A… that CMS tables carry; HCPCS Level II
 * (letter + 4 digits).
 */
export const CODE_PATTERN = /^(?:\d{5}|\d{4}[A-Z]|[A-V]\d{4})$/;
/** A modifier is two characters, letters or digits (GP, 59, XU, F1, …). */
export const MODIFIER_PATTERN = /^[A-Z0-9]{2}$/;

/** What billers put between modifiers: "GP 59", "GP,59", "GP-59", "GP/59", "GP:59". */
export const MODIFIER_SEPARATORS = /[\s,;:/-]+/;

/** One typed token as modifiers: "gp" → ["GP"], "GP59" → ["GP", "59"]; undefined when it is not modifiers. */
export function modifiersOfToken(token: string): string[] | undefined {
  const upper = token.toUpperCase();
  if (MODIFIER_PATTERN.test(upper)) return [upper];
  if (!/^[A-Z0-9]{4,8}$/.test(upper) || upper.length % 2 !== 0) return undefined;
  const pairs: string[] = [];
  for (let i = 0; i < upper.length; i += 2) pairs.push(upper.slice(i, i + 2));
  return pairs;
}

const LEADING_CODE = /^\s*(\d{5}|\d{4}[A-Z]|[A-V]\d{4})(?![0-9])/i;

export function normalizeCode(raw: string): ParsedCode | undefined {
  const match = LEADING_CODE.exec(raw);
  if (!match?.[1]) return undefined;
  const code = match[1].toUpperCase();
  let rest = raw.slice(match[0].length);
  // "97530 - Therapeutic activities": a dash then words is a description, not modifiers.
  const descriptionSplit = /^\s*[-–—:]\s+(?=[A-Za-z]{3,})/.exec(rest);
  if (descriptionSplit) return { code, modifiers: [] };
  rest = rest.replace(/^\s*[-:,/]?\s*/, '');
  const modifiers: string[] = [];
  // "GP59" after the code, "GP 59", "GP-59", "GP,59".
  for (const token of rest.split(MODIFIER_SEPARATORS).filter(Boolean)) {
    const found = modifiersOfToken(token);
    if (!found) break; // words after the code: stop reading modifiers
    modifiers.push(...found);
  }
  return { code, modifiers };
}
