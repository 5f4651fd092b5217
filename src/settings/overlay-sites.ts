/**
 * The overlay on sites the user chose. localhost and 127.0.0.1 are in host_permissions and
 * the manifest's content script; every other site is an optional host permission asked at
 * run time (chrome.permissions.request, from a click in the options page), then the same
 * built content script is registered for the granted origins.
 */

/** The built overlay content script (entrypoints/content.ts → content-scripts/content.js). */
export const OVERLAY_SCRIPT = 'content-scripts/content.js';
export const OVERLAY_REGISTRATION_ID = 'claimlens-overlay-sites';

/** The chrome.permissions / chrome.scripting calls used (injected for tests). */
export interface OverlayApis {
  permissions: { contains(p: { origins: string[] }): Promise<boolean> };
  scripting: {
    getRegisteredContentScripts(filter: { ids: string[] }): Promise<Array<{ id: string }>>;
    unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
    registerContentScripts(scripts: Array<{
      id: string;
      matches: string[];
      js: string[];
      allFrames: boolean;
      runAt: 'document_idle';
      persistAcrossSessions: boolean;
    }>): Promise<void>;
  };
}

/** "portal.example.com", "https://portal.example.com/claims" → "https://portal.example.com/*". */
export function siteToMatchPattern(input: string): string | undefined {
  const text = input.trim();
  if (!text) return undefined;
  try {
    const url = new URL(/^[a-z]+:\/\//i.test(text) ? text : `https://${text}`);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    if (!url.hostname.includes('.') && url.hostname !== 'localhost') return undefined;
    return `${url.protocol}//${url.host}/*`;
  } catch {
    return undefined;
  }
}

/**
 * Registers the overlay for the sites whose permission is granted (and only those); returns
 * the sites that still lack a permission so the options page can say so.
 */
export async function syncOverlaySites(sites: readonly string[], apis: OverlayApis): Promise<{ active: string[]; notGranted: string[] }> {
  const active: string[] = [];
  const notGranted: string[] = [];
  for (const site of sites) {
    if (await apis.permissions.contains({ origins: [site] })) active.push(site);
    else notGranted.push(site);
  }
  const existing = await apis.scripting.getRegisteredContentScripts({ ids: [OVERLAY_REGISTRATION_ID] });
  if (existing.length > 0) await apis.scripting.unregisterContentScripts({ ids: [OVERLAY_REGISTRATION_ID] });
  if (active.length > 0) {
    await apis.scripting.registerContentScripts([
      { id: OVERLAY_REGISTRATION_ID, matches: active, js: [OVERLAY_SCRIPT], allFrames: true, runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  }
  return { active, notGranted };
}
