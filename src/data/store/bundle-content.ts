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
import { iteratePtpBundle } from '../bundle-ptp';
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
    case 'ptp': {
      const rationales: string[] = [];
      const index = new Map<string, number>();
      const rationaleIndex = (text: string): number => {
        let i = index.get(text);
        if (i === undefined) {
          i = rationales.length;
          rationales.push(text);
          index.set(text, i);
        }
        return i;
      };
      function* groups(): Generator<PtpGroupRow> {
        for (const group of iteratePtpBundle(text, ref)) {
          yield {
            column1: group.column1,
            edits: group.edits.map((e) => ({
              column2: e.column2,
              effective: null, // the bundled table lacks CMS effective dates (PROVENANCE.md)
              deletion: e.deletion,
              modifierIndicator: e.modifierIndicator,
              rationale: rationaleIndex(e.rationale),
            })),
          };
        }
      }
      return { kind: 'ptp', groups: groups(), rationales };
    }
  }
}
