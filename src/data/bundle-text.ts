/**
 * Shared pieces of the line-based bundle formats (data/bundles/*.tsv[.gz], *.txt.gz).
 *
 * Every tabular bundle is UTF-8 text: line 1 is a magic line naming the format and its
 * version, line 2 the tab-separated column names, then one record per line. Parsers
 * check both lines and every field, and throw BundleFormatError naming the dataset and
 * the 1-based line, so a corrupted or mismatched bundle never loads half-silently.
 */

export class BundleFormatError extends Error {
  constructor(
    readonly dataset: string,
    readonly line: number,
    detail: string,
  ) {
    super(`${dataset} bundle, line ${line}: ${detail}`);
    this.name = 'BundleFormatError';
  }
}

/** One non-empty line with its 1-based line number. */
export interface NumberedLine {
  text: string;
  line: number;
}

/** Lines of a bundle text without the final empty line; tolerates \r\n. */
export function* bundleLines(text: string): Generator<NumberedLine> {
  let start = 0;
  let line = 1;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let lineText = text.slice(start, end);
    if (lineText.endsWith('\r')) lineText = lineText.slice(0, -1);
    yield { text: lineText, line };
    start = end + 1;
    line += 1;
  }
}

/** Magic line + column line of a tabular bundle. */
export interface TabularHeader {
  magic: string;
  columns: readonly string[];
}

export function formatTabularHeader(header: TabularHeader): string {
  return `${header.magic}\n${header.columns.join('\t')}\n`;
}

/**
 * Iterates the data rows of a tabular bundle after checking its two header lines.
 * Yields the split fields; a row with the wrong field count throws.
 */
export function* tabularRows(
  dataset: string,
  text: string,
  header: TabularHeader,
): Generator<{ fields: string[]; line: number }> {
  const lines = bundleLines(text);
  const magic = lines.next();
  if (magic.done || magic.value.text !== header.magic) {
    const found = magic.done ? 'an empty file' : JSON.stringify(magic.value.text.slice(0, 60));
    throw new BundleFormatError(dataset, 1, `expected format line ${JSON.stringify(header.magic)}, found ${found}`);
  }
  const columns = lines.next();
  const expectedColumns = header.columns.join('\t');
  if (columns.done || columns.value.text !== expectedColumns) {
    throw new BundleFormatError(dataset, 2, `expected columns ${JSON.stringify(expectedColumns)}`);
  }
  for (const { text: row, line } of lines) {
    if (row === '') continue;
    const fields = row.split('\t');
    if (fields.length !== header.columns.length) {
      throw new BundleFormatError(
        dataset,
        line,
        `expected ${header.columns.length} tab-separated fields, found ${fields.length}`,
      );
    }
    yield { fields, line };
  }
}

/** Reads fields by column name with checks that name the dataset, line and column. */
export class FieldReader {
  private fields: string[] = [];
  private line = 0;
  private readonly index: Map<string, number>;

  constructor(
    private readonly dataset: string,
    columns: readonly string[],
  ) {
    this.index = new Map(columns.map((name, i) => [name, i]));
  }

  at(fields: string[], line: number): this {
    this.fields = fields;
    this.line = line;
    return this;
  }

  fail(detail: string): never {
    throw new BundleFormatError(this.dataset, this.line, detail);
  }

  text(column: string): string {
    const i = this.index.get(column);
    if (i === undefined) this.fail(`unknown column ${column}`);
    return this.fields[i] ?? '';
  }

  required(column: string): string {
    const value = this.text(column);
    if (value === '') this.fail(`${column} is empty`);
    return value;
  }

  matching(column: string, pattern: RegExp, what: string): string {
    const value = this.text(column);
    if (!pattern.test(value)) this.fail(`${column} ${JSON.stringify(value)} is not ${what}`);
    return value;
  }

  number(column: string): number {
    const value = this.text(column);
    const parsed = value === '' ? Number.NaN : Number(value);
    if (!Number.isFinite(parsed)) this.fail(`${column} ${JSON.stringify(value)} is not a number`);
    return parsed;
  }

  oneOf<T extends string>(column: string, allowed: readonly T[]): T {
    const value = this.text(column);
    if (!(allowed as readonly string[]).includes(value)) {
      this.fail(`${column} ${JSON.stringify(value)} is not one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`);
    }
    return value as T;
  }
}

/** YYYYMMDD (CMS) → YYYY-MM-DD; undefined when not a date. */
export function cmsDateToIso(value: string): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!m) return undefined;
  const [, y, mo, d] = m;
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31) return undefined;
  return `${y}-${mo}-${d}`;
}

/** Codes: 5-character HCPCS/CPT codes, or 2-character modifiers, upper case. */
export const CODE_PATTERN = /^[0-9A-Z]{5}$/;
export const MODIFIER_PATTERN = /^[0-9A-Z]{2}$/;
