import { z } from 'zod';
import type { CheckResult } from '../rules/result';

/**
 * The worker's answer to check-claim, validated before anything is shown: the overlay
 * never trusts a message shape it did not check (src/rules/result.ts is the contract).
 */
const Money = z.number().finite();

export const FindingSchema = z.object({
  rule: z.string().min(1),
  severity: z.enum(['error', 'warning', 'info']),
  lines: z.array(z.number().int().nonnegative()),
  message: z.string(),
  source: z.string(),
});

export const LineFeeSchema = z.object({
  line: z.number().int().nonnegative(),
  code: z.string(),
  units: z.number(),
  unitAllowed: Money,
  allowed: Money,
  payerPays: Money,
  limitingCharge: Money.optional(),
  year: z.number(),
  conversionFactor: z.number(),
  note: z.string().optional(),
  breakdown: z.array(z.string()),
  source: z.string(),
});

export const CheckResultSchema = z.object({
  findings: z.array(FindingSchema),
  fees: z.object({
    lines: z.array(LineFeeSchema),
    allowed: Money,
    medicarePays: Money,
    payerPays: Money,
  }),
});

export const CheckClaimResponseSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: CheckResultSchema }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

export type CheckClaimResponse =
  | { ok: true; data: CheckResult }
  | { ok: false; error: string };

/** Parses a raw answer; a malformed one becomes an error answer, never an exception. */
export function parseCheckClaimResponse(raw: unknown): CheckClaimResponse {
  const parsed = CheckClaimResponseSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, error: `unexpected answer from the extension: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
  }
  // Rule ids arrive as strings; RuleId is a string template type, so this is the same data.
  return parsed.data as CheckClaimResponse;
}
