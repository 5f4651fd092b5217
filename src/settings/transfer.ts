import { z } from 'zod';
import { Settings, SettingsFile } from './schema';

/** Settings as a JSON file the practice can keep or copy to another browser. */
export function exportSettings(settings: Settings): string {
  const file: SettingsFile = { format: 'claimlens-settings', version: 1, settings };
  return JSON.stringify(file, null, 2);
}

export type ImportOutcome = { ok: true; settings: Settings } | { ok: false; error: string };

/** Reads an exported settings file; anything else is refused with a message that says why. */
export function importSettings(text: string): ImportOutcome {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This file is not JSON: choose a file exported from ClaimLens settings.' };
  }
  const parsed = SettingsFile.safeParse(json);
  if (!parsed.success) return { ok: false, error: `Settings file refused: ${describeIssues(parsed.error)}` };
  return { ok: true, settings: parsed.data.settings };
}

/** "percentOfMedicare.commercial: percentage must be above 0; …" */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
