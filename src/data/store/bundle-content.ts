/**
 * Bundled file bytes → DatasetContent, through the data engineer's pure bundle parsers.
 */
import { gunzipSync } from 'fflate';
import { parseConversionFactorBundle } from '../bundle-conversion-factor';
import { parseCuratedCodesBundle, parseTipsBundle } from '../bundle-curated';
import { parseGpciBundle, parseZipBundle } from '../bundle-gpci';
import { parseHcpcsBundle } from '../bundle-hcpcs';
import { datasetRef, type ManifestEntry } from '../bundle-manifest';
import { parseMueBundle } from '../bundle-mue';
import { PtpIndex } from '../bundle-ptp';
import { BundleFormatError } from '../bundle-text';
import type { DatasetRef } from '../reference';
import { parseRvuBundle } from '../bundle-rvu';
import type { DatasetContent, PtpGroupRow } from './content';

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function bundleText(entry: ManifestEntry, bytes: Uint8Array): string {
  const raw = entry.file.endsWith('.gz') ? gunzipSync(bytes) : bytes;
  return new TextDecoder('utf-8', { fatal: true }).decode(raw);
}

export function bundleContent(entry: ManifestEntry, text: string): DatasetContent {
  const ref = datasetRef(entry);
  switch (entry.kind) {
    case 'rvu':
      return { kind: 'rvu', rows: parseRvuBundle(text, ref) };
    case 'gpci':
      return { kind: 'gpci', rows: parseGpciBundle(text, ref) };
    case 'mue':
      return { kind: 'mue', rows: parseMueBundle(text, ref) };
    case 'hcpcs':
      return { kind: 'hcpcs', rows: parseHcpcsBundle(text, entry.id) };
    case 'conversion-factor':
      return { kind: 'conversion-factor', factors: parseConversionFactorBundle(text, entry.id) };
    case 'curated-codes':
      return { kind: 'curated-codes', codes: parseCuratedCodesBundle(text, entry.id) };
    case 'curated-tips':
      return { kind: 'curated-tips', tips: parseTipsBundle(text, entry.id) };
    case 'zip-locality':
      return { kind: 'zip-locality', rows: [...parseZipBundle(text, entry.id).values()] };
    case 'ptp':
      return ptpBundleContent(text, entry.id, ref);
  }
}

/** One group of a bundle PTP line: `deletion/modifier/rationale:codes` (see bundle-ptp.ts). */
const PTP_GROUP = /^(?:\*|\d{8})\/[019]\/(\d+):[0-9A-Z]{5}(?:,[0-9A-Z]{5})*$/;

/**
 * PTP bundle lines are already grouped by column 1 in the packed format the store keeps,
 * so they are stored as they are, after a per-group syntax check (the bundle parser's full
 * per-edit objects would cost seconds for 2.5 million pairs; the manifest checksum already
 * vouches for the bytes). PtpIndex checks the header and the line structure.
 */
function ptpBundleContent(text: string, datasetId: string, ref: DatasetRef): DatasetContent {
  const index = new PtpIndex(text, ref);
  const rationales = [...index.rationales];
  function* groups(): Generator<PtpGroupRow> {
    let pos = 0;
    let line = 1;
    while (pos < text.length) {
      let end = text.indexOf('\n', pos);
      if (end === -1) end = text.length;
      const row = text.slice(pos, end).replace(/\r$/, '');
      pos = end + 1;
      const tab = row.indexOf('\t');
      const column1 = row.slice(0, tab);
      if (line++ === 1 || row === '' || column1 === 'R' || column1 === 'K') continue;
      const packed = row.slice(tab + 1);
      for (const group of packed.split(';')) {
        const match = PTP_GROUP.exec(group);
        if (!match || Number(match[1]) >= rationales.length) {
          throw new BundleFormatError(datasetId, line - 1, `edit group ${JSON.stringify(group.slice(0, 40))} is not deletion/modifier/rationale:codes`);
        }
      }
      yield { column1, packed };
    }
  }
  return { kind: 'ptp', groups: groups(), rationales };
}
