import { GPCI_HEADER, ZIP_MAGIC, localityId } from '../../src/data/bundle-gpci';
import { formatTabularHeader } from '../../src/data/bundle-text';
import { cmsPath } from './paths';
import { readCmsCsv, tsvLine } from './csv';
import { expectCount, type BuiltDataset } from './dataset';

const GPCI_FILE = 'gpci/GPCI2025.csv';
const LOCCO_FILE = 'gpci/25LOCCO_locality_county_crosswalk.csv';
const ZIP_FILE = 'gpci/ZIP5_OCT2025_zip_carrier_locality.csv';
const PROVENANCE = 'alex-bea/cms_api sample_data/rvu25d_0/, commit 3261f4d9a97220b829d4efc64e7ffbcbab261aee';

/** CMS footnote marks on locality names in Addendum E. */
const FLOORS: Record<string, string> = {
  '*': 'Work GPCI 1.5 floor for Alaska (MIPPA)',
  '**': 'PE GPCI 1.0 floor for frontier states (ACA)',
};

export function buildGpci2025(): BuiltDataset {
  const gpci = readCmsCsv(cmsPath(GPCI_FILE), ['MAC', 'STATE', 'LOCALITY_NUMBER', 'LOCALITY_NAME', 'PW_GPCI_2025_WITH_1_0_FLOOR', 'PE_GPCI_2025', 'MP_GPCI_2025']);
  const locco = readCmsCsv(cmsPath(LOCCO_FILE), ['MAC', 'LOCALITY_NUMBER', 'STATE', 'FEE_SCHEDULE_AREA', 'COUNTIES']);
  expectCount(GPCI_FILE, gpci.length, 109);
  expectCount(LOCCO_FILE, locco.length, 110);

  // 25LOCCO lists one locality twice (CMS footnote: two MACs); identical rows collapse.
  const areas = new Map<string, { area: Set<string>; counties: Set<string> }>();
  for (const row of locco) {
    const id = localityId(row.MAC ?? '', row.LOCALITY_NUMBER ?? '');
    const entry = areas.get(id) ?? { area: new Set(), counties: new Set() };
    entry.area.add((row.FEE_SCHEDULE_AREA ?? '').replace(/\*+$/, '').trim());
    entry.counties.add(row.COUNTIES ?? '');
    areas.set(id, entry);
  }

  const lines: string[] = [];
  const ids = new Set<string>();
  for (const row of gpci) {
    const id = localityId(row.MAC ?? '', row.LOCALITY_NUMBER ?? '');
    if (ids.has(id)) throw new Error(`${GPCI_FILE}: locality ${id} appears twice`);
    ids.add(id);
    const area = areas.get(id);
    if (!area) throw new Error(`${LOCCO_FILE}: no counties for locality ${id}`);
    const rawName = row.LOCALITY_NAME ?? '';
    const mark = /\*+$/.exec(rawName)?.[0] ?? '';
    const floor = mark === '' ? '' : FLOORS[mark];
    if (floor === undefined) throw new Error(`${GPCI_FILE}: unknown footnote ${mark} on ${rawName}`);
    lines.push(tsvLine([
      id, row.MAC ?? '', row.LOCALITY_NUMBER ?? '', row.STATE ?? '', rawName.slice(0, rawName.length - mark.length).trim(),
      row.PW_GPCI_2025_WITH_1_0_FLOOR ?? '', row.PE_GPCI_2025 ?? '', row.MP_GPCI_2025 ?? '', floor,
      [...area.area].join('; '), [...area.counties].join('; '),
    ], `${GPCI_FILE} ${id}`));
  }
  return {
    content: formatTabularHeader(GPCI_HEADER) + lines.join('\n') + '\n',
    entry: {
      id: 'gpci-2025',
      kind: 'gpci',
      version: 'CY2025 GPCIs, Addendum E (RVU25D) + 25LOCCO',
      effective: '2025-01-01',
      source: { file: 'GPCI2025.csv and 25LOCCO.csv (RVU25D, October 2025)', provenance: PROVENANCE },
      file: 'gpci-2025.tsv',
      rows: lines.length,
      lacks: ['GPCI2026 and 26LOCCO (not available): the 2025 GPCIs are used for every year'],
      notes: 'Locality id is "MAC-LL" (e.g. 01112-05). Names without CMS footnote marks; the floor column says which floor applies.',
    },
  };
}

export function buildZipLocality(): BuiltDataset {
  const rows = readCmsCsv(cmsPath(ZIP_FILE), [
    'STATE', 'ZIP5', 'CARRIER', 'PRICING_LOCALITY', 'RURAL_INDICATOR', 'BENE_LAB_CB_LOCALITY', 'RURAL_INDICATOR2',
    'PLUS_FOUR_FLAG', 'PART_B_PAYMENT_INDICATOR', 'YEAR_QUARTER',
  ]);
  expectCount(ZIP_FILE, rows.length, 42956);
  const groups = new Map<string, string[]>();
  const zips = new Set<string>();
  for (const row of rows) {
    const zip = row.ZIP5 ?? '';
    if (!/^\d{5}$/.test(zip) || zips.has(zip)) throw new Error(`${ZIP_FILE}: bad or repeated ZIP ${zip}`);
    zips.add(zip);
    const key = `${localityId(row.CARRIER ?? '', row.PRICING_LOCALITY ?? '')}\t${row.STATE ?? ''}`;
    const list = groups.get(key) ?? [];
    list.push(zip);
    groups.set(key, list);
  }
  const lines = [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, list]) => `${key}\t${list.sort().join(',')}`);
  return {
    content: `${ZIP_MAGIC}\n${lines.join('\n')}\n`,
    entry: {
      id: 'zip-locality-2025q4',
      kind: 'zip-locality',
      version: 'ZIP5 October 2025 (ZIP5_OCT2025, year/quarter 20254)',
      effective: '2025-10-01',
      source: { file: 'ZIP5_OCT2025.txt (ZIP code to carrier locality file)', provenance: 'alex-bea/cms_api sample_data/zplc_oct2025/ZIP5_OCT2025.txt, commit 3261f4d9a97220b829d4efc64e7ffbcbab261aee' },
      file: 'zip-locality-2025q4.txt.gz',
      rows: rows.length,
      lacks: ['the ZIP9 file (ZIP codes split between localities use the ZIP5 locality)', 'rural and lab-locality columns (not used)'],
      notes: 'Each line: MAC-LL, state, ZIP list. Use it to suggest a locality from a practice ZIP code.',
    },
  };
}
