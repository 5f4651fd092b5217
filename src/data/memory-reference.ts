import type {
  ConversionFactor,
  CuratedCode,
  DatasetRef,
  GpciRecord,
  PtpEdit,
  ReferenceData,
  TipRule,
} from './reference';
import { datasetRef, type DatasetKind, type Manifest, type ManifestEntry } from './bundle-manifest';
import { RvuTable } from './bundle-rvu';
import { parseConversionFactorBundle, toConversionFactor, type ConversionFactorEntry } from './bundle-conversion-factor';
import { iterateGpciBundle, parseZipBundle, type GpciBundleRecord, type ZipLocality } from './bundle-gpci';
import { PtpIndex } from './bundle-ptp';
import { MueTable } from './bundle-mue';
import { HcpcsTable, type HcpcsRecord } from './bundle-hcpcs';
import { parseCuratedCodesBundle, parseTipsBundle } from './bundle-curated';
import { rvuDatasetOrder, selectConversionFactor, selectDataset } from './dataset-selection';

/** Bundle text, or a function that yields it on first use (lets loaders defer work). */
export type BundleSource = string | (() => string);

export interface BundleTexts {
  manifest: Manifest;
  /** Text of each dataset, by manifest id. Datasets without text are left out. */
  texts: ReadonlyMap<string, BundleSource>;
}

/** ReferenceData plus the lookups the popup, options page and CLI need beyond the engine. */
export interface MemoryReference extends ReferenceData {
  readonly manifest: Manifest;
  /** The dataset a ReferenceData answer for this kind and DOS comes from. */
  datasetFor(kind: DatasetKind, dos: string): DatasetRef | undefined;
  /** Locality for a 5-digit ZIP code (CMS ZIP5 file), if known. */
  localityForZip(zip: string): ZipLocality | undefined;
  /** Every locality of the GPCI dataset in effect for the DOS, in CMS order. */
  localities(dos: string): readonly GpciBundleRecord[];
  /** The full HCPCS Level II record (code or modifier). */
  hcpcs(code: string): HcpcsRecord | undefined;
  /** Every row of the PTP table in effect for the DOS for this pair (usually one). */
  ptpRows(column1: string, column2: string, dos: string): readonly PtpEdit[];
}

/** Parses on first use and remembers the result. */
function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}

interface Loaded<T> {
  dataset: DatasetRef;
  get: () => T;
}

/**
 * The whole reference in memory, built from bundle texts. Every dataset is parsed on its
 * first lookup (the PTP table one column-1 code at a time), so creating it is cheap.
 */
export function createMemoryReference(bundles: BundleTexts): MemoryReference {
  const { manifest } = bundles;
  const entries = (kind: DatasetKind): ManifestEntry[] => manifest.datasets.filter((e) => e.kind === kind && bundles.texts.has(e.id));
  const textOf = (entry: ManifestEntry): string => {
    const source = bundles.texts.get(entry.id);
    if (source === undefined) throw new Error(`no bundle text for dataset ${entry.id}`);
    return typeof source === 'function' ? source() : source;
  };
  function loaded<T>(kind: DatasetKind, parse: (text: string, dataset: DatasetRef) => T): Loaded<T>[] {
    return entries(kind).map((entry) => {
      const dataset = datasetRef(entry);
      return { dataset, get: lazy(() => parse(textOf(entry), dataset)) };
    });
  }
  function single<T>(kind: DatasetKind, parse: (text: string, id: string) => T, empty: T): () => T {
    const entry = entries(kind)[0];
    return entry ? lazy(() => parse(textOf(entry), entry.id)) : () => empty;
  }
  const pick = <T>(list: readonly Loaded<T>[], dos: string): Loaded<T> | undefined =>
    selectDataset(list.map((l) => ({ effective: l.dataset.effective, l })), dos)?.l;

  const rvu = loaded('rvu', (text, dataset) => new RvuTable(text, dataset));
  const gpci = loaded('gpci', (text, dataset) => [...iterateGpciBundle(text, dataset)]);
  const gpciByLocality = new Map<DatasetRef, Map<string, GpciRecord>>();
  const mue = loaded('mue', (text, dataset) => new MueTable(text, dataset));
  const ptp = loaded('ptp', (text, dataset) => new PtpIndex(text, dataset));
  const factors = single<ConversionFactorEntry[]>('conversion-factor', parseConversionFactorBundle, []);
  const zips = single<Map<string, ZipLocality>>('zip-locality', parseZipBundle, new Map());
  const hcpcs = single<HcpcsTable | undefined>('hcpcs', (text, id) => new HcpcsTable(text, id), undefined);
  const curated = single('curated-codes', (text, id) => new Map(parseCuratedCodesBundle(text, id).map((c) => [c.code, c])), new Map<string, CuratedCode>());
  const tips = single<readonly TipRule[]>('curated-tips', (text, id) => Object.freeze(parseTipsBundle(text, id)), []);

  // The engine asks for many pairs on one DOS: remember the table chosen per DOS.
  const ptpByDos = new Map<string, PtpIndex | undefined>();
  const ptpFor = (dos: string): PtpIndex | undefined => {
    if (!ptpByDos.has(dos)) ptpByDos.set(dos, pick(ptp, dos)?.get());
    return ptpByDos.get(dos);
  };

  const nationalGpci = (dataset: DatasetRef): GpciRecord => ({
    locality: 'national', mac: '', localityNumber: '', state: '', name: 'National (all GPCIs 1.0)', work: 1, pe: 1, mp: 1, dataset,
  });

  return {
    manifest,

    rvu(code, modifier, dos) {
      for (const table of rvuDatasetOrder(rvu.map((l) => ({ effective: l.dataset.effective, l })), dos)) {
        const record = table.l.get().get(code, modifier);
        if (record) return record;
      }
      return undefined;
    },

    conversionFactor(dos, qualifyingApm): ConversionFactor | undefined {
      const entry = selectConversionFactor(factors(), dos, qualifyingApm);
      return entry ? toConversionFactor(entry) : undefined;
    },

    gpci(locality, dos) {
      const table = pick(gpci, dos);
      if (!table) return undefined;
      if (locality.trim().toLowerCase() === 'national') return nationalGpci(table.dataset);
      let byLocality = gpciByLocality.get(table.dataset);
      if (!byLocality) {
        byLocality = new Map(table.get().map((g) => [g.locality, g]));
        gpciByLocality.set(table.dataset, byLocality);
      }
      return byLocality.get(locality.trim());
    },

    ptpEdit(column1, column2, dos) {
      return ptpFor(dos)?.edit(column1, column2, dos);
    },

    mue(code, dos) {
      return pick(mue, dos)?.get().get(code);
    },

    hcpcsDescription(code) {
      return hcpcs()?.get(code)?.longDescription;
    },

    curatedCode(code) {
      return curated().get(code);
    },

    tips() {
      return tips();
    },

    isKnownCode(raw) {
      const code = raw.trim().toUpperCase();
      if (!/^[0-9A-Z]{5}$/.test(code)) return false;
      return (
        rvu.some((t) => t.get().hasCode(code)) ||
        (hcpcs()?.has(code) ?? false) ||
        mue.some((t) => t.get().has(code)) ||
        ptp.some((t) => t.get().hasCode(code))
      );
    },

    datasetFor(kind, dos) {
      if (kind === 'rvu' || kind === 'gpci' || kind === 'mue' || kind === 'ptp') {
        const list = { rvu, gpci, mue, ptp }[kind] as Loaded<unknown>[];
        return pick(list, dos)?.dataset;
      }
      const entry = selectDataset(entries(kind), dos);
      return entry ? datasetRef(entry) : undefined;
    },

    localityForZip(zip) {
      return zips().get(zip.trim().slice(0, 5));
    },

    localities(dos) {
      return pick(gpci, dos)?.get() ?? [];
    },

    hcpcs(code) {
      return hcpcs()?.get(code.trim().toUpperCase());
    },

    ptpRows(column1, column2, dos) {
      return ptpFor(dos)?.rows(column1, column2) ?? [];
    },
  };
}
