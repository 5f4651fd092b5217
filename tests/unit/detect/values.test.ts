import { describe, expect, test } from 'vitest';
import { parseDate, parseDiagnoses, parseModifiers, parseMoney, parseQuantity } from '../../../src/detect/values';

describe('dates as portals show them become YYYY-MM-DD', () => {
  test.each([
    ['11/20/2026', '2026-11-20'],
    ['1/5/26', '2026-01-05'],
    ['2026-11-20', '2026-11-20'],
    [' 2026-11-20T00:00:00 ', '2026-11-20'],
    ['11-20-2026', '2026-11-20'],
    ['11.20.2026', '2026-11-20'],
    ['11 20 26', '2026-11-20'],
    ['11202026', '2026-11-20'],
    ['112026', '2026-11-20'],
    ['02/29/2028', '2028-02-29'],
  ])('%j → %s', (raw, iso) => expect(parseDate(raw)).toBe(iso));

  test.each(['', 'today', '13/01/2026', '02/30/2026', '02/29/2027', '2026-13-01', '12345', '97110'])('%j is not a date', (raw) => {
    expect(parseDate(raw)).toBeUndefined();
  });
});

describe('money', () => {
  test.each([
    ['$1,234.00', 1234],
    ['1234.5', 1234.5],
    ['80', 80],
    [' $ 61.00 ', 61],
    ['USD 80.00', 80],
    ['12345.00', 12345],
  ])('%j → %d', (raw, value) => expect(parseMoney(raw)).toBe(value));

  test.each(['', 'N/A', '(12.00)', '-5', '1,23.00', 'abc'])('%j is not an amount', (raw) => expect(parseMoney(raw)).toBeUndefined());
});

describe('units and minutes', () => {
  test.each([
    ['2', 2],
    [' 2 ', 2],
    ['2.0', 2],
    ['38 min', 38],
    ['1,5', 1.5],
  ])('%j → %d', (raw, value) => expect(parseQuantity(raw)).toBe(value));

  test.each(['', 'two', '-1', '2 units of 97110'])('%j is not a quantity', (raw) => expect(parseQuantity(raw)).toBeUndefined());
});

describe('modifiers from one box or several', () => {
  test.each([
    ['GP', ['GP']],
    ['gp 59', ['GP', '59']],
    ['GP,KX', ['GP', 'KX']],
    ['GP:KX', ['GP', 'KX']],
    ['gp59', ['GP', '59']],
    ['GP-59-KX', ['GP', '59', 'KX']],
    ['', []],
    ['modifier', []],
  ])('%j → %j', (raw, mods) => expect(parseModifiers(raw)).toEqual(mods));
});

describe('ICD-10 codes in a diagnosis field', () => {
  test.each([
    ['m54.50', ['M54.50']],
    ['M54.50, M62.81', ['M54.50', 'M62.81']],
    ['ICD10:M54.50:ICD10:M62.81:', ['M54.50', 'M62.81']],
    ['M5450', ['M5450']],
    ['M54.50 Low back pain, unspecified', ['M54.50']],
    ['I10', ['I10']],
    ['', []],
    ['A', []],
    ['97110', []],
  ])('%j → %j', (raw, codes) => expect(parseDiagnoses(raw)).toEqual(codes));
});
