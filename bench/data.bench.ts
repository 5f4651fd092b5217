/**
 * Reference data in Node: how long loadBundleReference takes (manifest + sha256 of every
 * bundle; parsing is lazy), what the first lookups of a one-line claim cost (each dataset
 * indexed on first use), the PTP table's first use (gunzip + column-1 index), 10,000
 * ptpEdit calls as a 100-line claim makes them, and full parses as the extension's store
 * does when seeding. Target (task): ~10,000 ptpEdit calls < 10 ms.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBundleReference, readVerifiedBundles, bundleText } from '../src/data/node-bundles';
import { datasetRef } from '../src/data/bundle-manifest';
import { iteratePtpBundle } from '../src/data/bundle-ptp';
import { parseRvuBundle } from '../src/data/bundle-rvu';
import { percentile, timeRuns } from './stats';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dir = join(root, 'data', 'bundles');
const round2 = (ms: number): number => Math.round(ms * 100) / 100;

/** 100 codes billed by therapy practices and their neighbours: 10,000 ordered pairs. */
const CODES = [
  '97110', '97112', '97116', '97140', '97530', '97535', '97150', '97161', '97162', '97163', '97164', '97750', '97760',
  '97761', '97763', 'G0283', '97010', '97012', '97014', '97016', '97018', '97022', '97024', '97026', '97028', '97032',
  '97033', '97034', '97035', '97036', '97039', '97113', '97124', '97129', '97130', '97533', '97537', '97542', '97545',
  '97546', '97597', '97598', '97602', '97605', '97606', '97607', '97608', '97610', '97755', '97802', '97803', '97804',
  '97810', '97811', '97813', '97814', '99211', '99212', '99213', '99214', '99215', '20560', '20561', '29240', '29530',
  '29580', '29581', '64550', '95831', '95851', '95852', '95992', '96105', '96125', '92507', '92508', '92521', '92522',
  '92523', '92524', '92526', '92597', '92605', '92606', '92607', '92608', '92609', '92610', '92611', '92612', '92614',
  '92616', '92618', '97127', '97151', '97153', '97155', '97156', '97157', '97158',
];

export async function run(): Promise<Array<{ name: string; value: number; unit: string; target?: string }>> {
  const dos = '2026-05-04';
  let t = performance.now();
  const ref = loadBundleReference(dir);
  const loadMs = performance.now() - t;

  t = performance.now();
  ref.rvu('97530', '', dos);
  ref.conversionFactor(dos, false);
  ref.gpci('01112-05', dos);
  ref.mue('97530', dos);
  ref.curatedCode('97530');
  ref.tips();
  ref.isKnownCode('97530');
  const firstLookupsMs = performance.now() - t;

  t = performance.now();
  ref.ptpEdit('97530', '97110', dos);
  const ptpFirstMs = performance.now() - t;

  const pairs = (): void => {
    for (const a of CODES) for (const b of CODES) ref.ptpEdit(a, b, dos);
  };
  t = performance.now();
  pairs();
  const ptpColdMs = performance.now() - t;
  const warm = timeRuns(pairs, 50, 5);

  const { manifest, files } = readVerifiedBundles(dir);
  const entry = (id: string) => {
    const e = manifest.datasets.find((d) => d.id === id);
    if (!e) throw new Error(`${id} missing from manifest`);
    return e;
  };
  const ptp = entry('ptp-2024q3');
  t = performance.now();
  let edits = 0;
  for (const group of iteratePtpBundle(bundleText(ptp.file, files.get(ptp.id) as Buffer), datasetRef(ptp))) edits += group.edits.length;
  const ptpFullMs = performance.now() - t;
  if (edits !== ptp.rows) throw new Error(`PTP parse gave ${edits} edits, manifest says ${ptp.rows}`);
  const rvu = entry('rvu-2025');
  t = performance.now();
  parseRvuBundle(bundleText(rvu.file, files.get(rvu.id) as Buffer), datasetRef(rvu));
  const rvuFullMs = performance.now() - t;

  return [
    { name: 'loadBundleReference (manifest + sha256 of all bundles)', value: round2(loadMs), unit: 'ms' },
    { name: 'first lookups of a one-line claim (RVU, CF, GPCI, MUE, curated, tips)', value: round2(firstLookupsMs), unit: 'ms' },
    { name: 'first ptpEdit (gunzip 18 MB PTP text + column-1 index)', value: round2(ptpFirstMs), unit: 'ms' },
    { name: '10,000 ptpEdit calls, first time (parses 100 column-1 groups)', value: round2(ptpColdMs), unit: 'ms' },
    { name: '10,000 ptpEdit calls, warm, median of 50', value: round2(percentile(warm, 50)), unit: 'ms', target: '< 10 ms' },
    { name: 'full PTP parse, 2,546,017 edits (store seeding)', value: Math.round(ptpFullMs), unit: 'ms' },
    { name: 'full RVU25D parse, 19,090 rows', value: round2(rvuFullMs), unit: 'ms' },
  ];
}
