import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

/**
 * Reads one of the shared CMS CSV files (UTF-8, one header row) and checks that the
 * header is exactly what the build expects, so a changed upstream file fails loudly.
 */
export function readCmsCsv(path: string, expectedColumns: readonly string[]): Record<string, string>[] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) {
    const e = parsed.errors[0];
    throw new Error(`${path}: CSV error at row ${e?.row}: ${e?.message}`);
  }
  const columns = parsed.meta.fields ?? [];
  if (columns.join(',') !== expectedColumns.join(',')) {
    throw new Error(`${path}: expected columns ${expectedColumns.join(',')}, found ${columns.join(',')}`);
  }
  return parsed.data.map((row) => {
    const trimmed: Record<string, string> = {};
    for (const key of columns) trimmed[key] = (row[key] ?? '').trim();
    return trimmed;
  });
}

/** A value going into a tab-separated bundle must not carry tabs or line breaks. */
export function tsvField(value: string, where: string): string {
  if (/[\t\r\n]/.test(value)) throw new Error(`${where}: value contains a tab or line break: ${JSON.stringify(value)}`);
  return value;
}

export function tsvLine(fields: readonly string[], where: string): string {
  return fields.map((field) => tsvField(field, where)).join('\t');
}
