/**
 * Code search for the popup: a code in any common format, a code prefix ("9753"), or words
 * (prefix match on our curated summaries and HCPCS Level II descriptions).
 * Reads key ranges only (word index, RVU keys), never whole tables.
 */
import type { CuratedCode } from '../reference';
import { normalizeCode } from '../../rules/normalize-code';
import type { CodeSearchHit, ReferenceStore } from './api';
import { bucketOf, type BucketStoreName, type DatasetEntry, type StoredBucket, type StoredDoc, type StoredHcpcs } from './records';
import { isReadable, readRegistry } from './registry';
import { newestOfKind } from './select';
import { labelWords } from './words';

export async function searchCodes(store: ReferenceStore, query: string, limit = 20): Promise<CodeSearchHit[]> {
  const db = store.db;
  const registry = (await readRegistry(db)).filter((e) => e.state === 'active');
  const curatedEntry = newestOfKind(registry, 'curated-codes');
  const hcpcsEntry = newestOfKind(registry, 'hcpcs');
  const curated = new Map(((((curatedEntry && (await db.get('docs', [curatedEntry.key, 'codes']))) as StoredDoc | undefined)?.value as CuratedCode[] | undefined) ?? []).map((c) => [c.code, c]));

  const label = async (code: string): Promise<string> => {
    const summary = curated.get(code)?.summary;
    if (summary) return summary;
    const bucket = hcpcsEntry && ((await db.get('hcpcs', [hcpcsEntry.key, bucketOf('hcpcs', code)])) as StoredBucket<'hcpcs'> | undefined);
    const row = bucket?.items[code] as StoredHcpcs | undefined;
    return row?.short || row?.long || "";
  };
  /** Item keys starting with `prefix` in the buckets of one dataset (a key range of buckets, never the table). */
  const keysWithPrefix = async (store: BucketStoreName, ds: string, prefix: string, maxBuckets: number): Promise<Array<[string, unknown]>> => {
    const bucketLength = bucketOf(store, 'xxxxxxxx').length;
    const buckets =
      prefix.length >= bucketLength
        ? [(await db.get(store, [ds, prefix.slice(0, bucketLength)])) as StoredBucket | undefined]
        : ((await db.getAll(store, IDBKeyRange.bound([ds, prefix], [ds, `${prefix}\uffff`]), maxBuckets)) as StoredBucket[]);
    return buckets.flatMap((bucket) => (bucket ? Object.entries(bucket.items).filter(([key]) => key.startsWith(prefix)) : []));
  };
  const hits = async (codes: string[]): Promise<CodeSearchHit[]> => Promise.all(codes.slice(0, limit).map(async (code) => ({ code, label: await label(code) })));

  const trimmed = query.trim();
  if (trimmed === '' || limit <= 0) return [];
  const parsed = normalizeCode(trimmed);
  if (parsed) return hits([parsed.code]);

  // A code prefix: letters/digits with at least one digit, shorter than a code.
  const prefix = trimmed.toUpperCase();
  if (/^[A-Z]?\d{1,4}$/.test(prefix)) {
    const found = new Set<string>([...curated.keys()].filter((c) => c.startsWith(prefix)));
    for (const entry of [...registry.filter((e) => e.kind === 'rvu'), ...(hcpcsEntry ? [hcpcsEntry] : [])]) {
      if (found.size >= limit) break;
      for (const [code] of await keysWithPrefix(entry.kind === 'rvu' ? 'rvu' : 'hcpcs', entry.key, prefix, 20)) found.add(code);
    }
    return hits([...found].sort().slice(0, limit));
  }

  // Words: every query word must prefix-match a word of the label; curated codes first.
  const words = labelWords(trimmed);
  if (words.length === 0) return [];
  const sources = [curatedEntry, hcpcsEntry].filter((e): e is DatasetEntry => !!e && isReadable(e));
  let matching: Set<string> | undefined;
  for (const word of words) {
    const codes = new Set<string>();
    for (const entry of sources) {
      for (const [, list] of await keysWithPrefix('words', entry.key, word, 40)) for (const code of (list as string).split(',')) codes.add(code);
    }
    matching = matching ? new Set([...matching].filter((c) => codes.has(c))) : codes;
    if (matching.size === 0) return [];
  }
  const ranked = [...(matching ?? [])].filter((c) => c.length === 5).sort((a, b) => Number(curated.has(b)) - Number(curated.has(a)) || (a < b ? -1 : 1));
  return hits(ranked);
}
