/**
 * A dataset as parsed (from a bundle or an imported CMS file), before it becomes store
 * records. Both the seed and the import write through this shape.
 */
import type { ConversionFactorEntry } from '../bundle-conversion-factor';
import type { CuratedCode, GpciRecord, MueRecord, RvuRecord, TipRule } from '../reference';

export type RvuRow = Omit<RvuRecord, 'dataset'> & { description?: string };
export type GpciRow = Omit<GpciRecord, 'dataset'>;
export type MueRow = Omit<MueRecord, 'dataset'>;

export interface HcpcsRow {
  code: string;
  longDescription: string;
  shortDescription: string;
}

/** All edits headed by one column-1 code, packed as in ptp-pack.ts. */
export interface PtpGroupRow {
  column1: string;
  packed: string;
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
