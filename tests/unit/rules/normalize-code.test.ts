import { describe, expect, test } from 'vitest';
import { normalizeCode } from '../../../src/rules/normalize-code';

describe('normalizeCode reads codes as billers type them', () => {
  test.each([
    ['97530', '97530', []],
    [' 97530 ', '97530', []],
    ['97530-GP', '97530', ['GP']],
    ['97530 GP 59', '97530', ['GP', '59']],
    ['97530GP', '97530', ['GP']],
    ['97530gp59', '97530', ['GP', '59']],
    ['97530 - Therapeutic activities', '97530', []],
    ['g0283', 'G0283', []],
    ['0591T', '0591T', []],
    ['0001A', '0001A', []],
  ])('%j → %s %j', (raw, code, modifiers) => {
    expect(normalizeCode(raw)).toEqual({ code, modifiers });
  });

  test.each(['', 'abc', '1234', '975301', 'Z56.0', '(555) 123-4567', '$97530'])('%j is not a code', (raw) => {
    expect(normalizeCode(raw)).toBeUndefined();
  });
});
