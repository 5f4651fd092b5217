import type { z } from 'zod';
import { shown } from './line-fields';

/** What each field holds, in the words a biller uses. */
const FIELD_EXPECTATION: Record<string, string> = {
  units: 'a whole number',
  minutes: 'a number of minutes',
  charge: 'an amount in dollars',
  dos: 'a date as YYYY-MM-DD',
  dosTo: 'a date as YYYY-MM-DD',
  code: 'a CPT/HCPCS code such as 97530',
  modifiers: 'a list of modifiers such as ["GP", "59"]',
  diagnoses: 'a list of ICD-10 codes such as ["M54.50"]',
  lines: 'a list of service lines',
  payer: 'medicare, commercial or workers-comp',
  unitMethod: 'cms or ama',
  setting: 'non-facility or facility',
  locality: 'a locality as MAC-LL (e.g. "01112-05") or "national"',
  participating: 'true or false',
  qualifyingApm: 'true or false',
  therapyYearToDate: 'an amount in dollars',
  therapyYearToDateOt: 'an amount in dollars',
  feePercentOfMedicare: 'a percentage such as 120',
};

const TYPE_WORDS: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  array: 'a list',
  object: 'an object',
  boolean: 'true or false',
};

/** Names a service line for the user: JSON counts service lines, CSV counts file lines. */
export type LineLabel = (lineIndex: number) => string;
export const serviceLineLabel: LineLabel = (index) => `line ${index + 1}`;

/** ["lines", 2, "units"] → 'line 3, field "units"'; ["payer"] → 'field "payer"'. */
export function whereInClaim(path: readonly PropertyKey[], lineLabel: LineLabel = serviceLineLabel): string {
  if (path.length === 0) return 'the claim';
  const [first, second, third, ...rest] = path;
  if (first === 'lines' && typeof second === 'number') {
    const line = lineLabel(second);
    if (third === undefined) return line;
    const item = typeof rest[0] === 'number' ? ` (item ${rest[0] + 1})` : '';
    return `${line}, field "${String(third)}"${item}`;
  }
  return `field "${String(first)}"`;
}

export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** The expectation and what was found, without the "where". */
export function whatIsWrong(issue: z.core.$ZodIssue, input: unknown): string {
  const value = valueAt(input, issue.path);
  const field = [...issue.path].reverse().find((key): key is string => typeof key === 'string');
  const expected = (field && FIELD_EXPECTATION[field]) ?? undefined;
  switch (issue.code) {
    case 'invalid_type': {
      if (value === undefined) return `is missing (expected ${expected ?? TYPE_WORDS[issue.expected] ?? issue.expected})`;
      const wanted = issue.expected === 'int' ? 'a whole number' : (expected ?? TYPE_WORDS[issue.expected] ?? issue.expected);
      return `expected ${wanted}, got ${shown(value)}`;
    }
    case 'invalid_value':
      return `expected ${issue.values.map((v) => String(v)).join(', ')}, got ${shown(value)}`;
    case 'too_small':
      if (issue.origin === 'number') {
        const bound = issue.inclusive ? `${String(issue.minimum)} or more` : `more than ${String(issue.minimum)}`;
        return `expected ${bound}, got ${shown(value)}`;
      }
      return issue.message;
    default:
      return value === undefined ? issue.message : `${issue.message}, got ${shown(value)}`;
  }
}

/** One message per field (zod may report the same date twice: format and calendar). */
export function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  lineLabel: LineLabel = serviceLineLabel,
): string[] {
  const seen = new Set<string>();
  const messages: string[] = [];
  for (const issue of issues) {
    const key = issue.path.map(String).join('.');
    if (seen.has(key)) continue;
    seen.add(key);
    messages.push(`${whereInClaim(issue.path, lineLabel)}: ${whatIsWrong(issue, input)}`);
  }
  return messages;
}
