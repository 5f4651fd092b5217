import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../src/cli/args';
import { InputError } from '../../../src/cli/input-error';

describe('parseArgs', () => {
  it('reads check FILE with context overrides, in both --opt value and --opt=value forms', () => {
    const args = parseArgs([
      'check',
      'claim.json',
      '--json',
      '--payer',
      'commercial',
      '--method=cms',
      '--locality',
      '01112-05',
      '--setting',
      'facility',
      '--non-par',
      '--ytd',
      '$2,400',
      '--percent=120',
      '--qp',
    ]);
    expect(args).toEqual({
      command: 'check',
      input: 'claim.json',
      json: true,
      format: undefined,
      overrides: {
        payer: 'commercial',
        unitMethod: 'cms',
        locality: '01112-05',
        setting: 'facility',
        participating: false,
        therapyYearToDate: 2400,
        feePercentOfMedicare: 120,
        qualifyingApm: true,
      },
    });
  });

  it('--ytd-ot gives the OT amount of the year (OT has its own KX threshold)', () => {
    expect(parseArgs(['check', 'a.json', '--ytd', '2400', '--ytd-ot', '300'])).toMatchObject({ overrides: { therapyYearToDate: 2400, therapyYearToDateOt: 300 } });
  });

  it('takes - as standard input', () => {
    expect(parseArgs(['check', '-', '--format', 'csv'])).toMatchObject({ input: '-', format: 'csv' });
  });

  it('answers help and version', () => {
    expect(parseArgs(['--help'])).toEqual({ command: 'help' });
    expect(parseArgs(['check', 'x.json', '-h'])).toEqual({ command: 'help' });
    expect(parseArgs(['--version'])).toEqual({ command: 'version' });
  });

  it.each([
    [[], /no command/],
    [['lint', 'x.json'], /unknown command "lint"/],
    [['check'], /needs a FILE/],
    [['check', 'a.json', 'b.json'], /one FILE/],
    [['check', 'a.json', '--payer', 'medicaid'], /--payer expects one of medicare, commercial, workers-comp, got "medicaid"/],
    [['check', 'a.json', '--method', 'eights'], /--method expects one of cms, ama/],
    [['check', 'a.json', '--locality', 'CA'], /--locality expects MAC-LL/],
    [['check', 'a.json', '--ytd', 'lots'], /--ytd expects a number, got "lots"/],
    [['check', 'a.json', '--payer'], /--payer needs a value/],
    [['check', 'a.json', '--colour'], /unknown option "--colour"/],
    [['check', 'a.json', '--json=yes'], /--json takes no value/],
  ])('rejects %j with a message that says what is wrong', (argv, message) => {
    expect(() => parseArgs(argv as string[])).toThrow(InputError);
    expect(() => parseArgs(argv as string[])).toThrow(message);
  });
});
