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
    this.columnCount = columns.length;
  }

  readonly columnCount: number;

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

/**
 * Lazy keyed access to a tabular bundle: one pass records where each line starts (keyed
 * by its first `keyFields` fields joined by a tab) and a line is parsed, with the same
 * checks as a full parse, only when its key is first asked for. A one-line claim thus
 * parses a handful of rows instead of 19,090.
 */
export class LazyTable<T> {
  private readonly starts = new Map<string, number>();
  private readonly lines = new Map<string, number>();
  private readonly cache = new Map<string, T>();
  private readonly reader: FieldReader;

  constructor(
    private readonly dataset: string,
    private readonly text: string,
    header: TabularHeader,
    keyFields: number,
    private readonly parseRow: (f: FieldReader) => T,
  ) {
    this.reader = new FieldReader(dataset, header.columns);
    const firstEnd = text.indexOf('\n');
    const magic = (firstEnd === -1 ? text : text.slice(0, firstEnd)).replace(/\r$/, '');
    if (magic !== header.magic) {
      throw new BundleFormatError(dataset, 1, `expected format line ${JSON.stringify(header.magic)}, found ${JSON.stringify(magic.slice(0, 60))}`);
    }
    const secondEnd = firstEnd === -1 ? -1 : text.indexOf('\n', firstEnd + 1);
    const columns = firstEnd === -1 ? '' : text.slice(firstEnd + 1, secondEnd === -1 ? text.length : secondEnd).replace(/\r$/, '');
    if (columns !== header.columns.join('\t')) {
      throw new BundleFormatError(dataset, 2, `expected columns ${JSON.stringify(header.columns.join('\t'))}`);
    }
    let pos = secondEnd === -1 ? text.length : secondEnd + 1;
    let line = 3;
    while (pos < text.length) {
      let end = text.indexOf('\n', pos);
      if (end === -1) end = text.length;
      if (end > pos) {
        let keyEnd = pos - 1;
        for (let i = 0; i < keyFields; i += 1) {
          keyEnd = text.indexOf('\t', keyEnd + 1);
          if (keyEnd === -1 || keyEnd > end) throw new BundleFormatError(dataset, line, `expected ${header.columns.length} tab-separated fields`);
        }
        const key = text.slice(pos, keyEnd);
        if (this.starts.has(key)) throw new BundleFormatError(dataset, line, `key ${JSON.stringify(key)} appears twice`);
        this.starts.set(key, pos);
        this.lines.set(key, line);
      }
      pos = end + 1;
      line += 1;
    }
  }

  get size(): number {
    return this.starts.size;
  }

  has(key: string): boolean {
    return this.starts.has(key);
  }

  keys(): IterableIterator<string> {
    return this.starts.keys();
  }

  get(key: string): T | undefined {
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const start = this.starts.get(key);
    if (start === undefined) return undefined;
    let end = this.text.indexOf('\n', start);
    if (end === -1) end = this.text.length;
    const fields = this.text.slice(start, end).replace(/\r$/, '').split('\t');
    const line = this.lines.get(key) ?? 0;
    if (fields.length !== this.reader.columnCount) {
      throw new BundleFormatError(this.dataset, line, `expected ${this.reader.columnCount} tab-separated fields, found ${fields.length}`);
    }
    const record = this.parseRow(this.reader.at(fields, line));
    this.cache.set(key, record);
    return record;
  }
}
