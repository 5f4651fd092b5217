/**
 * A small bundle set in the data engineer's bundle formats, for fast store tests.
 * Values of the therapy rows are copied from the CMS files (RVU25D, RVU26C extract,
 * NCCI PTP 2024 Q3, MUE 2026 Q2 and 2024 Q3, GPCI 2025); the non-therapy PTP lines are
 * real-looking padding that lets the tests cut the seed into many chunks.
 */
import { gzipSync } from 'fflate';
import { GPCI_HEADER, HCPCS_HEADER, MANIFEST_FORMAT, MUE_HEADER, PTP_MAGIC, RVU_HEADER, formatTabularHeader, type Manifest, type ManifestEntry } from '../../../src/data/bundle-format';
import type { BundleSource } from '../../../src/data/store/api';
import { sha256Hex } from '../../../src/data/store/bundle-content';

const rvuRow = (code: string, work: string, pe: string, mp: string, cf: string, description = '', status = 'A', pctc = '7', mult = '5') =>
  [code, '', status, '', work, pe, '', pe, 'NA', mp, pctc, 'XXX', mult, cf, description].join('\t');

export const FILES: Record<string, string> = {
  'curated-codes.json': JSON.stringify({
    entries: [
      { code: '97530', kind: 'timed', unitMinutes: 15, alwaysTherapy: true, summary: 'Dynamic activities to improve functional performance, per 15 minutes.', source: 'test fixture' },
      { code: '97150', kind: 'untimed', alwaysTherapy: true, summary: 'Therapeutic procedures in a group of two or more patients.', source: 'test fixture' },
      { code: '97110', kind: 'timed', unitMinutes: 15, alwaysTherapy: true, summary: 'Therapeutic exercise for strength and range of motion, per 15 minutes.', source: 'test fixture' },
    ],
  }),
  'curated-tips.json': JSON.stringify({ tips: [{ id: 'group-and-one-on-one', codes: ['97150'], withCodes: ['97530'], severity: 'info', message: 'Group and one-on-one therapy on the same day need separate time.', source: 'test fixture' }] }),
  'conversion-factors.json': JSON.stringify({
    format: 'claimlens-conversion-factors-v1',
    factors: [
      { year: 2025, value: 32.3465, appliesTo: 'all', source: 'CY2025 PFS (RVU25D)' },
      { year: 2026, value: 33.4009, appliesTo: 'non-qualifying-apm', source: 'CY2026 non-QP (RVU26C)' },
      { year: 2026, value: 33.5675, appliesTo: 'qualifying-apm', source: 'CY2026 QP' },
    ],
  }),
  'gpci-2025.tsv':
    formatTabularHeader(GPCI_HEADER) +
    ['01112-05\t01112\t05\tCA\tSAN FRANCISCO\t1.088\t1.419\t0.445\t\tSF\tSAN FRANCISCO', '10112-00\t10112\t00\tAL\tALABAMA\t1\t0.869\t0.575\t\tSTATEWIDE\tALL COUNTIES'].join('\n') +
    '\n',
  'rvu-2025.tsv.gz':
    formatTabularHeader(RVU_HEADER) +
    [
      rvuRow('97110', '0.45', '0.43', '0.01', '32.3465'),
      rvuRow('97140', '0.43', '0.40', '0.01', '32.3465'),
      rvuRow('97150', '0.29', '0.24', '0.01', '32.3465'),
      rvuRow('97530', '0.44', '0.62', '0.01', '32.3465'),
      rvuRow('G0283', '0.18', '0.19', '0.01', '32.3465', 'Elec stim other than wound'),
      rvuRow('99213', '1.30', '1.10', '0.09', '32.3465', '', 'A', '0', '2'),
    ].join('\n') +
    '\n',
  'rvu-2026.tsv':
    formatTabularHeader(RVU_HEADER) +
    [rvuRow('97110', '0.45', '0.41', '0.01', '33.4009'), rvuRow('97150', '0.29', '0.24', '0.01', '33.4009'), rvuRow('97530', '0.44', '0.60', '0.01', '33.4009')].join('\n') +
    '\n',
  'mue-2026q2.tsv.gz':
    formatTabularHeader(MUE_HEADER) + ['97110\t6\t3\tClinical: Data', '97150\t1\t3\tClinical: Data', '97530\t6\t3\tClinical: Data', '99213\t1\t2\tCode Descriptor / CPT Instruction'].join('\n') + '\n',
  'mue-2024q3.tsv.gz': formatTabularHeader(MUE_HEADER) + ['97110\t6\t3\tClinical: Data', '97530\t6\t3\tClinical: Data'].join('\n') + '\n',
  'ptp-2024q3.txt.gz': [
    PTP_MAGIC,
    'R\t0\tMutually exclusive procedures',
    'R\t1\tStandards of medical / surgical practice',
    'K\t97110,97112',
    '0029T\t20081231/1/0:97530,97110',
    '97140\t20191231/1/0:97530;*/0/1:97750',
    '97150\t*/1/0:97530,97750',
    '97530\t19960101/9/0:97110;*/1/1:97750',
    '99213\t*/1/1:36000,36410,96372,97750',
    '99214\t*/1/1:36000,36410,96372',
    '99215\t*/1/1:36000,36410',
    '',
  ].join('\n'),
  'hcpcs-2025oct.tsv.gz':
    formatTabularHeader(HCPCS_HEADER) +
    [
      'G0283\tcode\tElectrical stimulation (unattended), to one or more areas for indication(s) other than wound care, as part of a therapy plan of care\tElec stim other than wound\t\t2002-01-01\t2002-01-01\t\tN',
      'GP\tmodifier\tServices delivered under an outpatient physical therapy plan of care\tServices by physical therapist\t\t1998-01-01\t1998-01-01\t\tN',
    ].join('\n') +
    '\n',
};

const META: Array<Pick<ManifestEntry, 'id' | 'kind' | 'version' | 'effective'> & { file: string; rows: number }> = [
  { id: 'curated-codes', kind: 'curated-codes', version: 'ClaimLens curated codes', effective: '2025-01-01', file: 'curated-codes.json', rows: 3 },
  { id: 'curated-tips', kind: 'curated-tips', version: 'ClaimLens tips', effective: '2025-01-01', file: 'curated-tips.json', rows: 1 },
  { id: 'conversion-factors', kind: 'conversion-factor', version: 'PFS conversion factors', effective: '2025-01-01', file: 'conversion-factors.json', rows: 3 },
  { id: 'gpci-2025', kind: 'gpci', version: 'GPCI 2025 (RVU25D)', effective: '2025-01-01', file: 'gpci-2025.tsv', rows: 2 },
  { id: 'rvu-2025', kind: 'rvu', version: 'RVU25D (October 2025)', effective: '2025-01-01', file: 'rvu-2025.tsv.gz', rows: 6 },
  { id: 'rvu-2026', kind: 'rvu', version: 'RVU26C (July 2026) 97xxx extract', effective: '2026-01-01', file: 'rvu-2026.tsv', rows: 3 },
  { id: 'mue-2024q3', kind: 'mue', version: 'MUE practitioner 2024 Q3', effective: '2024-07-01', file: 'mue-2024q3.tsv.gz', rows: 2 },
  { id: 'mue-2026q2', kind: 'mue', version: 'MUE practitioner 2026 Q2', effective: '2026-04-01', file: 'mue-2026q2.tsv.gz', rows: 4 },
  { id: 'ptp-2024q3', kind: 'ptp', version: 'NCCI practitioner PTP v30.2 (2024 Q3)', effective: '2024-07-01', file: 'ptp-2024q3.txt.gz', rows: 17 },
  { id: 'hcpcs-2025oct', kind: 'hcpcs', version: 'HCPCS Level II October 2025', effective: '2025-10-01', file: 'hcpcs-2025oct.tsv.gz', rows: 2 },
];

export function fileBytes(name: string, files: Record<string, string> = FILES): Uint8Array {
  const text = files[name];
  if (text === undefined) throw new Error(`no such test bundle ${name}`);
  const raw = new TextEncoder().encode(text);
  return name.endsWith('.gz') ? gzipSync(raw, { mtime: 0 }) : raw;
}

/** A BundleSource over the mini bundles; `reads` counts readFile calls per file. */
export async function miniSource(files: Record<string, string> = FILES): Promise<BundleSource & { reads: Map<string, number> }> {
  const datasets: ManifestEntry[] = [];
  for (const meta of META) {
    const bytes = fileBytes(meta.file, files);
    datasets.push({ ...meta, source: { file: meta.file, provenance: 'test' }, sha256: await sha256Hex(bytes), bytes: bytes.length, lacks: [] });
  }
  const manifest: Manifest = { format: MANIFEST_FORMAT, builtBy: 'test', datasets };
  const reads = new Map<string, number>();
  return {
    manifest,
    reads,
    readFile: async (name) => {
      reads.set(name, (reads.get(name) ?? 0) + 1);
      return fileBytes(name, files);
    },
  };
}

/** Items (codes, words, ZIPs) stored in a bucketed store, across its buckets. */
export async function itemCount(store: { db: { getAll(name: string): Promise<unknown[]> } }, name: string): Promise<number> {
  const buckets = (await store.db.getAll(name)) as Array<{ items?: Record<string, unknown> }>;
  return buckets.reduce((sum, b) => sum + (b.items ? Object.keys(b.items).length : 1), 0);
}
