/**
 * Normalises what billers type into service-line fields: numbers, dates, money, modifiers,
 * diagnosis codes. Each returns undefined (or []) for text it cannot read — never a guess.
 */
import { MODIFIER_PATTERN } from '../rules/normalize-code';

/** "2", " 2 ", "2.0", "38 min", "1,5" → number; "", "abc", "-1" → undefined. */
export function parseQuantity(raw: string): number | undefined {
  const match = /^\s*(\d{1,5}(?:[.,]\d+)?)\s*(?:[a-z]+\.?)?\s*$/i.exec(raw);
  if (!match?.[1]) return undefined;
  const value = Number(match[1].replace(',', '.'));
  return Number.isFinite(value) ? value : undefined;
}

/** "$1,234.00", "1234.5", "USD 80", "80.00 $" → number; "", "N/A", "(12.00)" → undefined. */
export function parseMoney(raw: string): number | undefined {
  const text = raw.trim().replace(/^(?:usd|us\$)\s*/i, '');
  const match = /^\$?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?\s*\$?$/.exec(text);
  if (!match?.[1]) return undefined;
  const value = Number(`${match[1].replace(/,/g, '')}.${match[2] ?? '0'}`);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Dates as portals show them → YYYY-MM-DD: MM/DD/YYYY, M/D/YY, MM-DD-YYYY, MM.DD.YYYY,
 * "MM DD YY" (CMS-1500 24A boxes), MMDDYYYY, MMDDYY, YYYY-MM-DD, YYYY/MM/DD.
 * Two-digit years are 20YY (dates of service are recent). Impossible dates → undefined.
 */
export function parseDate(raw: string): string | undefined {
  const text = raw.trim();
  let year: number, month: number, day: number;
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s].*)?$/.exec(text);
  if (m) {
    year = Number(m[1]);
    month = Number(m[2]);
    day = Number(m[3]);
  } else if ((m = /^(\d{1,2})\s*[-/.\s]\s*(\d{1,2})\s*[-/.\s]\s*(\d{2}|\d{4})$/.exec(text))) {
    month = Number(m[1]);
    day = Number(m[2]);
    year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  } else if ((m = /^(\d{2})(\d{2})(\d{2}|\d{4})$/.exec(text))) {
    month = Number(m[1]);
    day = Number(m[2]);
    year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  } else return undefined;
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2199) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** One box or several: "GP", "gp 59", "GP,59", "GP59", "GP-59-KX" → ["GP","59","KX"]. */
export function parseModifiers(raw: string): string[] {
  const out: string[] = [];
  for (const token of raw.toUpperCase().split(/[\s,;:/|+-]+/).filter(Boolean)) {
    if (MODIFIER_PATTERN.test(token)) out.push(token);
    // "GP59", "GPKX": run together; a longer word of letters only ("MODIFIER") is not four modifiers.
    else if (/^[A-Z0-9]{4,8}$/.test(token) && token.length % 2 === 0 && (token.length === 4 || /\d/.test(token))) {
      for (let i = 0; i < token.length; i += 2) out.push(token.slice(i, i + 2));
    }
  }
  return out;
}

/** ICD-10-CM codes in a diagnosis field: "m54.50", "M5450, R26.2", "ICD10:M54.50:" → upper case, dotted as typed. */
const ICD10 = /(?:^|[^A-Z0-9])([A-TV-Z]\d[0-9A-Z](?:\.?[0-9A-Z]{1,4})?)(?![0-9A-Z])/g;
export function parseDiagnoses(raw: string): string[] {
  const out: string[] = [];
  const text = raw.toUpperCase().replace(/\bICD-?(?:9|10)(?:-CM)?\s*:?/g, ' ');
  for (const m of text.matchAll(ICD10)) if (m[1] && !out.includes(m[1])) out.push(m[1]);
  return out;
}
