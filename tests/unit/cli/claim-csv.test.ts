import { describe, expect, it } from 'vitest';
import { parseClaimCsv } from '../../../src/cli/claim-csv';
import { InputError } from '../../../src/cli/input-error';

function problemsOf(text: string): { message: string; problems: readonly string[] } {
  try {
    parseClaimCsv(text, {}, 'lines.csv');
  } catch (error) {
    if (error instanceof InputError) return { message: error.message, problems: error.problems };
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('parseClaimCsv', () => {
  it('reads "97530-GP" style codes, modifier lists, US dates, dollars and diagnoses', () => {
    const csv = [
      'Code,Modifiers,Units,Minutes,Date of Service,Diagnosis,Charge',
      '97530-GP,,2,30,11/2/2026,M62.81,"$1,045.50"',
      '97110,GP 59,1,15,2026-11-02,M54.50; Z56.6,90',
      '97140 GP,KX,1,,2026-11-02,,',
    ].join('\n');
    const { claim, warnings } = parseClaimCsv(csv, { payer: 'commercial' }, 'lines.csv');
    expect(warnings).toEqual([]);
    expect(claim.payer).toBe('commercial');
    expect(claim.lines).toEqual([
      { code: '97530', modifiers: ['GP'], units: 2, minutes: 30, dos: '2026-11-02', diagnoses: ['M62.81'], charge: 1045.5 },
      { code: '97110', modifiers: ['GP', '59'], units: 1, minutes: 15, dos: '2026-11-02', diagnoses: ['M54.50', 'Z56.6'], charge: 90 },
      { code: '97140', modifiers: ['GP', 'KX'], units: 1, minutes: undefined, dos: '2026-11-02', diagnoses: [], charge: undefined },
    ]);
  });

  it('names the file line and the field of each bad cell', () => {
    const csv = [
      'code,modifiers,units,minutes,dos',
      '97110,GP,1,15,2026-11-02',
      '',
      '97530,GP,two,30,2026-11-02',
      'Total,,,,2026-11-02',
      '97140,G,1,15,2026-11-02',
    ].join('\n');
    const { message, problems } = problemsOf(csv);
    expect(message).toBe('lines.csv: 3 problems in the CSV');
    expect(problems).toEqual([
      'line 4, field "units": expected a whole number, got "two"',
      'line 5, field "code": expected a CPT/HCPCS code such as 97530 or G0283, got "Total"',
      'line 6, field "modifiers": expected two-character modifiers such as GP or 59, got "G"',
    ]);
  });

  it('rejects dates that are not on the calendar', () => {
    const { problems } = problemsOf('code,units,dos\n97110,1,2026-11-02\n97140,1,2026-02-30\n');
    expect(problems).toEqual(['line 3, field "dos": not a real calendar date, got "2026-02-30"']);
    // Day-first dates are a common export mistake: say how the date was read.
    expect(problemsOf('code,units,dos\n97110,1,13/01/2026\n').problems).toEqual([
      'line 2, field "dos": not a real calendar date, got "13/01/2026" (read as MM/DD/YYYY)',
    ]);
  });

  it('says which required column is missing and warns about columns it ignores', () => {
    expect(problemsOf('code,units\n97110,1\n').message).toMatch(/the header row \(line 1\) has no "dos" column; found: "code", "units"/);
    const { warnings } = parseClaimCsv('code,dos,provider\n97110,2026-11-02,Dr X\n', {}, 'lines.csv');
    expect(warnings).toEqual(['ignored CSV column "provider"']);
  });

  it('explains an empty file and a header without lines', () => {
    expect(problemsOf('').message).toBe('lines.csv is empty');
    expect(problemsOf('code,units,dos\n').message).toBe('lines.csv: the CSV has a header row but no service lines');
  });

  it('reports a row with more cells than the header', () => {
    const { problems } = problemsOf('code,units,dos\n97110,1,2026-11-02\n97140,1,2026-11-02,extra\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toBe('line 3: 4 cells but the header has 3 columns (extra: "extra"); is a comma missing quotes?');
  });
});
