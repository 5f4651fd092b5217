import { describe, expect, it } from 'vitest';
import { parseClaimJson } from '../../../src/cli/claim-json';
import { InputError } from '../../../src/cli/input-error';

const line = (extra: Record<string, unknown> = {}) => ({ code: '97110', modifiers: ['GP'], units: 1, minutes: 15, dos: '2026-11-02', ...extra });

function problemsOf(text: string): { message: string; problems: readonly string[] } {
  try {
    parseClaimJson(text, {}, 'claim.json');
  } catch (error) {
    if (error instanceof InputError) return { message: error.message, problems: error.problems };
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('parseClaimJson', () => {
  it('reads a claim, fills the context defaults and lets command-line context win', () => {
    const text = JSON.stringify({ payer: 'medicare', locality: 'national', lines: [line()] });
    const { claim } = parseClaimJson(text, { payer: 'commercial', unitMethod: 'ama' }, 'claim.json');
    expect(claim.payer).toBe('commercial');
    expect(claim.unitMethod).toBe('ama');
    expect(claim.setting).toBe('non-facility');
    expect(claim.participating).toBe(true);
    expect(claim.lines[0]).toMatchObject({ code: '97110', modifiers: ['GP'], units: 1, dos: '2026-11-02' });
  });

  it('splits modifiers typed with the code ("97530-GP", "97530 gp 59")', () => {
    const text = JSON.stringify({ lines: [line({ code: '97530-GP', modifiers: [] }), line({ code: '97530 gp 59', modifiers: ['GP', 'KX'] })] });
    const { claim } = parseClaimJson(text, {}, 'claim.json');
    expect(claim.lines.map((l) => [l.code, l.modifiers])).toEqual([
      ['97530', ['GP']],
      ['97530', ['GP', '59', 'KX']],
    ]);
  });

  it('names the service line and field of each bad value, with what it got', () => {
    const text = JSON.stringify({
      payer: 'medicaid',
      lines: [line(), line(), line({ units: 'two' }), line({ dos: '11/02/2026', minutes: -3 })],
    });
    const { message, problems } = problemsOf(text);
    expect(message).toBe('claim.json: 4 problems in the claim');
    expect(problems).toEqual([
      'field "payer": expected medicare, commercial, workers-comp, got "medicaid"',
      'line 3, field "units": expected a whole number, got "two"',
      'line 4, field "minutes": expected 0 or more, got -3',
      'line 4, field "dos": expected a date as YYYY-MM-DD, got "11/02/2026"',
    ]);
  });

  it('says which required field is missing and rejects fractional units', () => {
    const { problems } = problemsOf(JSON.stringify({ lines: [{ code: '97110', units: 1.5 }] }));
    expect(problems).toContain('line 1, field "units": expected a whole number, got 1.5');
    expect(problems).toContain('line 1, field "dos": is missing (expected a date as YYYY-MM-DD)');
  });

  it('rejects a date that is not on the calendar', () => {
    const { problems } = problemsOf(JSON.stringify({ lines: [line({ dos: '2026-02-30' })] }));
    expect(problems).toEqual(['line 1, field "dos": not a real calendar date, got "2026-02-30"']);
  });

  it('reports every problem in one run, in line order', () => {
    const text = JSON.stringify([
      { code: '97530 GP', units: '2', dos: '2026-11-02' },
      { code: '97110', modifiers: ['GPX'], dos: '2026-02-30' },
    ]);
    expect(problemsOf(text).problems).toEqual([
      'line 1, field "units": expected a whole number, got "2"',
      'line 2, field "modifiers" (item 1): expected two-character modifiers such as GP or 59, got "GPX"',
      'line 2, field "dos": not a real calendar date, got "2026-02-30"',
    ]);
  });

  it('rejects text that is not a procedure code', () => {
    const { problems } = problemsOf(JSON.stringify({ lines: [line(), line({ code: 'Total' })] }));
    expect(problems).toEqual(['line 2, field "code": expected a CPT/HCPCS code such as 97530 or G0283, got "Total"']);
  });

  it('gives the line, column and position of a JSON syntax error', () => {
    const text = '{\n  "lines": [\n    {"code": "97110", "units": 1,}\n  ]\n}';
    const { message } = problemsOf(text);
    expect(message).toBe('claim.json is not valid JSON: line 3, column 34 (position 48): trailing comma before }');
    expect(text[48]).toBe('}');
  });

  it('explains empty input, a missing closing quote and a claim without lines', () => {
    expect(problemsOf('  \n').message).toBe('claim.json is empty');
    expect(problemsOf('{"lines": [{"code": "97110}]}').message).toMatch(/line 1, column 30 .*string is not closed/);
    expect(problemsOf('{"lines": []}').problems).toEqual(['field "lines": a claim needs at least one service line']);
    expect(problemsOf('42').message).toMatch(/expected a claim object/);
  });

  it('accepts a bare array of lines and warns about fields it ignores', () => {
    const { claim, warnings } = parseClaimJson(JSON.stringify([line({ unit: 2 })]), {}, 'lines.json');
    expect(claim.lines).toHaveLength(1);
    expect(warnings).toEqual(['line 1: ignored unknown field "unit"']);
  });
});
