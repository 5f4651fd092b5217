import { z } from 'zod';
import type { CheckResult } from '../rules/result';

/**
 * The worker's answer to check-claim, validated before anything is shown: the overlay
 * never trusts a message shape it did not check (src/rules/result.ts is the contract).
 * The schemas are built on first use, not when the content script loads: building a zod
 * schema is not free, and script evaluation on every page is already the overlay's
 * largest single task.
 */
function buildSchemas() {
  const Money = z.number().finite();
  const Finding = z.object({
    rule: z.string().min(1),
    severity: z.enum(['error', 'warning', 'info']),
    lines: z.array(z.number().int().nonnegative()),
    message: z.string(),
    source: z.string(),
  });
  const LineFee = z.object({
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
  const Totals = { allowed: Money, medicarePays: Money, payerPays: Money };
  const Failure = z.object({ ok: z.literal(false), error: z.string() });
  const Response = z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data: z.object({ findings: z.array(Finding), fees: z.object({ lines: z.array(LineFee), ...Totals }) }) }),
    Failure,
  ]);
  /** The answer's outline, its findings and fee lines left for validating in slices. */
  const Outline = z.discriminatedUnion('ok', [
    z.object({
      ok: z.literal(true),
      data: z.object({ findings: z.array(z.unknown()), fees: z.object({ lines: z.array(z.unknown()), ...Totals }) }),
    }),
    Failure,
  ]);
  return { Finding, LineFee, Response, Outline };
}

let built: ReturnType<typeof buildSchemas> | undefined;
function schemas(): ReturnType<typeof buildSchemas> {
  return (built ??= buildSchemas());
}

export type CheckClaimResponse =
  | { ok: true; data: CheckResult }
  | { ok: false; error: string };

function invalid(issue: z.core.$ZodIssue | undefined): CheckClaimResponse {
  return { ok: false, error: `unexpected answer from the extension: ${issue?.message ?? 'invalid'}` };
}

/** Parses a raw answer; a malformed one becomes an error answer, never an exception. */
export function parseCheckClaimResponse(raw: unknown): CheckClaimResponse {
  const parsed = schemas().Response.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error.issues[0]);
  // Rule ids arrive as strings; RuleId is a string template type, so this is the same data.
  return parsed.data as CheckClaimResponse;
}

/** Items validated between two yields to the page. */
export const VALIDATE_SLICE_ITEMS = 50;

/**
 * parseCheckClaimResponse for large answers: the same checks, but findings and fee lines
 * are validated VALIDATE_SLICE_ITEMS at a time with `yieldToPage()` in between, so the
 * answer for a 200-line claim never holds the page's main thread in one long task.
 * Answers with fewer items are validated at once (no added latency while typing).
 */
export async function parseCheckClaimResponseSliced(raw: unknown, yieldToPage: () => Promise<void>): Promise<CheckClaimResponse> {
  const outline = schemas().Outline.safeParse(raw);
  if (!outline.success) return invalid(outline.error.issues[0]);
  if (!outline.data.ok) return outline.data;
  const { findings, fees } = outline.data.data;
  if (findings.length + fees.lines.length <= VALIDATE_SLICE_ITEMS) return parseCheckClaimResponse(raw);
  const validated = { findings: [] as unknown[], lines: [] as unknown[] };
  const parts = [
    { items: findings, schema: schemas().Finding, into: validated.findings },
    { items: fees.lines, schema: schemas().LineFee, into: validated.lines },
  ] as const;
  let sinceYield = 0;
  for (const { items, schema, into } of parts) {
    for (const item of items) {
      if (sinceYield++ === VALIDATE_SLICE_ITEMS) {
        sinceYield = 1;
        await yieldToPage();
      }
      const parsed = schema.safeParse(item);
      if (!parsed.success) return invalid(parsed.error.issues[0]);
      into.push(parsed.data);
    }
  }
  const data = { findings: validated.findings, fees: { ...fees, lines: validated.lines } };
  return { ok: true, data: data as CheckResult };
}
