import { z } from 'zod';
import type { ConversionFactor } from './reference';
import { BundleFormatError } from './bundle-text';

/**
 * Conversion factor bundle (conversion-factors.json). 2026 has two factors (MACRA):
 * one for qualifying APM participants and one for everyone else; earlier years have one.
 */
export const CONVERSION_FACTOR_FORMAT = 'claimlens-conversion-factors-v1';

export const conversionFactorEntrySchema = z.object({
  year: z.number().int().min(1992).max(2100),
  value: z.number().positive(),
  /** Who the factor applies to. */
  appliesTo: z.enum(['all', 'qualifying-apm', 'non-qualifying-apm']),
  source: z.string().min(1),
});

export const conversionFactorBundleSchema = z.object({
  format: z.literal(CONVERSION_FACTOR_FORMAT),
  factors: z.array(conversionFactorEntrySchema).min(1),
});

export type ConversionFactorEntry = z.infer<typeof conversionFactorEntrySchema>;

export function parseConversionFactorBundle(text: string, datasetId: string): ConversionFactorEntry[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BundleFormatError(datasetId, 1, `not JSON (${(error as Error).message})`);
  }
  const parsed = conversionFactorBundleSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BundleFormatError(datasetId, 1, `${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data.factors;
}

export function toConversionFactor(entry: ConversionFactorEntry): ConversionFactor {
  return { year: entry.year, value: entry.value, source: entry.source };
}
