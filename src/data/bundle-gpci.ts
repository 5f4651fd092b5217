import type { DatasetRef, GpciRecord } from './reference';
import { BundleFormatError, FieldReader, bundleLines, tabularRows, type TabularHeader } from './bundle-text';

/**
 * GPCI bundle (gpci-2025.tsv): one line per Medicare locality (CMS Addendum E) joined
 * with its fee schedule area and counties from 25LOCCO.
 */
export const GPCI_HEADER: TabularHeader = {
  magic: '# claimlens gpci v1',
  columns: ['locality', 'mac', 'localityNumber', 'state', 'name', 'work', 'pe', 'mp', 'floor', 'feeScheduleArea', 'counties'],
};

export interface GpciBundleRecord extends GpciRecord {
  /** CMS footnote on a floor applied to this locality ('' when none). */
  floor: string;
  /** 25LOCCO fee schedule area, e.g. "REST OF STATE". */
  feeScheduleArea: string;
  /** 25LOCCO counties, as CMS lists them. */
  counties: string;
}

export const LOCALITY_PATTERN = /^\d{5}-\d{2}$/;

export function localityId(mac: string, localityNumber: string): string {
  return `${mac}-${localityNumber}`;
}

export function* iterateGpciBundle(text: string, dataset: DatasetRef): Generator<GpciBundleRecord> {
  const f = new FieldReader(dataset.id, GPCI_HEADER.columns);
  for (const { fields, line } of tabularRows(dataset.id, text, GPCI_HEADER)) {
    f.at(fields, line);
    const locality = f.matching('locality', LOCALITY_PATTERN, 'a MAC-LL locality id');
    const mac = f.matching('mac', /^\d{5}$/, 'a 5-digit MAC number');
    const localityNumber = f.matching('localityNumber', /^\d{2}$/, 'a 2-digit locality number');
    if (locality !== localityId(mac, localityNumber)) f.fail(`locality ${locality} does not match MAC ${mac} and locality ${localityNumber}`);
    const record: GpciBundleRecord = {
      locality,
      mac,
      localityNumber,
      state: f.matching('state', /^[A-Z]{2}$/, 'a state abbreviation'),
      name: f.required('name'),
      work: f.number('work'),
      pe: f.number('pe'),
      mp: f.number('mp'),
      floor: f.text('floor'),
      feeScheduleArea: f.text('feeScheduleArea'),
      counties: f.text('counties'),
      dataset,
    };
    for (const gpci of [record.work, record.pe, record.mp]) {
      if (gpci <= 0 || gpci > 3) f.fail(`GPCI ${gpci} is outside (0, 3]`);
    }
    yield record;
  }
}

export function parseGpciBundle(text: string, dataset: DatasetRef): GpciBundleRecord[] {
  return [...iterateGpciBundle(text, dataset)];
}

/**
 * ZIP bundle (zip-locality-2025q4.txt.gz): the CMS ZIP5 file grouped by locality.
 * After the magic line, each line is `MAC-LL<TAB>state<TAB>zip,zip,…` (ZIPs ascending).
 */
export const ZIP_MAGIC = '# claimlens zip-locality v1';

export interface ZipLocality {
  zip: string;
  /** "MAC-LL" */
  locality: string;
  state: string;
}

export function* iterateZipBundle(text: string, datasetId: string): Generator<ZipLocality> {
  const lines = bundleLines(text);
  const magic = lines.next();
  if (magic.done || magic.value.text !== ZIP_MAGIC) {
    throw new BundleFormatError(datasetId, 1, `expected format line ${JSON.stringify(ZIP_MAGIC)}`);
  }
  for (const { text: row, line } of lines) {
    if (row === '') continue;
    const [locality, state, zips, extra] = row.split('\t');
    if (extra !== undefined || zips === undefined || state === undefined || locality === undefined) {
      throw new BundleFormatError(datasetId, line, 'expected MAC-LL, state and ZIP list separated by tabs');
    }
    if (!LOCALITY_PATTERN.test(locality)) throw new BundleFormatError(datasetId, line, `${JSON.stringify(locality)} is not a MAC-LL locality id`);
    if (!/^[A-Z]{2}$/.test(state)) throw new BundleFormatError(datasetId, line, `${JSON.stringify(state)} is not a state abbreviation`);
    for (const zip of zips.split(',')) {
      if (!/^\d{5}$/.test(zip)) throw new BundleFormatError(datasetId, line, `${JSON.stringify(zip)} is not a 5-digit ZIP code`);
      yield { zip, locality, state };
    }
  }
}

/** ZIP5 → locality map (42,956 entries for October 2025). */
export function parseZipBundle(text: string, datasetId: string): Map<string, ZipLocality> {
  const byZip = new Map<string, ZipLocality>();
  for (const entry of iterateZipBundle(text, datasetId)) byZip.set(entry.zip, entry);
  return byZip;
}
