/** Listing and removing datasets (options page). */
import type { DatasetStatus, ReferenceStore } from './api';
import { clearReadCache } from './read-records';
import { readRegistry, toStatus } from './registry';
import { purgeGeneration } from './writer';

/** Every readable dataset, bundled and imported, by kind then effective date. */
export async function listDatasets(store: ReferenceStore): Promise<DatasetStatus[]> {
  const registry = (await readRegistry(store.db)).filter((e) => e.state === 'active' || e.state === 'partial');
  return registry
    .sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.effective < b.effective ? -1 : a.effective > b.effective ? 1 : a.order - b.order))
    .map(toStatus);
}

/** Removes an imported dataset; the bundled data for its dates answers again. */
export async function removeImportedDataset(store: ReferenceStore, datasetId: string): Promise<void> {
  const generations = (await readRegistry(store.db)).filter((e) => e.id === datasetId);
  if (generations.length === 0) throw new Error(`no dataset ${datasetId}`);
  if (generations.some((e) => e.origin !== 'import')) throw new Error(`${datasetId} is bundled with ClaimLens and cannot be removed`);
  for (const entry of generations) await purgeGeneration(store.db, entry.key);
  clearReadCache(store.db);
}
