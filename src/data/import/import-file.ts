/**
 * importCmsFile: detect what CMS file the user picked, parse and check it, stage it as a
 * new dataset and switch it on in one final transaction. A refused file or a failed write
 * leaves the data in use exactly as it was.
 */
import { unzipSync } from 'fflate';
import type { ImportReport, ReferenceStore } from '../store/api';
import { buildRecords, DEFAULT_LIMITS, type ChunkLimits } from '../store/build-records';
import { sha256Hex } from '../store/bundle-content';
import type { DatasetContent } from '../store/content';
import { clearReadCache } from '../store/read-records';
import type { DatasetEntry } from '../store/records';
import { describeWriteError, importsInProgress, purgeGeneration, writeGeneration, type WriteHooks } from '../store/writer';
import { ImportError } from './errors';
import { looksLikeGpci, parseGpciRows } from './gpci';
import { isMueHeader, parseMueRows } from './mue';
import type { ParsedImport } from './parsed';
import { looksLikePtpPart, packGroup, parsePtpPart, ptpVersionFromName, type PtpPart } from './ptp';
import { looksLikeRvu, parseRvuRows } from './rvu';
import { decodeText, parseCsv } from './text';

export interface ImportOptions extends WriteHooks {
  limits?: ChunkLimits;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const slugOf = (name: string): string =>
  name.toLowerCase().replace(/\.[a-z]+$/, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'file';

function ptpContent(part: PtpPart, rationales: Map<string, number>): DatasetContent {
  const groups = [...part.groups].sort(([a], [b]) => (a < b ? -1 : 1)).map(([column1, byKey]) => ({ column1, packed: packGroup(byKey) }));
  return { kind: 'ptp', groups, rationales: [...rationales.keys()] };
}

function fromZip(name: string, bytes: Uint8Array): ParsedImport {
  // Unzip one member at a time: the four CMS parts are ~150 MB of text together.
  const unzipMember = (member: string): Uint8Array => {
    try {
      return unzipSync(bytes, { filter: (f) => f.name === member })[member] ?? new Uint8Array();
    } catch (error) {
      throw new ImportError(`${name} is not a readable zip archive (damaged or cut off in ${member}: ${(error as Error).message}). Download it again from CMS.`);
    }
  };
  let names: string[] = [];
  try {
    unzipSync(bytes, { filter: (f) => (names.push(f.name), false) });
  } catch (error) {
    throw new ImportError(`${name} is not a readable zip archive (damaged or cut off: ${(error as Error).message}). Download it again from CMS.`);
  }
  names = names.filter((n) => !n.endsWith('/') && !/(^|\/)__MACOSX\//.test(n));
  const ptpParts = names.filter((n) => /ccipra-v\d+r\d+-f[1-4]\.txt$/i.test(n));
  if (ptpParts.length > 0) {
    const versions = new Set(ptpParts.map((n) => ptpVersionFromName(n)?.slug));
    if (versions.size !== 1) throw new ImportError(`${name} mixes parts of several PTP versions (${[...versions].join(', ')})`);
    const version = ptpVersionFromName(ptpParts[0] ?? '');
    if (!version) throw new ImportError(`${name}: cannot read the version from ${ptpParts[0]}`);
    const have = new Set(ptpParts.map((n) => ptpVersionFromName(n)?.part));
    const missing = [1, 2, 3, 4].filter((p) => !have.has(p));
    if (missing.length > 0) throw new ImportError(`${name} lacks part${missing.length > 1 ? 's' : ''} ${missing.map((p) => `f${p}`).join(', ')} of the four PTP parts; nothing was imported`);
    const rationales = new Map<string, number>();
    const part: PtpPart = { groups: new Map(), rows: 0, latestEffective: '' };
    for (const member of ptpParts.sort()) parsePtpPart(decodeText(unzipMember(member)), member, rationales, part);
    return { kind: 'ptp', slug: version.slug, version: version.version, effective: version.effective, effectiveFrom: `version ${version.slug}`, rows: part.rows, content: ptpContent(part, rationales), warnings: [] };
  }
  const csv = names.filter((n) => /\.csv$/i.test(n));
  if (csv.length === 1 && csv[0]) return fromText(csv[0], unzipMember(csv[0]));
  if (names.some((n) => /\.xlsx?$/i.test(n))) throw new ImportError(`${name} holds Excel files only; ClaimLens reads the CMS text/CSV versions (the .txt PTP parts or the MUE .csv)`);
  throw new ImportError(`${name} holds no NCCI PTP parts (ccipra-v…-f1.txt … f4.txt) and no single CSV (found: ${names.slice(0, 6).join(', ') || 'nothing'})`);
}

function fromText(name: string, bytes: Uint8Array): ParsedImport {
  if (bytes.length === 0) throw new ImportError(`${name} is empty`);
  const text = decodeText(bytes);
  if (looksLikePtpPart(text)) {
    const version = ptpVersionFromName(name);
    const rationales = new Map<string, number>();
    const part = parsePtpPart(text, name, rationales);
    // A single part is staged until all four have been imported (see stagePtpPart).
    return {
      kind: 'ptp',
      slug: version?.slug ?? slugOf(name),
      version: version?.version ?? `NCCI practitioner PTP (${name})`,
      ...(version ? { effective: version.effective, effectiveFrom: `version ${version.slug}` } : {}),
      rows: part.rows,
      content: ptpContent(part, rationales),
      warnings: [],
      ...(version?.part ? { part: version.part } : {}),
    } as ParsedImport;
  }
  const rows = parseCsv(text);
  if (rows.some(isMueHeader)) {
    const mue = parseMueRows(rows, name);
    const eff = /Eff[_ -]?(\d{2})[-_](\d{2})[-_](\d{4})/i.exec(name);
    const effective = eff ? `${eff[3]}-${eff[1]}-${eff[2]}` : undefined;
    const quarter = effective ? `${effective.slice(0, 4)} Q${Math.floor((Number(effective.slice(5, 7)) - 1) / 3) + 1}` : name;
    return { kind: 'mue', slug: effective ? effective.replace(/-/g, '') : slugOf(name), version: `MUE practitioner services ${quarter}`, ...(effective ? { effective, effectiveFrom: 'file name' } : {}), rows: mue.length, content: { kind: 'mue', rows: mue }, warnings: [] };
  }
  if (looksLikeRvu(rows)) {
    const { rows: rvu, warnings } = parseRvuRows(rows, name);
    const year = /PPRRVU(?:20)?(\d{2})/i.exec(name)?.[1] ?? /RVU(\d{2})[A-D]/i.exec(name)?.[1];
    const effective = year ? `20${year}-01-01` : undefined;
    return { kind: 'rvu', slug: slugOf(name), version: `PFS relative values ${name}`, ...(effective ? { effective, effectiveFrom: 'file name' } : {}), rows: rvu.length, content: { kind: 'rvu', rows: rvu }, warnings };
  }
  if (looksLikeGpci(rows)) {
    const gpci = parseGpciRows(rows, name);
    const year = /GPCI[_ -]?(\d{4})/i.exec(name)?.[1];
    return { kind: 'gpci', slug: slugOf(name), version: `GPCI ${year ?? name}`, ...(year ? { effective: `${year}-01-01`, effectiveFrom: 'file name' } : {}), rows: gpci.length, content: { kind: 'gpci', rows: gpci }, warnings: [] };
  }
  throw new ImportError(
    `${name} is not a CMS file ClaimLens can import. Expected the NCCI practitioner PTP zip (or one of its ccipra-…-f1..f4 .txt parts), the practitioner MUE CSV, a PFS relative value file (PPRRVU….csv) or a GPCI CSV.`,
  );
}

/** Parses and checks a file without storing anything. */
export function parseCmsFile(file: { name: string; bytes: Uint8Array }): ParsedImport & { part?: number } {
  const zip = file.bytes[0] === 0x50 && file.bytes[1] === 0x4b && file.bytes[2] === 0x03 && file.bytes[3] === 0x04;
  return zip ? fromZip(file.name, file.bytes) : fromText(file.name, file.bytes);
}

interface StagedParts {
  version: string;
  effective?: string;
  parts: number[];
  rows: number;
  rationales: string[];
  groups: Array<[string, string]>;
}

/** Merges a single PTP .txt part into the parts staged for its version (in `meta`). */
async function stagePtpPart(store: ReferenceStore, parsed: ParsedImport & { part?: number }): Promise<ParsedImport | { staged: number[]; missing: number[] }> {
  const key = `import-ptp-parts:${parsed.slug}`;
  const staged = ((await store.db.get('meta', key)) as StagedParts | undefined) ?? { version: parsed.version, ...(parsed.effective ? { effective: parsed.effective } : {}), parts: [], rows: 0, rationales: [], groups: [] };
  if (parsed.part === undefined) throw new ImportError(`cannot tell which of the four parts (f1–f4) this file is from its name; import the CMS zip instead`);
  if (staged.parts.includes(parsed.part)) throw new ImportError(`part f${parsed.part} of ${parsed.version} was already imported; import the remaining parts, or the CMS zip (which replaces the parts imported so far)`);
  // Re-index this part's rationales into the staged table, merge groups by column 1.
  const content = parsed.content as Extract<DatasetContent, { kind: 'ptp' }>;
  const table = new Map(staged.rationales.map((r, i) => [r, i]));
  const remap = content.rationales.map((r) => {
    if (!table.has(r)) table.set(r, table.size);
    return table.get(r) ?? 0;
  });
  const groups = new Map(staged.groups);
  for (const { column1, packed } of content.groups) {
    const renumbered = packed.replace(/(^|;)([^/]*)\/([019])\/(\d+)/g, (_m, sep: string, del: string, mi: string, rat: string) => `${sep}${del}/${mi}/${remap[Number(rat)] ?? 0}`);
    const existing = groups.get(column1);
    groups.set(column1, existing ? `${existing};${renumbered}` : renumbered);
  }
  const next: StagedParts = { ...staged, parts: [...staged.parts, parsed.part].sort(), rows: staged.rows + parsed.rows, rationales: [...table.keys()], groups: [...groups] };
  const missing = [1, 2, 3, 4].filter((p) => !next.parts.includes(p));
  if (missing.length > 0) {
    await store.db.put('meta', next, key);
    return { staged: next.parts, missing };
  }
  await store.db.delete('meta', key);
  return {
    ...parsed,
    rows: next.rows,
    content: { kind: 'ptp', groups: [...groups].sort(([a], [b]) => (a < b ? -1 : 1)).map(([column1, packed]) => ({ column1, packed })), rationales: next.rationales },
  };
}

export async function importCmsFile(store: ReferenceStore, file: { name: string; bytes: Uint8Array }, effective?: string, options: ImportOptions = {}): Promise<ImportReport> {
  if (effective !== undefined && !ISO_DATE.test(effective)) throw new ImportError(`effective date ${JSON.stringify(effective)} is not YYYY-MM-DD`);
  let parsed: ParsedImport & { part?: number } = parseCmsFile(file);
  const zipped = file.bytes[0] === 0x50 && file.bytes[1] === 0x4b;
  if (parsed.kind === 'ptp' && !zipped) {
    const result = await stagePtpPart(store, parsed);
    if ('staged' in result) {
      return {
        kind: 'ptp',
        datasetId: `ptp-import-${parsed.slug}`,
        version: parsed.version,
        effective: effective ?? parsed.effective ?? '',
        rows: parsed.rows,
        warnings: [`Part f${parsed.part} staged (${result.staged.map((p) => `f${p}`).join(', ')} of 4); not in use until ${result.missing.map((p) => `f${p}`).join(', ')} ${result.missing.length > 1 ? 'are' : 'is'} imported too.`],
        staged: { have: result.staged, missing: result.missing },
      };
    }
    parsed = result;
  }
  // A whole zip supersedes any single parts of the same version staged earlier.
  if (parsed.kind === 'ptp' && zipped) await store.db.delete('meta', `import-ptp-parts:${parsed.slug}`);
  const inEffect = effective ?? parsed.effective;
  if (!inEffect) throw new ImportError(`cannot tell from ${file.name} from which date of service it applies; choose the effective date and import again`);
  const warnings = [...parsed.warnings];
  if (!effective && parsed.effectiveFrom) warnings.push(`In use for dates of service from ${inEffect} (taken from the ${parsed.effectiveFrom}).`);

  const datasetId = `${parsed.kind}-import-${parsed.slug}`;
  const checksum = await sha256Hex(file.bytes);
  const key = `${datasetId}#${checksum.slice(0, 16)}`;
  const built = buildRecords(key, parsed.content, new Set(), options.limits ?? DEFAULT_LIMITS);
  const entry: DatasetEntry = {
    key,
    id: datasetId,
    kind: parsed.kind,
    version: parsed.version,
    effective: inEffect,
    origin: 'import',
    checksum,
    rows: built.rows,
    state: 'staging',
    order: Date.now(),
    ...(parsed.content.kind === 'ptp' ? { rationales: parsed.content.rationales } : {}),
  };
  const existing = (await store.db.get('datasets', key)) as DatasetEntry | undefined;
  if (existing?.state === 'active' && existing.effective === inEffect) {
    return { kind: parsed.kind, datasetId, version: parsed.version, effective: inEffect, rows: existing.rows, warnings: [...warnings, 'This exact file was already imported; nothing changed.'] };
  }
  if (existing) await purgeGeneration(store.db, key); // same file, other effective date: rewrite
  let retired: string[];
  importsInProgress.add(key);
  try {
    retired = await writeGeneration(store.db, entry, built, options);
  } catch (error) {
    await purgeGeneration(store.db, key).catch(() => undefined);
    throw new ImportError(describeWriteError(error, `${file.name}`).message);
  } finally {
    importsInProgress.delete(key);
    clearReadCache(store.db);
  }
  for (const old of retired) await purgeGeneration(store.db, old);
  return { kind: parsed.kind, datasetId, version: parsed.version, effective: inEffect, rows: built.rows, warnings };
}
