/**
 * The reference-data store: CMS datasets kept in IndexedDB (database "claimlens").
 *
 * This module is the whole public surface the service worker, popup and options page use.
 * Everything is fetch-free: callers hand in bytes (bundled files read by the extension,
 * files the user picked in the options page). Nothing here touches the DOM.
 *
 * Usage (service worker):
 *
 * ```ts
 * import { openReferenceStore, seedFromBundles, prefetchReference, lookupCode,
 *          searchCodes, importCmsFile, getSeedStatus, listDatasets, removeImportedDataset,
 *          ImportError } from '../src/data/store/api';
 * import { checkClaim } from '../src/rules/check-claim';
 *
 * const store = await openReferenceStore();
 * // On every worker start (cheap when already seeded; resumes a seed that was cut off):
 * const manifest = await (await fetch(browser.runtime.getURL('/data/manifest.json'))).json();
 * void seedFromBundles(store, {
 *   manifest,
 *   readFile: async (name) => new Uint8Array(await (await fetch(browser.runtime.getURL(`/data/${name}`))).arrayBuffer()),
 * }, (p) => console.debug('seed', p.dataset, p.fraction));
 *
 * // Checking one claim: read just what it needs, then run the synchronous engine.
 * const ref = await prefetchReference(store, claim.lines.map((l) => l.code), claim.lines.map((l) => l.dos));
 * const result = checkClaim(claim, ref);
 * if (ref.pending.length) note(`still loading: ${ref.pending.join('; ')}`); // e.g. "ptp (99213, 96372)"
 *
 * // Popup:
 * const card = await lookupCode(store, '97530', { dos: '2026-11-23', locality: '01112-05', setting: 'nonFacility' });
 * const hits = await searchCodes(store, 'therapeutic act', 10); // also "97530-GP", "9753", "G02"
 *
 * // Options page (user picked a file):
 * try {
 *   const report = await importCmsFile(store, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
 *   show(report.staged ? report.warnings[0] : `${report.kind} ${report.version}: ${report.rows} rows, in use from ${report.effective}`);
 * } catch (e) {
 *   if (e instanceof ImportError) show(e.message); // names the problem (and line); data in use unchanged
 * }
 * const datasets = await listDatasets(store);          // bundled + imported, readable ones
 * await removeImportedDataset(store, 'ptp-import-v322r0');
 * ```
 *
 * How it is kept (see schema.ts, records.ts):
 * - One registry entry per dataset generation (`datasets` store, key `${id}#${sha256 prefix}`),
 *   state staging → partial → active → retired. Readers use only active and partial entries;
 *   a partial entry answers only for its `coveredCodes` (the curated therapy codes, whose RVU,
 *   MUE and PTP rows are written and switched on first). Everything else is "pending": never
 *   answered from a half-written dataset.
 * - Rows are grouped into buckets by code prefix (one IndexedDB write per bucket): RVU, MUE,
 *   HCPCS, ZIP by 3 characters, PTP by 4, search words by 2. The PTP table is one packed item
 *   per column-1 code plus one per column-2 code (reverse), never one record per pair.
 * - Seeding writes bounded chunks (≤ 5,000 records / ≤ 100,000 rows per transaction), each with
 *   its progress in `meta`, so a stopped worker resumes at the next chunk.
 * - Imports are staged under a new generation and switched on in their last transaction; a
 *   failure deletes the staged rows. Schema upgrades only add stores: imports and the `user`
 *   store survive; bundled datasets are re-seeded when their manifest sha256 changes.
 */
import type {
  CuratedCode,
  ConversionFactor,
  DatasetRef,
  GpciRecord,
  MueRecord,
  PtpEdit,
  ReferenceData,
  RvuRecord,
  TipRule,
} from '../reference';
import type { DatasetKind as ManifestDatasetKind } from '../bundle-manifest';

export { DB_NAME, DB_VERSION } from './schema';

/** An open store. Keep one per worker / page; `close()` when the page goes away. */
export interface ReferenceStore {
  /** The idb database handle (internal; use the functions of this module). */
  readonly db: import('idb').IDBPDatabase<unknown>;
  close(): void;
}

/** Kinds of datasets the store holds (the bundle manifest's kinds). */
export type DatasetKind = ManifestDatasetKind;

/** Where a dataset came from: shipped with the extension, or imported by the user. */
export type DatasetOrigin = 'bundle' | 'import';

export interface DatasetStatus {
  id: string;
  kind: DatasetKind;
  version: string;
  /** First date of service it applies to, YYYY-MM-DD. */
  effective: string;
  origin: DatasetOrigin;
  /** Records (rows of the CMS table) written so far / in total. */
  rows: number;
  /** All chunks written and switched active. */
  complete: boolean;
  /**
   * Readers may already answer from it: complete, or (PTP) its therapy codes are fully
   * written and switched on first while the rest of the table is still being written.
   * Check `coverage` before relying on it for a non-therapy code. Always set by the store.
   */
  readable?: boolean;
  /** Codes readers may rely on: 'all', 'therapy' (PTP still seeding the rest) or 'none'. Always set by the store. */
  coverage?: 'all' | 'therapy' | 'none';
}

export interface SeedStatus {
  /** Every bundled dataset is active. */
  complete: boolean;
  /** Bundled and imported datasets, in seed order. */
  datasets: DatasetStatus[];
  /** 0..1 over all bundled chunks. */
  progress: number;
}

/** Progress callback payload while seeding. */
export interface SeedProgress {
  dataset: string;
  chunk: number;
  chunks: number;
  /** 0..1 over all bundled chunks. */
  fraction: number;
}

/** What the extension can read: the bundle manifest and the raw bundle files. */
export interface BundleSource {
  /** The bundle manifest as shipped in data/bundles (parsed JSON; validated here). */
  manifest: unknown;
  /** Raw file bytes as in data/bundles (gzip where the name ends in .gz). */
  readFile(name: string): Promise<Uint8Array>;
}

export type Setting = 'nonFacility' | 'facility';

export interface LookupOptions {
  /** Date of service, YYYY-MM-DD: picks the datasets in effect. */
  dos: string;
  /** "MAC-LL" locality for GPCIs; omitted or "national" = all 1.0. */
  locality?: string;
  setting?: Setting;
  /** Most PTP edits listed per direction (default 50); totals are always given. */
  ptpLimit?: number;
}

/** One RVU row of one year, as shown in the popup. */
export interface CodeCardRvu {
  year: number;
  record: RvuRecord;
  conversionFactor?: ConversionFactor;
}

export interface CodeCardPtp {
  /** Edits where this code is column 1 (the other code is denied), active on the DOS. */
  asColumn1: PtpEdit[];
  /** Edits where this code is column 2 (this code is denied), active on the DOS. */
  asColumn2: PtpEdit[];
  totalAsColumn1: number;
  totalAsColumn2: number;
  /** The PTP table in effect for the DOS, if any is loaded. */
  dataset?: DatasetRef;
}

/** Everything the popup shows for one code. */
export interface CodeCard {
  code: string;
  /** Found in any dataset. */
  known: boolean;
  /** Our plain-language summary (curated), never the AMA descriptor. */
  curated?: CuratedCode;
  /** HCPCS Level II long description (public domain); undefined for CPT codes. */
  hcpcsDescription?: string;
  /** PFS status code of the DOS year's RVU row and what it means for payment. */
  status?: { code: string; meaning: string };
  /** Global (no modifier) RVU rows for 2025 and 2026 where data exists. */
  rvu: CodeCardRvu[];
  gpci?: GpciRecord;
  ptp: CodeCardPtp;
  /** MUE per loaded dataset, newest first (marks the one in effect for the DOS). */
  mue: Array<MueRecord & { inEffect: boolean }>;
  tips: TipRule[];
  /** Datasets not yet loaded that could change this card (seed still running). */
  pending: string[];
}

export interface CodeSearchHit {
  code: string;
  /** Curated summary or HCPCS Level II short description; '' when we have no words. */
  label: string;
}

export type ImportKind = 'ptp' | 'mue' | 'rvu' | 'gpci';

export interface ImportReport {
  kind: ImportKind;
  /** New dataset id, e.g. "ptp-import-v322r0". */
  datasetId: string;
  /** As CMS names it, e.g. "NCCI practitioner PTP v32.2 rev 0". */
  version: string;
  /** YYYY-MM-DD; the dataset is used for dates of service from this date on. */
  effective: string;
  rows: number;
  warnings: string[];
  /** A single PTP .txt part: staged until all four parts (f1–f4) of its version are imported. */
  staged?: { have: number[]; missing: number[] };
}

export { ImportError } from '../import/errors';

export type {
  CuratedCode,
  ConversionFactor,
  DatasetRef,
  GpciRecord,
  MueRecord,
  PtpEdit,
  ReferenceData,
  RvuRecord,
  TipRule,
};

/* ---------------------------------------------------------------------------------------
 * Functions (implemented in the sibling modules named).
 * ------------------------------------------------------------------------------------- */

/** Opens (and creates / upgrades) the "claimlens" database. */
export { openReferenceStore } from './open';

/**
 * Seeds (or resumes seeding) every bundled dataset whose checksum is not yet active.
 * Resumable: progress is recorded per chunk, a killed worker continues where it stopped.
 * Therapy codes become answerable first. Safe to call concurrently (second call waits).
 */
export { seedFromBundles } from './seed';

export { getSeedStatus } from './seed';

/**
 * Reads only what one claim needs (by key, no scans) and returns a synchronous
 * ReferenceData for the engine. Codes may be in any common format ("97530-GP").
 */
export { prefetchReference, type PrefetchedReference, type PrefetchOptions } from './prefetch';

/** Everything the popup shows for one code. Unknown codes give `known: false`. */
export { lookupCode } from './lookup';

/** Codes ("97530", "97530-GP", "g0283") or words (prefix match on our summaries and HCPCS II descriptions). */
export { searchCodes } from './search';

/**
 * Imports a CMS file: NCCI practitioner PTP zip (or one of its .txt parts), practitioner MUE
 * CSV, PFS RVU (PPRRVU) CSV or GPCI CSV. Kind is detected from content. Throws ImportError
 * for broken/wrong files; the data in use is unchanged.
 * @param effective YYYY-MM-DD override of the first date of service it applies to.
 */
export { importCmsFile, parseCmsFile, type ImportOptions } from '../import/import-file';

/** listDatasets(store): every readable dataset, bundled and imported, for the options page. */
export { listDatasets, removeImportedDataset } from './datasets';

/** removeImportedDataset(store, id): removes an imported dataset (bundled ones cannot be removed). */
