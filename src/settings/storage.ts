import { DEFAULT_SETTINGS, Settings, type SettingsInput } from './schema';

/** The part of chrome.storage.local we use; injected so unit tests need no browser. */
export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export const SETTINGS_KEY = 'settings';

/**
 * Reads the saved settings. A stored value that no longer parses (older or damaged) keeps
 * every field that is still valid and falls back to defaults for the rest — a setting is
 * never silently reset to defaults as a whole.
 */
export async function loadSettings(area: KeyValueArea): Promise<Settings> {
  const stored = (await area.get(SETTINGS_KEY))[SETTINGS_KEY];
  if (stored === undefined) return DEFAULT_SETTINGS;
  const whole = Settings.safeParse(stored);
  if (whole.success) return whole.data;
  if (typeof stored !== 'object' || stored === null) return DEFAULT_SETTINGS;
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(stored)) {
    const field = Settings.shape[key as keyof typeof Settings.shape];
    if (field && field.safeParse(value).success) kept[key] = value;
  }
  return Settings.parse(kept);
}

/** Validates then stores; throws the zod error on bad input (the caller answers it). */
export async function saveSettings(area: KeyValueArea, input: SettingsInput): Promise<Settings> {
  const settings = Settings.parse(input);
  await area.set({ [SETTINGS_KEY]: settings });
  return settings;
}
