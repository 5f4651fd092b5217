import { z } from 'zod';
import { ServiceLine } from '../rules/claim';

/**
 * Every message between content scripts, popup, options and the service worker.
 * The worker parses each one with `Request` and answers `{ ok: true, data }` or
 * `{ ok: false, error }`; it never throws at the sender.
 * (The extension-core issue extends this module with lookups, settings and imports.)
 */

export const PingRequest = z.object({ type: z.literal('ping') });

/** Lines as read from a portal page; context (payer, locality, …) comes from settings. */
export const CheckClaimRequest = z.object({
  type: z.literal('check-claim'),
  lines: z.array(ServiceLine).max(500),
});

export const Request = z.discriminatedUnion('type', [PingRequest, CheckClaimRequest]);
export type Request = z.infer<typeof Request>;

export type Response<T> = { ok: true; data: T } | { ok: false; error: string };
