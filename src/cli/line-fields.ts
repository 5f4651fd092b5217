import { isCalendarDate } from '../rules/claim';
import { MODIFIER_SEPARATORS, modifiersOfToken, normalizeCode } from '../rules/normalize-code';

/**
 * Field readers shared by the JSON and CSV inputs. Each returns the value or a message
 * in plain words ("expected …, got …") that the caller prefixes with line and field.
 */
export type FieldResult<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): FieldResult<T> => ({ ok: true, value });
const bad = (message: string): FieldResult<never> => ({ ok: false, message });

/** Shows a user's value back to them, short and quoted. */
export function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

/** "GP 59", "GP,59", "GP-59", "GP59" → ["GP", "59"] (the engine's token rule: modifiersOfToken). */
export function parseModifiers(text: string): FieldResult<string[]> {
  const modifiers: string[] = [];
  for (const token of text.split(MODIFIER_SEPARATORS).filter(Boolean)) {
    const found = modifiersOfToken(token);
    if (!found) return bad(`expected two-character modifiers such as GP or 59, got ${shown(token)}`);
    modifiers.push(...found);
  }
  return ok(modifiers);
}

/**
 * "97530-GP" → code 97530 with GP added to the line's modifiers (no duplicates, the
 * modifiers typed with the code first, as a biller reads them).
 */
export function normalizeLineCode(
  raw: string,
  modifiers: readonly string[],
): FieldResult<{ code: string; modifiers: string[] }> {
  if (raw.trim() === '') return bad('the code is empty');
  const parsed = normalizeCode(raw);
  if (!parsed) return bad(`expected a CPT/HCPCS code such as 97530 or G0283, got ${shown(raw)}`);
  const merged = [...parsed.modifiers];
  for (const modifier of modifiers) if (!merged.includes(modifier)) merged.push(modifier);
  return ok({ code: parsed.code, modifiers: merged });
}

/** Whole units; "" means not given. */
export function parseWholeNumber(text: string): FieldResult<number | undefined> {
  const trimmed = text.trim();
  if (trimmed === '') return ok(undefined);
  if (!/^\d+$/.test(trimmed)) return bad(`expected a whole number, got ${shown(text)}`);
  return ok(Number(trimmed));
}

/** Minutes may be fractional ("7.5"); "" means not given. */
export function parseMinutes(text: string): FieldResult<number | undefined> {
  const trimmed = text.trim();
  if (trimmed === '') return ok(undefined);
  if (!/^\d+(?:\.\d+)?$/.test(trimmed)) return bad(`expected a number of minutes, got ${shown(text)}`);
  return ok(Number(trimmed));
}

/** "$1,234.50", "120" → dollars; "" means not given. */
export function parseDollars(text: string): FieldResult<number | undefined> {
  const trimmed = text.trim().replace(/^\$/, '').replace(/,/g, '');
  if (trimmed === '') return ok(undefined);
  if (!/^\d+(?:\.\d{1,2})?$/.test(trimmed)) return bad(`expected an amount in dollars such as 120.00, got ${shown(text)}`);
  return ok(Number(trimmed));
}

/**
 * Dates as PM systems export them: 2026-11-02, 11/02/2026, 11/2/2026 → "2026-11-02".
 * The calendar check itself is the claim model's (IsoDate).
 */
export function parseDate(text: string): FieldResult<string> {
  const trimmed = text.trim();
  if (trimmed === '') return bad('the date of service is missing');
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  const iso = us ? `${us[3]}-${(us[1] as string).padStart(2, '0')}-${(us[2] as string).padStart(2, '0')}` : trimmed;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return bad(`expected a date as YYYY-MM-DD or MM/DD/YYYY, got ${shown(text)}`);
  if (!isCalendarDate(iso)) return bad(`not a real calendar date, got ${shown(text)}${us ? ' (read as MM/DD/YYYY)' : ''}`);
  return ok(iso);
}

/** The claim model's calendar check (re-exported for the JSON reader). */
export { isCalendarDate };

/** "M54.50; Z56.6" → ["M54.50", "Z56.6"]. */
export function parseDiagnoses(text: string): string[] {
  return text
    .split(/[\s,;|]+/)
    .map((d) => d.trim().toUpperCase())
    .filter(Boolean);
}
