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
  // Our own checks (code shape, modifiers, calendar dates) run on the raw lines too, so one
  // run reports every problem, not the model's first and ours after the next edit.
  const rawLines = Array.isArray((raw as { lines?: unknown }).lines) ? ((raw as { lines: unknown[] }).lines) : [];
  const checked = rawLines.map((line, index) => checkLine(line, index));
  const ownProblems = checked.flatMap((c) => c.problems);
  if (!parsed.success) {
    const modelProblems = describeIssues(parsed.error.issues, withOverrides);
    const reported = new Set(modelProblems.map((p) => p.slice(0, p.indexOf(': '))));
    const problems = sortByLine([...modelProblems, ...ownProblems.filter((p) => !reported.has(p.slice(0, p.indexOf(': '))))]);
    throw new InputError(`${name}: ${plural(problems.length, 'problem')} in the claim`, problems);
  }
  if (ownProblems.length > 0) throw new InputError(`${name}: ${plural(ownProblems.length, 'problem')} in the claim`, ownProblems);
  const lines = parsed.data.lines.map((line, index) => ({ ...line, ...checked[index]?.normalized }));

  return { claim: { ...parsed.data, lines }, warnings: unknownFieldWarnings(raw as Record<string, unknown>) };
}

/** Code and modifiers as the engine wants them, or what is wrong, for one raw JSON line. */
function checkLine(line: unknown, index: number): { normalized?: { code: string; modifiers: string[] }; problems: string[] } {
  const problems: string[] = [];
  if (line === null || typeof line !== 'object') return { problems };
  const { code, modifiers: typedModifiers, dos, dosTo } = line as Record<string, unknown>;
  const where = (field: string, item?: number): string =>
    `line ${index + 1}, field "${field}"${item === undefined ? '' : ` (item ${item + 1})`}`;

  const modifiers: string[] = [];
  if (Array.isArray(typedModifiers)) {
    typedModifiers.forEach((typed: unknown, k) => {
      if (typeof typed !== 'string') return; // the claim model reports it
      const read = parseModifiers(typed);
      if (read.ok) modifiers.push(...read.value);
      else problems.push(`${where('modifiers', k)}: ${read.message}`);
    });
  }
  for (const [field, date] of [['dos', dos], ['dosTo', dosTo]] as const) {
    if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) && !isCalendarDate(date)) {
      problems.push(`${where(field)}: not a real calendar date, got ${shown(date)}`);
    }
  }
  if (typeof code !== 'string' || code === '') return { problems };
  const normalized = normalizeLineCode(code, modifiers);
  if (!normalized.ok) {
    problems.push(`${where('code')}: ${normalized.message}`);
    return { problems };
  }
  return { normalized: normalized.value, problems };
}

/** A line's fields in the order a biller reads them, so problems read left to right. */
const FIELD_ORDER = ['code', 'modifiers', 'units', 'minutes', 'dos', 'dosTo', 'diagnoses', 'charge'];

/** Claim-level problems first, then by service line and field, keeping the rest in order. */
function sortByLine(problems: string[]): string[] {
  const lineOf = (p: string): number => Number(/^line (\d+)/.exec(p)?.[1] ?? 0);
  const fieldOf = (p: string): number => {
    const rank = FIELD_ORDER.indexOf(/field "([^"]+)"/.exec(p)?.[1] ?? '');
    return rank < 0 ? FIELD_ORDER.length : rank;
  };
  return problems
    .map((p, k) => ({ p, k }))
    .sort((a, b) => lineOf(a.p) - lineOf(b.p) || fieldOf(a.p) - fieldOf(b.p) || a.k - b.k)
    .map(({ p }) => p);
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
