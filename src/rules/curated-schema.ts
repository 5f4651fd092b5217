import { z } from 'zod';
import type { CuratedCode, TipRule } from '../data/reference';
import { CODE_PATTERN, MODIFIER_PATTERN } from './normalize-code';

/**
 * Schemas of the project's own curated tables (data/curated/codes.json and tips.json).
 * The data build validates both files with these before bundling them.
 */
const Code = z.string().regex(CODE_PATTERN, 'not a CPT/HCPCS code');
const Modifier = z.string().regex(MODIFIER_PATTERN, 'not a two-character modifier');

export const CuratedCodeSchema = z
  .object({
    code: Code,
    kind: z.enum(['timed', 'untimed']),
    unitMinutes: z.number().int().positive().optional(),
    alwaysTherapy: z.boolean(),
    summary: z.string().min(10).optional(),
    source: z.string().min(5, 'every curated code names its source'),
  })
  .refine((c) => c.kind === 'untimed' || c.unitMinutes !== undefined, 'timed codes need unitMinutes');

export const CuratedCodesFileSchema = z
  .object({ entries: z.array(CuratedCodeSchema).min(1) })
  .refine((f) => new Set(f.entries.map((e) => e.code)).size === f.entries.length, 'duplicate code in codes.json');

export const TipRuleSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, 'tip ids are lower-case words joined by - or .'),
  codes: z.array(Code).min(1),
  withCodes: z.array(Code).min(1).optional(),
  missingModifiers: z.array(Modifier).min(1).optional(),
  payers: z.array(z.enum(['medicare', 'commercial', 'workers-comp'])).min(1).optional(),
  unitsAbove: z.number().int().nonnegative().optional(),
  severity: z.enum(['info', 'warning']),
  message: z.string().min(20),
  source: z.string().min(5, 'every tip names its source'),
});

export const TipsFileSchema = z
  .object({ tips: z.array(TipRuleSchema) })
  .refine((f) => new Set(f.tips.map((t) => t.id)).size === f.tips.length, 'duplicate tip id in tips.json');

// Compile-time check that the schemas produce the reference types.
type Assignable<T, U extends T> = U;
export type _CuratedCodeFits = Assignable<CuratedCode, z.infer<typeof CuratedCodeSchema>>;
export type _TipRuleFits = Assignable<TipRule, z.infer<typeof TipRuleSchema>>;

export function parseCuratedCodes(json: unknown): CuratedCode[] {
  return CuratedCodesFileSchema.parse(json).entries;
}

export function parseTips(json: unknown): TipRule[] {
  return TipsFileSchema.parse(json).tips;
}
