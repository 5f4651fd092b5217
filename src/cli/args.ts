import { Payer, Setting, UnitMethod } from '../rules/claim';
import type { ContextOverrides } from './context-overrides';
import { InputError } from './input-error';

export type InputFormat = 'json' | 'csv';

export interface CheckCommand {
  command: 'check';
  /** A path, or "-" for standard input. */
  input: string;
  json: boolean;
  /** Forces the input format; otherwise chosen by file extension, then by content. */
  format?: InputFormat;
  overrides: ContextOverrides;
}

export type ParsedArgs = { command: 'help' } | { command: 'version' } | CheckCommand;

const LOCALITY = /^\d{5}-\d{2}$/;

/** Options that take a value, and how each is read into the claim context. */
const VALUE_OPTIONS: Record<string, (value: string, overrides: ContextOverrides) => void> = {
  payer: (value, o) => {
    o.payer = oneOf(Payer.options, value, '--payer');
  },
  method: (value, o) => {
    o.unitMethod = oneOf(UnitMethod.options, value, '--method');
  },
  setting: (value, o) => {
    o.setting = oneOf(Setting.options, value, '--setting');
  },
  locality: (value, o) => {
    if (value !== 'national' && !LOCALITY.test(value)) {
      throw new InputError(`--locality expects MAC-LL as in the GPCI file (e.g. 01112-05) or "national", got "${value}"`);
    }
    o.locality = value;
  },
  ytd: (value, o) => {
    o.therapyYearToDate = dollars(value, '--ytd');
  },
  'ytd-ot': (value, o) => {
    o.therapyYearToDateOt = dollars(value, '--ytd-ot');
  },
  percent: (value, o) => {
    const n = dollars(value, '--percent');
    if (n <= 0) throw new InputError(`--percent expects a percentage above 0, got "${value}"`);
    o.feePercentOfMedicare = n;
  },
};

export function parseArgs(argv: readonly string[]): ParsedArgs {
  if (argv.length === 0) throw new InputError('no command given; try: claimlens check FILE (or claimlens --help)');
  if (argv.includes('-h') || argv.includes('--help') || argv[0] === 'help') return { command: 'help' };
  if (argv.includes('-V') || argv.includes('--version')) return { command: 'version' };

  const [command, ...rest] = argv;
  if (command !== 'check') throw new InputError(`unknown command "${command}"; the command is: claimlens check FILE`);

  const overrides: ContextOverrides = {};
  const positionals: string[] = [];
  let json = false;
  let format: InputFormat | undefined;
  let onlyPositionals = false;

  for (let k = 0; k < rest.length; k++) {
    const arg = rest[k] as string;
    if (onlyPositionals || arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = (eq === -1 ? arg : arg.slice(0, eq)).replace(/^--?/, '');
    const inlineValue = eq === -1 ? undefined : arg.slice(eq + 1);
    const takeValue = (): string => {
      if (inlineValue !== undefined) return inlineValue;
      const next = rest[k + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) {
        throw new InputError(`--${name} needs a value`);
      }
      k++;
      return next;
    };
    const noValue = (): void => {
      if (inlineValue !== undefined) throw new InputError(`--${name} takes no value`);
    };

    if (name === 'json') {
      noValue();
      json = true;
    } else if (name === 'non-par') {
      noValue();
      overrides.participating = false;
    } else if (name === 'par') {
      noValue();
      overrides.participating = true;
    } else if (name === 'qp') {
      noValue();
      overrides.qualifyingApm = true;
    } else if (name === 'format') {
      format = oneOf(['json', 'csv'] as const, takeValue(), '--format');
    } else if (Object.hasOwn(VALUE_OPTIONS, name)) {
      (VALUE_OPTIONS[name] as (value: string, o: ContextOverrides) => void)(takeValue(), overrides);
    } else {
      throw new InputError(`unknown option "${arg}" (see claimlens --help)`);
    }
  }

  if (positionals.length === 0) throw new InputError('check needs a FILE, or - to read standard input');
  if (positionals.length > 1) throw new InputError(`check takes one FILE, got ${positionals.length}: ${positionals.join(' ')}`);
  return { command: 'check', input: positionals[0] as string, json, format, overrides };
}

function oneOf<T extends string>(allowed: readonly T[], value: string, option: string): T {
  const match = allowed.find((a) => a === value.toLowerCase());
  if (!match) throw new InputError(`${option} expects one of ${allowed.join(', ')}, got "${value}"`);
  return match;
}

function dollars(value: string, option: string): number {
  const cleaned = value.replace(/^\$/, '').replace(/,/g, '');
  if (!/^\d+(?:\.\d+)?$/.test(cleaned)) throw new InputError(`${option} expects a number, got "${value}"`);
  return Number(cleaned);
}
