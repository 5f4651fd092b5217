import type { CodeCard, CodeSearchHit, DatasetStatus, ImportReport, SeedStatus } from '../data/store/api';
import type { CheckResult } from '../rules/result';
import type { Settings } from '../settings/schema';
import type { YearFee } from './fee';
import type { RequestType } from './messages';

/** A Medicare payment locality, for the options page's state → locality picker. */
export interface LocalityInfo {
  /** "MAC-LL", e.g. "01112-05". */
  locality: string;
  state: string;
  name: string;
}

/** What the popup shows for one code: the store's card plus fees for the user's locality. */
export interface CodeView {
  query: { text: string; code: string; modifiers: string[] };
  /** Date of service the PTP/MUE tables were chosen for. */
  date: string;
  locality: string;
  setting: 'non-facility' | 'facility';
  card: CodeCard;
  /** One entry per year with RVU data (2025, 2026), for the chosen locality and setting. */
  fees: YearFee[];
}

export interface PingReply {
  pong: true;
  version: string;
}

/** What each message answers (the `data` of `{ ok: true, data }`). */
export interface ResponseData {
  ping: PingReply;
  'check-claim': CheckResult;
  'lookup-code': CodeView;
  'search-codes': CodeSearchHit[];
  'get-settings': Settings;
  'save-settings': Settings;
  'data-status': SeedStatus & { error?: string };
  'import-dataset': ImportReport;
  'list-datasets': DatasetStatus[];
  'remove-dataset': DatasetStatus[];
  'lookup-zip': LocalityInfo;
  'list-localities': LocalityInfo[];
}

// Compile-time check that every request type has an answer type.
type _EveryTypeAnswered = RequestType extends keyof ResponseData ? true : never;
export const everyTypeAnswered: _EveryTypeAnswered = true;
