import type * as StoreApi from '../data/store/api';
import type { Claim } from '../rules/claim';
import type { Finding } from '../rules/finding';
import { normalizeCode } from '../rules/normalize-code';
import type { CheckResult } from '../rules/result';
import type { ReferenceData } from '../data/reference';
import { Settings } from '../settings/schema';
import { loadSettings, saveSettings, type KeyValueArea } from '../settings/storage';
import { claimFromLines } from '../settings/to-claim';
import { describeIssues } from '../settings/transfer';
import { yearFee } from './fee';
import type { Request } from './messages';
import type { CodeView, LocalityInfo, ResponseData } from './responses';
import type { Seeding } from './seeding';

/** Everything the handlers need, injected so unit tests run them without a browser. */
export interface WorkerDeps {
  seeding: Seeding;
  settingsArea: KeyValueArea;
  store: Pick<typeof StoreApi, 'prefetchReference' | 'lookupCode' | 'searchCodes' | 'importCmsFile' | 'listDatasets' | 'removeImportedDataset'>;
  checkClaim(claim: Claim, ref: ReferenceData): CheckResult;
  localities: LocalityDirectory;
  version: string;
  /** YYYY-MM-DD in the user's time zone. */
  today(): string;
  /** After settings change: (un)register the overlay on the granted sites. */
  onSettingsSaved?(settings: Settings): Promise<void>;
}

export interface LocalityDirectory {
  list(): Promise<LocalityInfo[]>;
  byZip(zip: string): Promise<LocalityInfo | undefined>;
}

/** Data a claim check needs before it can answer anything useful. */
const CLAIM_KINDS = ['rvu', 'ptp', 'mue'] as const;
/** How long a request waits for the first datasets of a fresh install (therapy codes load first). */
export const DATA_WAIT_MS = 8_000;

type Handler<T extends Request['type']> = (request: Extract<Request, { type: T }>, deps: WorkerDeps) => Promise<ResponseData[T]>;
type Handlers = { [T in Request['type']]: Handler<T> };

export const handlers: Handlers = {
  async ping(_request, deps) {
    return { pong: true, version: deps.version };
  },

  async 'check-claim'(request, deps) {
    // Hot path (every page edit): independent reads run together; only the claim's locality is kept from the GPCI table.
    const [status, settings, store] = await Promise.all([
      deps.seeding.waitFor(CLAIM_KINDS, DATA_WAIT_MS),
      loadSettings(deps.settingsArea),
      deps.seeding.store(),
    ]);
    const claim = claimFromLines(request.lines, settings);
    const ref = await deps.store.prefetchReference(
      store,
      claim.lines.map((line) => line.code),
      claim.lines.map((line) => line.dos),
      { localities: [claim.locality] },
    );
    const result = deps.checkClaim(claim, ref);
    if (status.complete) return result;
    // Name what this claim still lacks when the prefetch knows it. (An empty list is not proof
    // of completeness: older tables and HCPCS are seeded late, so the note stays until the seed is done.)
    const pending = Array.isArray(ref.pending) ? ref.pending : undefined;
    return { ...result, findings: [...result.findings, loadingFinding(status, pending)] };
  },

  async 'lookup-code'(request, deps) {
    const parsed = normalizeCode(request.query);
    if (!parsed) throw new Error(`"${request.query}" is not a CPT or HCPCS code (like 97530 or G0283); search by words instead.`);
    await deps.seeding.waitFor(['rvu'], DATA_WAIT_MS);
    const settings = await loadSettings(deps.settingsArea);
    const date = request.date ?? deps.today();
    const card = await deps.store.lookupCode(await deps.seeding.store(), parsed.code, {
      dos: date,
      locality: settings.locality,
      qualifyingApm: settings.qualifyingApm,
    });
    // The store's card is setting-free; the fee for the practice's setting is computed here.
    const fees = card.rvu
      .map((row) => yearFee(row, settings.locality === 'national' ? undefined : card.gpci, settings.setting))
      .filter((fee) => fee !== undefined)
      .sort((a, b) => a.year - b.year);
    const view: CodeView = {
      query: { text: request.query, code: parsed.code, modifiers: parsed.modifiers },
      date,
      locality: settings.locality,
      setting: settings.setting,
      card,
      fees,
    };
    return view;
  },

  async 'search-codes'(request, deps) {
    await deps.seeding.waitFor(['rvu'], DATA_WAIT_MS);
    return deps.store.searchCodes(await deps.seeding.store(), request.query, request.limit);
  },

  async 'get-settings'(_request, deps) {
    return loadSettings(deps.settingsArea);
  },

  async 'save-settings'(request, deps) {
    const parsed = Settings.safeParse(request.settings);
    if (!parsed.success) throw new Error(`Settings not saved: ${describeIssues(parsed.error)}`);
    const saved = await saveSettings(deps.settingsArea, parsed.data);
    // The settings are saved either way; a failed overlay registration must not undo that.
    await deps.onSettingsSaved?.(saved).catch((error: unknown) => console.warn('ClaimLens: overlay sites not registered', error));
    return saved;
  },

  async 'data-status'(_request, deps) {
    const status = await deps.seeding.status();
    if (!status.complete) void deps.seeding.start();
    return status;
  },

  async 'import-dataset'(request, deps) {
    const bytes = typeof request.bytes === 'string' ? base64ToBytes(request.bytes) : Uint8Array.from(request.bytes);
    if (bytes.length === 0) throw new Error(`${request.fileName} is empty.`);
    return deps.store.importCmsFile(await deps.seeding.store(), { name: request.fileName, bytes });
  },

  async 'list-datasets'(_request, deps) {
    return deps.store.listDatasets(await deps.seeding.store());
  },

  async 'remove-dataset'(request, deps) {
    const store = await deps.seeding.store();
    await deps.store.removeImportedDataset(store, request.datasetId);
    return deps.store.listDatasets(store);
  },

  async 'lookup-zip'(request, deps) {
    const zip = request.zip.slice(0, 5);
    const found = await deps.localities.byZip(zip);
    if (!found) throw new Error(`ZIP ${zip} is not in the CMS ZIP-to-locality file.`);
    return found;
  },

  async 'list-localities'(_request, deps) {
    return deps.localities.list();
  },
};

function loadingFinding(status: StoreApi.SeedStatus, claimPending: readonly string[] | undefined): Finding {
  const pending = claimPending?.length ? claimPending : status.datasets.filter((d) => !d.complete).map((d) => d.version);
  return {
    rule: 'data.loading',
    severity: 'info',
    lines: [],
    message: `Reference data is still loading (${Math.round(status.progress * 100)} %): edits from ${pending.join('; ') || 'some datasets'} were not checked yet.`,
    source: 'ClaimLens bundled CMS data',
  };
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
