/**
 * Practitioner Services MUE table as CMS publishes it: a CSV with a quoted AMA copyright
 * preamble, then `HCPCS/CPT Code, Practitioner Services MUE Values, MUE Adjudication
 * Indicator, MUE Rationale`; the indicator cell is the digit and its text.
 */
import { CODE_PATTERN } from './code-pattern';
import type { MueAdjudicationIndicator } from '../reference';
import type { MueRow } from '../store/content';
import { ImportError } from './errors';
import { isBlank, type Row } from './text';

export function isMueHeader(row: Row): boolean {
  const [a = '', b = '', c = ''] = row.cells.map((x) => x.toLowerCase());
  return a.startsWith('hcpcs') && b.includes('mue') && c.includes('adjudication');
}

export function parseMueRows(rows: Row[], fileName: string): MueRow[] {
  const headerAt = rows.findIndex(isMueHeader);
  if (headerAt === -1) throw new ImportError(`${fileName}: no "HCPCS/CPT Code, … MUE Values, MUE Adjudication Indicator" header`);
  const fail = (line: number, detail: string): never => {
    throw new ImportError(`${fileName}, line ${line}: ${detail}`, line);
  };
  const out: MueRow[] = [];
  const seen = new Set<string>();
  for (const row of rows.slice(headerAt + 1)) {
    if (isBlank(row)) continue;
    const [code = '', valueRaw = '', maiRaw = '', rationale = ''] = row.cells;
    if (row.cells.length < 4) fail(row.line, `expected 4 cells (code, value, indicator, rationale), found ${row.cells.length} (file cut short?)`);
    if (!CODE_PATTERN.test(code)) fail(row.line, `${JSON.stringify(code.slice(0, 20))} is not a procedure code`);
    if (!/^\d+$/.test(valueRaw)) fail(row.line, `MUE value ${JSON.stringify(valueRaw)} is not a whole number`);
    const mai = /^([123])\b/.exec(maiRaw)?.[1] ?? fail(row.line, `adjudication indicator ${JSON.stringify(maiRaw)} does not start with 1, 2 or 3`);
    if (seen.has(code)) fail(row.line, `code ${code} appears twice`);
    seen.add(code);
    out.push({ code, value: Number(valueRaw), mai: Number(mai) as MueAdjudicationIndicator, rationale });
  }
  if (out.length === 0) throw new ImportError(`${fileName}: the header is there but no MUE rows follow (empty or cut-off file)`);
  return out;
}
