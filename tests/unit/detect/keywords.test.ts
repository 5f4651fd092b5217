import { describe, expect, test } from 'vitest';
import { kindOfText, KEYWORD_RULES, scoreText } from '../../../src/detect/keywords';
import { tokenize } from '../../../src/detect/tokens';
import { indexKeyOf } from '../../../src/detect/classify';

describe('tokenize splits the ways portals name fields', () => {
  test.each([
    ['cptCode', ['cpt', 'code']],
    ['HCPCSCode', ['hcpcs', 'code']],
    ['fee_sheet[0][code]', ['fee', 'sheet', '0', 'code']],
    ['lines[2].units', ['lines', '2', 'units']],
    ['mod1', ['mod', '1']],
    ['24D', ['24d']],
    ['Charges ($)', ['charges', '$']],
    ['ctl00$txtCPT1', ['ctl', '00', 'txt', 'cpt', '1']],
    ['Claim #', ['claim', '#']],
  ])('%j → %j', (raw, tokens) => expect(tokenize(raw)).toEqual(tokens));
});

// A table of describing texts and what they must point to (refined-github style):
// what a label, header, name or id says about a field on its own.
describe('keyword table: what a describing text alone points to', () => {
  test.each([
    // procedure codes
    ['CPT', 'cpt'], ['HCPCS', 'cpt'], ['Procedure', 'cpt'], ['Proc code', 'cpt'], ['Service code', 'cpt'],
    ['cpt_code', 'cpt'], ['fee_sheet[0][code]', 'cpt'], ['24D', 'cpt'], ['CPT/HCPCS', 'cpt'], ['Product Or Service', 'cpt'],
    ['ServiceLines[0].ProcedureCode', 'cpt'], ['ctl00$txtCPT1', 'cpt'], ['serviceCode', 'cpt'],
    // line attributes win over the code words they are built on
    ['CPT units', 'units'], ['Days or units', 'units'], ['Qty', 'units'], ['lines[2].units', 'units'], ['Quantity', 'units'],
    ['Modifier 1', 'modifier'], ['Mod', 'modifier'], ['b_mod4', 'modifier'], ['CPT modifier', 'modifier'],
    ['Time spent (min)', 'minutes'], ['Treatment minutes', 'minutes'], ['Duration', 'minutes'],
    ['Date of service', 'dos'], ['DOS From', 'dos'], ['24. A. DATE(S) OF SERVICE From MM DD YY', 'dos'], ['MM/DD/YYYY', 'dos'],
    ['Serviced Date', 'dos'], ['Procedure date', 'dos'],
    ['F. $ CHARGES', 'charge'], ['Fee', 'charge'], ['Unit Price', 'charge'], ['cpt_charge', 'charge'], ['Billed', 'charge'],
    ['Diagnosis', 'icd10'], ['Dx', 'icd10'], ['Diagnosis code', 'icd10'], ['ICD-10', 'icd10'],
    // decoys: numbers that look like claim values
    ['NPI', 'decoy'], ['ZIP code', 'decoy'], ['Phone', 'decoy'], ['TELEPHONE (Include Area Code)', 'decoy'], ['Claim #', 'decoy'],
    ['Claim number', 'decoy'], ['Patient account', 'decoy'], ['Account #', 'decoy'], ['Member ID', 'decoy'], ['Tax ID (EIN)', 'decoy'],
    ['Date of birth', 'decoy'], ['Onset date', 'decoy'], ['Dx pointer', 'decoy'], ['E. DIAGNOSIS POINTER', 'decoy'],
    ['ICD Pointer', 'decoy'], ['Place of service', 'decoy'], ['POS', 'decoy'], ['Total charge', 'decoy'], ['Amount paid', 'decoy'],
    ['Reference code', 'decoy'], ['Resubmission code', 'decoy'], ['Procedure type', 'decoy'], ['Rendering provider NPI', 'decoy'],
    ['Note Codes', 'decoy'], ['Group Number', 'decoy'], ['J. RENDERING PROVIDER ID. #', 'decoy'],
    // nothing at all
    ['Sequence', undefined], ['Patient', undefined], ['Billable Period Start', undefined], ['fee sheet', undefined],
  ])('%j → %s', (text, kind) => expect(kindOfText(text)).toBe(kind));

  test('bare "code" is only weak evidence for a procedure code', () => {
    expect(scoreText('Code').scores.cpt).toBeLessThan(1);
    expect(scoreText('CPT').scores.cpt).toBe(1);
  });

  test('"From" / "To" alone are only weak evidence for a date of service', () => {
    expect(scoreText('From').scores.dos).toBeLessThan(1);
    expect(scoreText('DOS From').scores.dos).toBe(1.5);
  });

  test('"Search…" placeholders weigh against, but do not veto, a labelled code field', () => {
    expect(scoreText('Search...').scores.decoy).toBeLessThan(scoreText('Product or service').scores.cpt!);
  });

  test('every phrase in the table is reachable: tokenised, non-empty, unique per kind', () => {
    const seen = new Set<string>();
    for (const rule of KEYWORD_RULES) {
      expect(rule.phrase.length).toBeGreaterThan(0);
      const key = `${rule.kind}:${rule.phrase}:${rule.score}`;
      expect(seen.has(key), `duplicate rule ${key}`).toBe(false);
      seen.add(key);
      expect(scoreText(rule.phrase).scores[rule.kind as 'cpt'] ?? (rule.kind === 'neutral' ? 0 : -1)).toBeGreaterThanOrEqual(rule.kind === 'neutral' ? 0 : rule.score);
    }
  });
});

describe('line index in names and ids', () => {
  test.each([
    ['lines[2].units', 'lines[#]:2'],
    ['bill[1][code]', 'bill[#]:1'],
    ['ServiceLines[0].Modifier1', 'ServiceLines[#]:0'],
    ['code_3', '#:3'],
    ['units3', '#:3'],
    ['txtCPT1', '#:1'],
    ['line1_24d_mod1', 'line#:1'],
    ['mod1', undefined],
    ['Diagnosis1', undefined],
    ['cpt', undefined],
    ['', undefined],
  ])('%j → %s', (name, key) => expect(indexKeyOf(name)).toBe(key));
});
