import { z } from 'zod';
import { IsoDate, ServiceLine } from '../rules/claim';

/**
 * Every message between content scripts, popup, options and the service worker.
 * The worker parses each one with `Request` and answers `{ ok: true, data }` or
 * `{ ok: false, error }`; it never throws at the sender. What each message answers is in
 * ./responses.ts; who may send it is in ./sender-policy.ts.
 */

export const PingRequest = z.object({ type: z.literal('ping') });

/** Lines as read from a portal page; context (payer, locality, …) comes from settings. */
export const CheckClaimRequest = z.object({
  type: z.literal('check-claim'),
  lines: z.array(ServiceLine).min(1, 'no service lines to check').max(500, 'more than 500 lines'),
});

/** One code as billers type it ("97530", "97530-GP", "g0283"); date picks the PTP/MUE table. */
export const LookupCodeRequest = z.object({
  type: z.literal('lookup-code'),
  query: z.string().trim().min(1, 'type a code').max(100),
  date: IsoDate.optional(),
});

/** Codes or words ("therapeutic", "9753", "work hardening"). */
export const SearchCodesRequest = z.object({
  type: z.literal('search-codes'),
  query: z.string().trim().min(1, 'type a code or words').max(100),
  limit: z.number().int().min(1).max(50).default(20),
});

export const GetSettingsRequest = z.object({ type: z.literal('get-settings') });

/** The whole settings object; the worker validates it against src/settings/schema.ts. */
export const SaveSettingsRequest = z.object({ type: z.literal('save-settings'), settings: z.unknown() });

export const DataStatusRequest = z.object({ type: z.literal('data-status') });

/** Largest CMS file we accept through a message (the PTP zip of a quarter is about 10 MB). */
export const IMPORT_MAX_BYTES = 40 * 1024 * 1024;
const BASE64_MAX_CHARS = Math.ceil(IMPORT_MAX_BYTES / 3) * 4;

/** A CMS file chosen in the options page: PTP zip or txt part, MUE CSV, PFS RVU CSV, GPCI CSV. */
export const ImportDatasetRequest = z.object({
  type: z.literal('import-dataset'),
  fileName: z.string().min(1).max(260),
  /** The file's bytes as base64 (messages are JSON: no ArrayBuffer) or as a byte array. */
  bytes: z.union([
    z.string().max(BASE64_MAX_CHARS, `file larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB`).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'bytes are not base64'),
    z.array(z.number().int().min(0).max(255)).max(IMPORT_MAX_BYTES, `file larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB`),
  ]),
});

export const ListDatasetsRequest = z.object({ type: z.literal('list-datasets') });

/** Removes an imported dataset (the bundled data answers again for its dates). */
export const RemoveDatasetRequest = z.object({ type: z.literal('remove-dataset'), datasetId: z.string().min(1).max(200) });

/** ZIP code → Medicare locality through the CMS ZIP crosswalk. */
export const LookupZipRequest = z.object({
  type: z.literal('lookup-zip'),
  zip: z.string().trim().regex(/^\d{5}(-?\d{4})?$/, 'a ZIP code has 5 digits'),
});

/** Every Medicare locality (for the state → locality picker). */
export const ListLocalitiesRequest = z.object({ type: z.literal('list-localities') });

export const Request = z.discriminatedUnion('type', [
  PingRequest,
  CheckClaimRequest,
  LookupCodeRequest,
  SearchCodesRequest,
  GetSettingsRequest,
  SaveSettingsRequest,
  DataStatusRequest,
  ImportDatasetRequest,
  ListDatasetsRequest,
  RemoveDatasetRequest,
  LookupZipRequest,
  ListLocalitiesRequest,
]);
export type Request = z.infer<typeof Request>;
export type RequestInput = z.input<typeof Request>;
export type RequestType = Request['type'];

export type Response<T> = { ok: true; data: T } | { ok: false; error: string };
