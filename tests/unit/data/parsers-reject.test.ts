import { describe, expect, it } from 'vitest';
import { RVU_HEADER, RvuTable, parseRvuBundle } from '../../../src/data/bundle-rvu';
import { MUE_HEADER, parseMueBundle } from '../../../src/data/bundle-mue';
import { GPCI_HEADER, ZIP_MAGIC, parseGpciBundle, parseZipBundle } from '../../../src/data/bundle-gpci';
import { HCPCS_HEADER, parseHcpcsBundle } from '../../../src/data/bundle-hcpcs';
import { PTP_MAGIC, PtpIndex, iteratePtpBundle } from '../../../src/data/bundle-ptp';
import { parseConversionFactorBundle } from '../../../src/data/bundle-conversion-factor';
import { parseCuratedCodesBundle, parseTipsBundle } from '../../../src/data/bundle-curated';
import { formatTabularHeader, type TabularHeader } from '../../../src/data/bundle-text';

const ds = (id: string) => ({ id, version: 'test', effective: '2025-01-01' });
const table = (header: TabularHeader, ...rows: string[][]) => formatTabularHeader(header) + rows.map((r) => r.join('\t')).join('\n') + '\n';
const rvuRow = (overrides: Partial<Record<string, string>> = {}) =>
  RVU_HEADER.columns.map((c) => overrides[c] ?? ({ code: '97530', status: 'A', work: '0.44', peNonFacility: '0.62', peFacility: '0.62', mp: '0.01', pctc: '7', globalDays: 'XXX', multProc: '5', conversionFactor: '32.3465' } as Record<string, string>)[c] ?? '');

describe('bundle parsers accept good input', () => {
  it('parse a well-formed RVU row', () => {
    expect(parseRvuBundle(table(RVU_HEADER, rvuRow()), ds('rvu-t'))[0]).toMatchObject({ code: '97530', work: 0.44, mp: 0.01 });
  });
});

describe('bundle parsers reject broken input with the dataset and line', () => {
  it('RVU: wrong format line, wrong columns, bad number, bad field count', () => {
    expect(() => parseRvuBundle('# something else\n', ds('rvu-t'))).toThrow(/rvu-t bundle, line 1: expected format line/);
    expect(() => parseRvuBundle(`${RVU_HEADER.magic}\ncode\tmodifier\n`, ds('rvu-t'))).toThrow(/rvu-t bundle, line 2: expected columns/);
    expect(() => parseRvuBundle(table(RVU_HEADER, rvuRow(), rvuRow({ code: '97110', work: 'abc' })), ds('rvu-t'))).toThrow(/rvu-t bundle, line 4: work "abc" is not a number/);
    expect(() => parseRvuBundle(table(RVU_HEADER, ['97530', '']), ds('rvu-t'))).toThrow(/line 3: expected 15 tab-separated fields, found 2/);
    expect(() => parseRvuBundle(table(RVU_HEADER, rvuRow({ code: '9753' })), ds('rvu-t'))).toThrow(/line 3: code "9753" is not a 5-character code/);
    expect(() => parseRvuBundle('', ds('rvu-t'))).toThrow(/line 1: .*found an empty file/);
  });

  it('RVU lazy table: rejects a broken row when it is looked up, and a repeated key at load', () => {
    const lazy = new RvuTable(table(RVU_HEADER, rvuRow(), rvuRow({ code: '97110', naFacility: 'maybe' })), ds('rvu-t'));
    expect(lazy.get('97530', '')?.work).toBe(0.44);
    expect(() => lazy.get('97110', '')).toThrow(/rvu-t bundle, line 4: naFacility "maybe" is not one of "", "NA"/);
    expect(() => new RvuTable(table(RVU_HEADER, rvuRow(), rvuRow()), ds('rvu-t'))).toThrow(/line 4: key .* appears twice/);
  });

  it('MUE: MAI outside 1-3, fractional value, empty rationale', () => {
    expect(() => parseMueBundle(table(MUE_HEADER, ['97530', '6', '4', 'Clinical: Data']), ds('mue-t'))).toThrow(/mue-t bundle, line 3: mai "4"/);
    expect(() => parseMueBundle(table(MUE_HEADER, ['97530', '1.5', '3', 'x']), ds('mue-t'))).toThrow(/line 3: value 1.5 is not a whole number/);
    expect(() => parseMueBundle(table(MUE_HEADER, ['97530', '6', '3', '']), ds('mue-t'))).toThrow(/line 3: rationale is empty/);
  });

  it('GPCI and ZIP: mismatched locality id, bad GPCI, bad ZIP', () => {
    const gpci = ['01112-05', '01112', '06', 'CA', 'SF', '1.088', '1.419', '0.445', '', 'SF', 'SAN FRANCISCO'];
    expect(() => parseGpciBundle(table(GPCI_HEADER, gpci), ds('gpci-t'))).toThrow(/gpci-t bundle, line 3: locality 01112-05 does not match/);
    const zero = [...gpci];
    zero[2] = '05';
    zero[6] = '0';
    expect(() => parseGpciBundle(table(GPCI_HEADER, zero), ds('gpci-t'))).toThrow(/line 3: GPCI 0 is outside/);
    expect(() => parseZipBundle(`${ZIP_MAGIC}\n01112-05\tCA\t94002,9400\n`, 'zip-t')).toThrow(/zip-t bundle, line 2: "9400" is not a 5-digit ZIP/);
    expect(() => parseZipBundle(`${ZIP_MAGIC}\n01112-05\tCA\n`, 'zip-t')).toThrow(/zip-t bundle, line 2: expected MAC-LL/);
  });

  it('HCPCS: a CPT-looking code marked as Level II, and a bad date', () => {
    const row = ['G0283', 'code', 'Electrical stimulation', 'Elec stim', 'C', '2003-01-01', '2003-01-01', '', 'N'];
    expect(parseHcpcsBundle(table(HCPCS_HEADER, row), 'hcpcs-t')).toHaveLength(1);
    expect(() => parseHcpcsBundle(table(HCPCS_HEADER, ['GP', 'code', ...row.slice(2)]), 'hcpcs-t')).toThrow(/hcpcs-t bundle, line 3: code "GP" is not a Level II code/);
    expect(() => parseHcpcsBundle(table(HCPCS_HEADER, [...row.slice(0, 5), '20030101', ...row.slice(6)]), 'hcpcs-t')).toThrow(/line 3: added "20030101" is not a YYYY-MM-DD date/);
  });

  it('PTP: missing rationale table, unknown rationale index, bad modifier indicator, bad deletion date', () => {
    const head = `${PTP_MAGIC}\nR\t0\tMutually exclusive procedures\nK\t\n`;
    const parse = (text: string) => [...iteratePtpBundle(text, ds('ptp-t'))];
    expect(parse(`${head}97150\t*/1/0:97530\n`)[0]?.edits[0]).toMatchObject({ column1: '97150', column2: '97530', deletion: null, modifierIndicator: 1 });
    expect(() => parse(`${PTP_MAGIC}\n97150\t*/1/0:97530\n`)).toThrow(/ptp-t bundle, line 2: no rationale table/);
    expect(() => parse(`${head}97150\t*/1/3:97530\n`)).toThrow(/ptp-t bundle, line 4: rationale index "3"/);
    expect(() => parse(`${head}97150\t*/2/0:97530\n`)).toThrow(/line 4: modifier indicator "2" is not 0, 1 or 9/);
    expect(() => parse(`${head}97150\t2019-12-31/1/0:97530\n`)).toThrow(/line 4: deletion "2019-12-31" is neither/);
    expect(() => parse(`${head}97150\t*/1/0:97530,9753\n`)).toThrow(/line 4: column 2 "9753"/);
    expect(() => parse('# claimlens ptp v0\n')).toThrow(/ptp-t bundle, line 1: expected format line/);
    const index = new PtpIndex(`${head}97150\t*/1/0:97530\n97140\tgarbage\n`, ds('ptp-t'));
    expect(index.edit('97150', '97530', '2025-01-01')?.modifierIndicator).toBe(1);
    expect(() => index.edit('97140', '97530', '2025-01-01')).toThrow(/ptp-t bundle, line 5: group "garbage"/);
    expect(() => new PtpIndex(`${head}97150\t*/1/0:97530\n97150\t*/1/0:97110\n`, ds('ptp-t'))).toThrow(/line 5: column 1 97150 appears on two lines/);
  });

  it('JSON bundles: conversion factors and curated files name the bad entry', () => {
    expect(() => parseConversionFactorBundle('{"format":"claimlens-conversion-factors-v1","factors":[{"year":2025,"value":-1,"appliesTo":"all","source":"x"}]}', 'cf-t')).toThrow(/cf-t bundle.*factors\.0\.value/);
    expect(() => parseConversionFactorBundle('not json', 'cf-t')).toThrow(/cf-t bundle.*not JSON/);
    expect(() => parseCuratedCodesBundle('{"entries":[{"code":"97530","kind":"sometimes","alwaysTherapy":true,"source":"x"}]}')).toThrow(/curated-codes bundle.*entry 0\.kind/);
    expect(() => parseTipsBundle('{"tips":[{"id":"t","codes":[],"severity":"info","message":"m","source":"s"}]}')).toThrow(/curated-tips bundle.*entry 0\.codes/);
    expect(() => parseTipsBundle('{"other":[]}')).toThrow(/expected an array or \{tips\|entries/);
  });
});
