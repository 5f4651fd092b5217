import { Claim, ClaimContext, ServiceLine } from '../rules/claim';
import type { ContextOverrides } from './context-overrides';
import { InputError } from './input-error';
import { describeIssues } from './issue-words';
import { isCalendarDate, normalizeLineCode, parseModifiers, shown } from './line-fields';
import { findJsonSyntaxProblem } from './json-syntax';

export interface ParsedClaim {
  claim: Claim;
  /** Things we accepted but the user should know (ignored fields, …). */
  warnings: string[];
}

const CLAIM_KEYS = new Set([...Object.keys(ClaimContext.shape), 'lines']);
const LINE_KEYS = new Set(Object.keys(ServiceLine.shape));

/** A claim JSON (Claim in src/rules/claim.ts), or a bare array of service lines. */
export function parseClaimJson(text: string, overrides: ContextOverrides, name: string): ParsedClaim {
  if (text.trim() === '') throw new InputError(`${name} is empty`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const problem = findJsonSyntaxProblem(text);
    const where = problem ? `line ${problem.line}, column ${problem.column} (position ${problem.offset})` : 'somewhere';
    const what = problem?.message ?? (error instanceof Error ? error.message : String(error));
    throw new InputError(`${name} is not valid JSON: ${where}: ${what}`);
  }
  if (Array.isArray(raw)) raw = { lines: raw };
  if (raw === null || typeof raw !== 'object') {
    throw new InputError(`${name}: expected a claim object {"lines": [...]}, got ${typeof raw === 'string' ? 'text' : String(raw)}`);
  }

  const withOverrides = { ...(raw as Record<string, unknown>), ...overrides };
  const parsed = Claim.safeParse(withOverrides);
  if (!parsed.success) {
    const problems = describeIssues(parsed.error.issues, withOverrides);
    throw new InputError(`${name}: ${plural(problems.length, 'problem')} in the claim`, problems);
  }

  const problems: string[] = [];
  const lines = parsed.data.lines.map((line, index) => {
    const modifiers: string[] = [];
    for (const [k, typed] of line.modifiers.entries()) {
      const read = parseModifiers(typed);
      if (read.ok) modifiers.push(...read.value);
      else problems.push(`line ${index + 1}, field "modifiers" (item ${k + 1}): ${read.message}`);
    }
    for (const field of ['dos', 'dosTo'] as const) {
      const date = line[field];
      if (date !== undefined && !isCalendarDate(date)) {
        problems.push(`line ${index + 1}, field "${field}": not a real calendar date, got ${shown(date)}`);
      }
    }
    const code = normalizeLineCode(line.code, modifiers);
    if (!code.ok) {
      problems.push(`line ${index + 1}, field "code": ${code.message}`);
      return line;
    }
    return { ...line, code: code.value.code, modifiers: code.value.modifiers };
  });
  if (problems.length > 0) throw new InputError(`${name}: ${plural(problems.length, 'problem')} in the claim`, problems);

  return { claim: { ...parsed.data, lines }, warnings: unknownFieldWarnings(raw as Record<string, unknown>) };
}

function unknownFieldWarnings(raw: Record<string, unknown>): string[] {
  const warnings: string[] = [];
  for (const key of Object.keys(raw)) if (!CLAIM_KEYS.has(key)) warnings.push(`ignored unknown claim field "${key}"`);
  if (Array.isArray(raw.lines)) {
    raw.lines.forEach((line: unknown, index) => {
      if (line === null || typeof line !== 'object') return;
      for (const key of Object.keys(line)) {
        if (!LINE_KEYS.has(key)) warnings.push(`line ${index + 1}: ignored unknown field "${key}"`);
      }
    });
  }
  return warnings;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
