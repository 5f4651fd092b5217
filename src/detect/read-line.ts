/** Reads the current values of a detected line, normalised for the engine. */
import { normalizeCode } from '../rules/normalize-code';
import { fieldText } from './element-text';
import type { DetectedLine, ReadLine } from './types';
import { parseDate, parseDiagnoses, parseModifiers, parseMoney, parseQuantity } from './values';

export function readLine(line: DetectedLine): ReadLine {
  const result: ReadLine = { code: '', modifiers: [], diagnoses: [] };
  const modifiers: string[] = [];
  const modifierFields = line.fields
    .filter((f) => f.kind === 'modifier')
    .sort((a, b) => (typeof a.role === 'number' && typeof b.role === 'number' ? a.role - b.role : 0));
  for (const field of line.fields) {
    const text = fieldText(field.element);
    switch (field.kind) {
      case 'cpt': {
        if (result.code) break;
        const parsed = normalizeCode(text);
        if (parsed) {
          result.code = parsed.code;
          modifiers.push(...parsed.modifiers);
        } else result.code = text.trim().toUpperCase();
        break;
      }
      case 'units':
        result.units ??= parseQuantity(text);
        break;
      case 'minutes':
        result.minutes ??= parseQuantity(text);
        break;
      case 'charge':
        result.charge ??= parseMoney(text);
        break;
      case 'dos': {
        const date = parseDate(text);
        if (!date) break;
        if (field.role === 'to') result.dosTo ??= date;
        else if (!result.dos) result.dos = date;
        else result.dosTo ??= date;
        break;
      }
      case 'icd10':
        for (const code of parseDiagnoses(text)) if (!result.diagnoses.includes(code)) result.diagnoses.push(code);
        break;
      case 'modifier':
        break;
    }
  }
  for (const field of modifierFields) modifiers.push(...parseModifiers(fieldText(field.element)));
  result.modifiers = [...new Set(modifiers)];
  if (result.dos === undefined) delete result.dos;
  return stripUndefined(result);
}

function stripUndefined(line: ReadLine): ReadLine {
  for (const key of Object.keys(line) as Array<keyof ReadLine>) if (line[key] === undefined) delete line[key];
  return line;
}
