import { z } from 'zod';
import { Payer, Setting, UnitMethod } from '../rules/claim';

/**
 * The practice's settings: everything a claim needs that a portal page does not show.
 * Every field has a default so a fresh install works (national, non-facility, Medicare).
 */

/** "national" or a Medicare locality as "MAC-LL" (as in the GPCI file, e.g. "01112-05"). */
export const Locality = z
  .string()
  .regex(/^(national|\d{5}-\d{2})$/, 'locality must be "national" or MAC-locality like "01112-05"');

export const Assistant = z.enum(['none', 'CQ', 'CO']);
export type Assistant = z.infer<typeof Assistant>;

/** Fee as a percentage of the Medicare allowed amount (commercial contracts, state WC schedules). */
const Percent = z.number().positive('percentage must be above 0').max(1000, 'percentage above 1000 % looks like a typo');

/**
 * A site the overlay runs on, as a match pattern for one origin: "https://portal.example.com/*".
 * localhost and 127.0.0.1 are always on (host_permissions) and need no entry.
 */
export const OverlaySite = z
  .string()
  .regex(/^(https?):\/\/(\*\.)?[a-z0-9.-]+(:\d+)?\/\*$/i, 'a site must look like https://portal.example.com/*');

export const Settings = z.object({
  locality: Locality.default('national'),
  setting: Setting.default('non-facility'),
  payer: Payer.default('medicare'),
  /** Per payer type: commercial contracts and WC schedules are often a percentage of Medicare. */
  percentOfMedicare: z
    .object({ commercial: Percent.default(100), 'workers-comp': Percent.default(100) })
    .default({ commercial: 100, 'workers-comp': 100 }),
  /** How timed units are counted per payer (CMS 8-minute rule, or the AMA per-code midpoint). */
  unitMethods: z
    .object({ medicare: UnitMethod.default('cms'), commercial: UnitMethod.default('ama'), 'workers-comp': UnitMethod.default('cms') })
    .default({ medicare: 'cms', commercial: 'ama', 'workers-comp': 'cms' }),
  participating: z.boolean().default(true),
  /** Qualifying APM participant: picks the 2026 QP conversion factor. */
  qualifyingApm: z.boolean().default(false),
  /** Services furnished by a PT/OT assistant are billed with CQ/CO (paid at 85 %). */
  assistant: Assistant.default('none'),
  /** PT and SLP allowed amounts already billed this calendar year (their combined KX threshold). */
  therapyYearToDate: z.number().nonnegative('therapy amount cannot be negative').max(1_000_000).default(0),
  /** OT allowed amounts already billed this calendar year: OT has its own KX threshold. */
  therapyYearToDateOt: z.number().nonnegative('therapy amount cannot be negative').max(1_000_000).default(0),
  /** Extra sites (beyond localhost) where the overlay runs; each needs a granted permission. */
  overlaySites: z.array(OverlaySite).max(200).default([]),
});
export type Settings = z.infer<typeof Settings>;
export type SettingsInput = z.input<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = Settings.parse({});

/** The file users export and import (a wrapper so we can tell our file from any JSON). */
export const SettingsFile = z.object({
  format: z.literal('claimlens-settings', { error: 'not a ClaimLens settings file' }),
  version: z.literal(1, { error: 'settings file version not supported' }),
  settings: Settings,
});
export type SettingsFile = z.infer<typeof SettingsFile>;
