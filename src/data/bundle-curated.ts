import { z } from 'zod';
import type { CuratedCode, TipRule } from './reference';
import { BundleFormatError } from './bundle-text';
import { CuratedCodeSchema, TipRuleSchema } from '../rules/curated-schema';

/**
 * Curated bundles (curated-codes.json, curated-tips.json): byte-for-byte copies of
 * data/curated/codes.json and tips.json (written by the engine engineer). Accepted as a
 * bare array or wrapped as {entries|codes: […]} / {tips: […]}.
 */
/** The engine's schemas (src/rules/curated-schema.ts): one definition of a valid curated entry. */
export const curatedCodeSchema = CuratedCodeSchema;
export const tipRuleSchema = TipRuleSchema;

function unwrap(json: unknown, keys: readonly string[]): unknown {
  if (Array.isArray(json)) return json;
  if (json && typeof json === 'object') {
    for (const key of keys) {
      const value = (json as Record<string, unknown>)[key];
      if (Array.isArray(value)) return value;
    }
  }
  return json;
}

function parseList<T>(text: string, datasetId: string, keys: readonly string[], item: z.ZodType<T>): T[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BundleFormatError(datasetId, 1, `not JSON (${(error as Error).message})`);
  }
  const parsed = z.array(item).safeParse(unwrap(json, keys));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `entry ${issue.path.join('.')}` : `expected an array or {${keys.join('|')}: [...]}`;
    throw new BundleFormatError(datasetId, 1, `${where}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

export function parseCuratedCodesBundle(text: string, datasetId = 'curated-codes'): CuratedCode[] {
  return parseList(text, datasetId, ['entries', 'codes'], curatedCodeSchema) as CuratedCode[];
}

export function parseTipsBundle(text: string, datasetId = 'curated-tips'): TipRule[] {
  return parseList(text, datasetId, ['tips', 'entries'], tipRuleSchema) as TipRule[];
}
