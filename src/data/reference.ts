/**
 * The one interface the rules engine reads reference data through.
 *
 * It is synchronous on purpose: the engine is a pure function that must run on every
 * keystroke. Implementations:
 *  - the in-memory bundle reference (Node: CLI, unit tests, benchmarks), which holds
 *    every bundled dataset;
 *  - the prefetched reference (service worker), which reads just the codes of one claim
 *    from IndexedDB by index and then answers synchronously.
 * Choosing the dataset in effect for a date of service happens behind this interface.
 */

/** Where a record comes from: shown to billers next to every number. */
export interface DatasetRef {
  /** Stable id, e.g. "rvu-2025", "ptp-2024q3", "mue-2026q2". */
  id: string;
  /** As CMS names it, e.g. "RVU25D (October 2025)", "NCCI practitioner PTP v30.2 (2024 Q3)". */
  version: string;
  /** First date of service it applies to, YYYY-MM-DD. */
  effective: string;
}

/** One row of a PFS relative value file (code + modifier). */
export interface RvuRecord {
  code: string;
  /** '' for the global row; '26', 'TC', '53', … otherwise. */
  modifier: string;
  /** PFS status code: A, R, B, C, I, N, E, X, P, T, M, J, … */
  status: string;
  work: number;
  peNonFacility: number;
  peFacility: number;
  mp: number;
  /** NA indicator: the setting has no PE RVU of its own (CMS pays the other setting's). */
  naNonFacility: boolean;
  naFacility: boolean;
  /** PC/TC indicator (7 = therapy, 0, 1, 2, …). */
  pctc: string;
  /** Global days: 000, 010, 090, XXX, YYY, ZZZ, MMM. */
  globalDays: string;
  /** Multiple procedure indicator (5 = therapy MPPR). */
  multProc: string;
  /** Conversion factor printed in the file. */
  conversionFactor: number;
  dataset: DatasetRef;
}

export interface ConversionFactor {
  year: number;
  value: number;
  /** e.g. "CY2025 PFS final rule (RVU25D)" or "CY2026, non-qualifying APM participant (RVU26C)". */
  source: string;
}

export interface GpciRecord {
  /** "MAC-LL", e.g. "01112-05". */
  locality: string;
  mac: string;
  localityNumber: string;
  state: string;
  name: string;
  work: number;
  pe: number;
  mp: number;
  dataset: DatasetRef;
}

export type PtpModifierIndicator = 0 | 1 | 9;

export interface PtpEdit {
  column1: string;
  column2: string;
  /** YYYY-MM-DD of deletion, or null when still active. The edit applies before that date. */
  deletion: string | null;
  modifierIndicator: PtpModifierIndicator;
  rationale: string;
  dataset: DatasetRef;
}

export type MueAdjudicationIndicator = 1 | 2 | 3;

export interface MueRecord {
  code: string;
  value: number;
  mai: MueAdjudicationIndicator;
  rationale: string;
  dataset: DatasetRef;
}

/** How the units of a code are counted (curated, each entry with its source). */
export interface CuratedCode {
  code: string;
  /** timed: units from minutes; untimed: one per session. */
  kind: 'timed' | 'untimed';
  /** Minutes per unit for timed codes (15 for most; 97545 120; 97546 60). */
  unitMinutes?: number;
  /** On the CMS "always therapy" list: needs GP, GO or GN. */
  alwaysTherapy: boolean;
  /** Our own plain-language summary (never the AMA descriptor). */
  summary?: string;
  source: string;
}

/** A data-driven billing tip; the engine evaluates its conditions. */
export interface TipRule {
  id: string;
  /** Codes whose presence triggers the tip. */
  codes: string[];
  /** Only when one of these codes is on the same date of service. */
  withCodes?: string[];
  /** Only when none of these modifiers is on the line. */
  missingModifiers?: string[];
  /** Only for these payers. */
  payers?: Array<'medicare' | 'commercial' | 'workers-comp'>;
  /** Only when the line has more than this many units. */
  unitsAbove?: number;
  severity: 'info' | 'warning';
  /** Our own words; no invented statistics. */
  message: string;
  source: string;
}

export interface ReferenceData {
  /** RVU row for the year of the date of service (falls back per the dataset rules). */
  rvu(code: string, modifier: string, dos: string): RvuRecord | undefined;
  conversionFactor(dos: string, qualifyingApm: boolean): ConversionFactor | undefined;
  /** GPCIs for "MAC-LL"; undefined for unknown localities. "national" is all 1.0. */
  gpci(locality: string, dos: string): GpciRecord | undefined;
  /** The PTP edit for this ordered pair in the table in effect for the DOS, if any. */
  ptpEdit(column1: string, column2: string, dos: string): PtpEdit | undefined;
  mue(code: string, dos: string): MueRecord | undefined;
  /** HCPCS Level II long description (public domain); undefined for CPT codes. */
  hcpcsDescription(code: string): string | undefined;
  curatedCode(code: string): CuratedCode | undefined;
  tips(): readonly TipRule[];
  /** Does the code exist in any dataset (RVU, HCPCS, MUE, PTP)? */
  isKnownCode(code: string): boolean;
}
