import { z } from 'zod';

/** Date.parse rolls 2026-02-30 over into March: a real date round-trips. */
export function isCalendarDate(iso: string): boolean {
  const parsed = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === iso;
}

/** A calendar date as billers' systems export it: YYYY-MM-DD. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(isCalendarDate, 'not a real calendar date');

export const Payer = z.enum(['medicare', 'commercial', 'workers-comp']);
export type Payer = z.infer<typeof Payer>;

export const UnitMethod = z.enum(['cms', 'ama']);
export type UnitMethod = z.infer<typeof UnitMethod>;

export const Setting = z.enum(['non-facility', 'facility']);
export type Setting = z.infer<typeof Setting>;

/** One service line as keyed into a portal or exported from a PM system. */
export const ServiceLine = z.object({
  /** CPT/HCPCS code as typed; the engine normalises it (see normalizeCode). */
  code: z.string().min(1, 'code is empty'),
  modifiers: z.array(z.string()).default([]),
  units: z.number().int('units must be a whole number').nonnegative().optional(),
  minutes: z.number().nonnegative().optional(),
  dos: IsoDate,
  dosTo: IsoDate.optional(),
  diagnoses: z.array(z.string()).default([]),
  charge: z.number().nonnegative().optional(),
});
export type ServiceLine = z.infer<typeof ServiceLine>;

/** Claim-level context: who pays, where, how units are counted. */
export const ClaimContext = z.object({
  payer: Payer.default('medicare'),
  /** Defaults by payer: Medicare and workers' comp use CMS, commercial uses AMA. */
  unitMethod: UnitMethod.optional(),
  /** "MAC-LL" as in the GPCI file (e.g. "01112-05"), or "national". */
  locality: z.string().default('national'),
  setting: Setting.default('non-facility'),
  participating: z.boolean().default(true),
  /** Qualifying APM participant: selects the 2026 QP conversion factor. */
  qualifyingApm: z.boolean().default(false),
  /** Therapy allowed amounts already billed this calendar year (for the KX threshold). */
  therapyYearToDate: z.number().nonnegative().default(0),
  /** OT allowed amounts this year, when tracked apart (the OT threshold is separate); else therapyYearToDate. */
  therapyYearToDateOt: z.number().nonnegative().optional(),
  /** Commercial and workers' comp fees as a percentage of Medicare. */
  feePercentOfMedicare: z.number().positive().default(100),
});
export type ClaimContext = z.infer<typeof ClaimContext>;

export const Claim = ClaimContext.extend({
  lines: z.array(ServiceLine).min(1, 'a claim needs at least one service line'),
});
export type Claim = z.infer<typeof Claim>;
export type ClaimInput = z.input<typeof Claim>;

export function effectiveUnitMethod(ctx: Pick<ClaimContext, 'payer' | 'unitMethod'>): UnitMethod {
  return ctx.unitMethod ?? (ctx.payer === 'commercial' ? 'ama' : 'cms');
}
