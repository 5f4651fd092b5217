import { readFileSync } from 'node:fs';
import type {
  ConversionFactor,
  CuratedCode,
  DatasetRef,
  GpciRecord,
  MueRecord,
  PtpEdit,
  ReferenceData,
  RvuRecord,
  TipRule,
} from '../../../src/data/reference';
import { parseCuratedCodes, parseTips } from '../../../src/rules/curated-schema';

/** A small in-memory ReferenceData for logic tests; RVU rows copied from RVU25D. */
export const RVU25: DatasetRef = { id: 'rvu-2025', version: 'RVU25D (October 2025)', effective: '2025-01-01' };
export const RVU26: DatasetRef = { id: 'rvu-2026', version: 'RVU26C (July 2026, 97xxx extract)', effective: '2026-01-01' };
export const PTP: DatasetRef = { id: 'ptp-2024q3', version: 'NCCI practitioner PTP v30.2 (2024 Q3)', effective: '2024-07-01' };
export const MUE: DatasetRef = { id: 'mue-2026q2', version: 'NCCI practitioner MUE (2026 Q2)', effective: '2026-04-01' };
export const GPCI25: DatasetRef = { id: 'gpci-2025', version: 'GPCI2025 (RVU25D)', effective: '2025-01-01' };

// code, status, work, peNonFac, peFac, mp, pctc, multProc
type Row = [string, string, number, number, number, number, string, string];
const RVU25_ROWS: Row[] = [
  ['97110', 'A', 0.45, 0.43, 0.43, 0.01, '7', '5'],
  ['97112', 'A', 0.5, 0.48, 0.48, 0.01, '7', '5'],
  ['97116', 'A', 0.45, 0.43, 0.43, 0.01, '7', '5'],
  ['97140', 'A', 0.43, 0.4, 0.4, 0.01, '7', '5'],
  ['97530', 'A', 0.44, 0.62, 0.62, 0.01, '7', '5'],
  ['97535', 'A', 0.45, 0.53, 0.53, 0.01, '7', '5'],
  ['97537', 'A', 0.48, 0.49, 0.49, 0.01, '7', '5'],
  ['97035', 'A', 0.21, 0.21, 0.21, 0.01, '7', '5'],
  ['97150', 'A', 0.29, 0.24, 0.24, 0.01, '7', '5'],
  ['97161', 'A', 1.54, 1.45, 1.45, 0.04, '7', '5'],
  ['97165', 'A', 1.54, 1.53, 1.53, 0.04, '7', '5'],
  ['97129', 'A', 0.5, 0.16, 0.15, 0.01, '0', '0'],
  ['97130', 'A', 0.48, 0.15, 0.15, 0.01, '0', '0'],
  ['97545', 'R', 0, 0, 0, 0, '7', '0'],
  ['97546', 'R', 0, 0, 0, 0, '7', '0'],
  ['97010', 'B', 0.06, 0.13, 0.13, 0.01, '9', '9'],
  ['97014', 'I', 0.18, 0.19, 0.19, 0.01, '9', '9'],
  ['97037', 'N', 0, 0, 0, 0, '9', '9'],
  ['97039', 'C', 0, 0, 0, 0, '7', '0'],
  ['99213', 'A', 1.3, 1.27, 0.55, 0.1, '0', '0'],
  ['92507', 'A', 1.3, 0.99, 0.99, 0.03, '7', '5'],
];
/** RVU26C rows (extract) for the codes the 2026 tests use. */
const RVU26_ROWS: Row[] = [
  ['97530', 'A', 0.44, 0.6, 0.6, 0.01, '7', '5'],
  ['97110', 'A', 0.45, 0.41, 0.41, 0.01, '7', '5'],
];

function rvuRecord(row: Row, dataset: DatasetRef, cf: number): RvuRecord {
  const [code, status, work, peNonFacility, peFacility, mp, pctc, multProc] = row;
  return {
    code, modifier: '', status, work, peNonFacility, peFacility, mp,
    naNonFacility: false, naFacility: pctc === '7' && status === 'A',
    pctc, globalDays: 'XXX', multProc, conversionFactor: cf, dataset,
  };
}

export interface FakeOptions {
  ptp?: Array<Omit<PtpEdit, 'dataset'>>;
  mue?: Array<Omit<MueRecord, 'dataset'>>;
  gpci?: Array<Omit<GpciRecord, 'dataset'>>;
  tips?: TipRule[];
  extraRvu?: RvuRecord[];
}

export const CURATED: CuratedCode[] = parseCuratedCodes(JSON.parse(readFileSync('data/curated/codes.json', 'utf8')));
export const TIPS: TipRule[] = parseTips(JSON.parse(readFileSync('data/curated/tips.json', 'utf8')));

export function fakeReference(options: FakeOptions = {}): ReferenceData {
  const rvu25 = new Map(RVU25_ROWS.map((r) => [r[0], rvuRecord(r, RVU25, 32.3465)]));
  const rvu26 = new Map(RVU26_ROWS.map((r) => [r[0], rvuRecord(r, RVU26, 33.4009)]));
  for (const extra of options.extraRvu ?? []) rvu25.set(extra.code, extra);
  const curated = new Map(CURATED.map((c) => [c.code, c]));
  const ptp = new Map((options.ptp ?? []).map((e) => [`${e.column1}|${e.column2}`, { ...e, dataset: PTP }]));
  const mue = new Map((options.mue ?? []).map((m) => [m.code, { ...m, dataset: MUE }]));
  const gpci = new Map((options.gpci ?? []).map((g) => [g.locality, { ...g, dataset: GPCI25 }]));
  const tips = options.tips ?? TIPS;
  return {
    rvu(code, modifier, dos) {
      if (modifier !== '') return undefined;
      if (dos >= '2026-01-01') return rvu26.get(code) ?? rvu25.get(code);
      return rvu25.get(code);
    },
    conversionFactor(dos, qualifyingApm): ConversionFactor | undefined {
      if (dos.startsWith('2025')) return { year: 2025, value: 32.3465, source: 'CY2025 PFS final rule (RVU25D)' };
      if (dos.startsWith('2026')) {
        return qualifyingApm
          ? { year: 2026, value: 33.5675, source: 'CY2026, qualifying APM participant' }
          : { year: 2026, value: 33.4009, source: 'CY2026, non-qualifying APM participant (RVU26C)' };
      }
      return undefined;
    },
    gpci(locality) {
      if (locality === 'national') {
        return { locality, mac: '', localityNumber: '', state: '', name: 'National', work: 1, pe: 1, mp: 1, dataset: GPCI25 };
      }
      return gpci.get(locality);
    },
    ptpEdit: (c1, c2) => ptp.get(`${c1}|${c2}`),
    mue: (code) => mue.get(code),
    hcpcsDescription: () => undefined,
    curatedCode: (code) => curated.get(code),
    tips: () => tips,
    isKnownCode: (code) => rvu25.has(code) || curated.has(code) || mue.has(code),
  };
}
