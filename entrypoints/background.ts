import {
  getSeedStatus,
  importCmsFile,
  listDatasets,
  lookupCode,
  openReferenceStore,
  prefetchReference,
  removeImportedDataset,
  searchCodes,
  seedFromBundles,
} from '../src/data/store/api';
import { checkClaim } from '../src/rules/check-claim';
import { extensionBundleSource } from '../src/messaging/bundle-source';
import type { WorkerDeps } from '../src/messaging/handlers';
import { bundleLocalityDirectory } from '../src/messaging/localities';
import { handleMessage } from '../src/messaging/router';
import { Seeding } from '../src/messaging/seeding';
import { syncOverlaySites, type OverlayApis } from '../src/settings/overlay-sites';
import { loadSettings } from '../src/settings/storage';

// Thin wiring only: the logic lives in src/messaging and src/settings.
export default defineBackground(() => {
  const bundles = () => extensionBundleSource((path) => browser.runtime.getURL(path as '/'));
  const seeding = new Seeding({ openStore: () => openReferenceStore(), bundleSource: bundles, seedFromBundles, getSeedStatus });
  const overlayApis = { permissions: browser.permissions, scripting: browser.scripting } as unknown as OverlayApis;
  const settingsArea = browser.storage.local;
  const deps: WorkerDeps = {
    seeding,
    settingsArea,
    store: { prefetchReference, lookupCode, searchCodes, importCmsFile, listDatasets, removeImportedDataset },
    checkClaim,
    localities: bundleLocalityDirectory(bundles),
    version: browser.runtime.getManifest().version,
    today: () => new Date().toLocaleDateString('en-CA'), // YYYY-MM-DD, local time
    onSettingsSaved: async (settings) => void (await syncOverlaySites(settings.overlaySites, overlayApis)),
  };
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/').replace(/\/$/, '') };

  browser.runtime.onMessage.addListener((raw: unknown, sender, sendResponse) => {
    void handleMessage(raw, sender, self, deps).then(sendResponse);
    return true; // answered asynchronously
  });

  // Seed on install/update; on every other start resume a seed that did not finish.
  // (onStartup also makes Chrome wake the worker at browser start, so an interrupted seed resumes.)
  browser.runtime.onInstalled.addListener(() => void seeding.start());
  browser.runtime.onStartup.addListener(() => void seeding.resume());
  void seeding.resume();

  // A permission the user removed in chrome://extensions stops the overlay on that site.
  const resync = async () => syncOverlaySites((await loadSettings(settingsArea)).overlaySites, overlayApis).catch(() => undefined);
  browser.permissions.onRemoved.addListener(() => void resync());
  browser.permissions.onAdded.addListener(() => void resync());
});
