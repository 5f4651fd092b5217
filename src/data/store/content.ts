/**
 * A dataset as parsed (from a bundle or an imported CMS file), before it becomes store
 * records. Both the seed and the import write through this shape.
 */
import type { ConversionFactorEntry } from '../bundle-conversion-factor';
import type { CuratedCode, GpciRecord, MueRecord, PtpModifierIndicator, RvuRecord, TipRule } from '../reference';

export type RvuRow = Omit<RvuRecord, 'dataset'> & { description?: string };
export type GpciRow = Omit<GpciRecord, 'dataset'>;
export type MueRow = Omit<MueRecord, 'dataset'>;

export interface HcpcsRow {
  code: string;
  longDescription: string;
  shortDescription: string;
}

export interface PtpRowEdit {
  column2: string;
  /** YYYY-MM-DD, or null when the source does not give it (the bundled 2024 Q3 table). */
  effective: string | null;
  deletion: string | null;
  modifierIndicator: PtpModifierIndicator;
  /** Index into the content's `rationales`. */
  rationale: number;
}

/** All edits headed by one column-1 code. */
export interface PtpGroupRow {
  column1: string;
  edits: PtpRowEdit[];
}

export interface ZipRow {
  zip: string;
  locality: string;
  state: string;
}

export type DatasetContent =
  | { kind: 'rvu'; rows: RvuRow[] }
  | { kind: 'gpci'; rows: GpciRow[] }
  | { kind: 'mue'; rows: MueRow[] }
  | { kind: 'hcpcs'; rows: HcpcsRow[] }
  | { kind: 'ptp'; groups: Iterable<PtpGroupRow>; rationales: string[] }
  | { kind: 'curated-codes'; codes: CuratedCode[] }
  | { kind: 'curated-tips'; tips: TipRule[] }
  | { kind: 'conversion-factor'; factors: ConversionFactorEntry[] }
  | { kind: 'zip-locality'; rows: ZipRow[] };
