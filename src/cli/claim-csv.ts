import Papa from 'papaparse';
import { Claim } from '../rules/claim';
import type { ClaimInput, ServiceLine } from '../rules/claim';
import type { ContextOverrides } from './context-overrides';
import { InputError } from './input-error';
import { describeIssues } from './issue-words';
import type { ParsedClaim } from './claim-json';
import { plural } from './claim-json';
import {
  normalizeLineCode,
  parseDate,
  parseDiagnoses,
  parseDollars,
  parseMinutes,
  parseModifiers,
  parseWholeNumber,
  type FieldResult,
} from './line-fields';

type Column = 'code' | 'modifiers' | 'units' | 'minutes' | 'dos' | 'diagnosis' | 'charge';

/** Header names as PM exports spell them, compared without case, spaces or punctuation. */
const HEADER_ALIASES: Record<string, Column> = {
  code: 'code',
  cpt: 'code',
  hcpcs: 'code',
  cpthcpcs: 'code',
  procedure: 'code',
  procedurecode: 'code',
  modifiers: 'modifiers',
  modifier: 'modifiers',
  mods: 'modifiers',
  units: 'units',
  unit: 'units',
  minutes: 'minutes',
  mins: 'minutes',
  min: 'minutes',
  dos: 'dos',
  date: 'dos',
  dateofservice: 'dos',
  servicedate: 'dos',
  diagnosis: 'diagnosis',
  diagnoses: 'diagnosis',
  dx: 'diagnosis',
  icd10: 'diagnosis',
  charge: 'charge',
  charges: 'charge',
  amount: 'charge',
};

const REQUIRED: readonly Column[] = ['code', 'dos'];

/**
 * A CSV of service lines: a header row, then one line per row. Line numbers in messages
 * are lines of the file (the header is line 1), so the user can go straight to them.
 */
export function parseClaimCsv(text: string, overrides: ContextOverrides, name: string): ParsedClaim {
  if (text.trim() === '') throw new InputError(`${name} is empty`);
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const rows = result.data;
  const header = rows[0] ?? [];
  const warnings: string[] = [];
  const problems: string[] = [];

  // Papa's row numbers count parsed rows; map them back to lines of the file.
  const fileLines = fileLineOfEachRow(text, rows.length);
  for (const error of result.errors) {
    if (error.code === 'UndetectableDelimiter') continue; // a one-column file is fine
    const line = error.row === undefined ? '' : `line ${fileLines[error.row] ?? error.row + 1}: `;
    problems.push(`${line}${error.message}`);
  }

  const columns = new Map<Column, number>();
  header.forEach((cell, index) => {
    const key = cell.toLowerCase().replace(/[^a-z0-9]/g, '');
    const column = HEADER_ALIASES[key];
    if (!column) {
      if (cell.trim() !== '') warnings.push(`ignored CSV column "${cell.trim()}"`);
    } else if (columns.has(column)) {
      problems.push(`line 1: two columns mean "${column}" ("${header[columns.get(column) as number]}" and "${cell}")`);
    } else columns.set(column, index);
  });
  const missing = REQUIRED.filter((c) => !columns.has(c));
  if (missing.length > 0) {
    throw new InputError(
      `${name}: the header row (line 1) has no ${missing.map((c) => `"${c}"`).join(' or ')} column; ` +
        `found: ${header.map((h) => `"${h}"`).join(', ') || 'nothing'}. Expected columns: code, modifiers, units, minutes, dos, diagnosis, charge`,
    );
  }
  if (rows.length < 2) throw new InputError(`${name}: the CSV has a header row but no service lines`);

  const lines: ClaimInput['lines'] = [];
  const lineLabels: string[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r] as string[];
    const label = `line ${fileLines[r] ?? r + 1}`;
    const extra = row.slice(header.length).filter((c) => c.trim() !== '');
    if (extra.length > 0) {
      problems.push(`${label}: ${row.length} cells but the header has ${header.length} columns (extra: ${extra.map((c) => `"${c}"`).join(', ')}); is a comma missing quotes?`);
    }
    const cell = (column: Column): string => {
      const index = columns.get(column);
      return index === undefined ? '' : (row[index] ?? '');
    };
    const field = <T>(column: Column, read: FieldResult<T>): T | undefined => {
      if (read.ok) return read.value;
      problems.push(`${label}, field "${column}": ${read.message}`);
      return undefined;
    };
    const modifiers = field('modifiers', parseModifiers(cell('modifiers'))) ?? [];
    const code = field('code', normalizeLineCode(cell('code'), modifiers));
    const line: ServiceLine = {
      code: code?.code ?? cell('code'),
      modifiers: code?.modifiers ?? modifiers,
      units: field('units', parseWholeNumber(cell('units'))),
      minutes: field('minutes', parseMinutes(cell('minutes'))),
      dos: field('dos', parseDate(cell('dos'))) ?? cell('dos'),
      diagnoses: parseDiagnoses(cell('diagnosis')),
      charge: field('charge', parseDollars(cell('charge'))),
    };
    lines.push(line);
    lineLabels.push(label);
  }
  if (problems.length > 0) throw new InputError(`${name}: ${plural(problems.length, 'problem')} in the CSV`, problems);

  const input: ClaimInput = { ...overrides, lines };
  const parsed = Claim.safeParse(input);
  if (!parsed.success) {
    const issues = describeIssues(parsed.error.issues, input, (index) => lineLabels[index] ?? `line ${index + 2}`);
    throw new InputError(`${name}: ${plural(issues.length, 'problem')} in the CSV`, issues);
  }
  return { claim: parsed.data, warnings };
}

/**
 * The 1-based file line where each parsed row starts. Rows can span lines when a quoted
 * cell holds a line break, and blank lines are skipped, so count as Papa does.
 */
function fileLineOfEachRow(text: string, rowCount: number): number[] {
  const starts: number[] = [];
  let line = 1;
  let inQuotes = false;
  let rowHasContent = false;
  let rowStart = 1;
  for (let k = 0; k <= text.length && starts.length < rowCount; k++) {
    const ch = text[k];
    if (ch === undefined || (!inQuotes && (ch === '\n' || ch === '\r'))) {
      if (rowHasContent) starts.push(rowStart);
      rowHasContent = false;
      if (ch === '\r' && text[k + 1] === '\n') k++;
      line++;
      rowStart = line;
      continue;
    }
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === '\n') line++;
    if (!/[\s,"]/.test(ch)) rowHasContent = true;
  }
  return starts;
}
