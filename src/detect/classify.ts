/**
 * Decides what one element is (cpt, units, … or nothing) from the text that describes it.
 * Value shape is supporting evidence only, added by the caller (see evidence.ts).
 * Results are cached per element, keyed by the attributes they were read from.
 */
import { describe, readAttributes, type Attributes, type ScanContext } from './descriptors';
import { scoreText, type KindScores } from './keywords';
import type { DescriptorSource, FieldKind } from './types';

type ScoredKind = FieldKind | 'decoy';

/** How much each kind of describing text counts: what the user sees counts most. */
export const SOURCE_WEIGHT: Record<DescriptorSource, number> = {
  label: 1,
  'aria-label': 1,
  'aria-labelledby': 1,
  'column-header': 1,
  name: 0.9,
  id: 0.8,
  placeholder: 0.8,
  title: 0.7,
  'data-attribute': 0.8,
  'nearby-text': 0.8,
};

/** A kind must reach this score (a label saying "units" gives 1.5; bare "code" 0.5). */
export const ACCEPT_SCORE = 0.75;
/** Weak evidence worth a look at the value: one weak word in a label or column header. */
export const WEAK_SCORE = 0.4;

export interface Classification {
  kind: FieldKind;
  score: number;
  /** Only weak words pointed here ("code", "service" for cpt; "from", "to" for dos): the value must agree. */
  weak: boolean;
  /** dos: from/to read from the text; modifier: box number (1-based) read from name/label. */
  dateRole?: 'from' | 'to';
  position?: number;
  /** Name or id with an index ("lines[2].units", "code_3"): the line key when there is no row. */
  indexKey?: string;
}

export function classifyDescriptors(descriptors: ReturnType<typeof describe>): Classification | null {
  // Runs for every candidate of a page: plain loops, no per-call arrays beyond the tokens.
  const totals: KindScores = {};
  let strongCpt = false;
  const tokenLists: string[][] = [];
  for (let i = 0; i < descriptors.length; i++) {
    const d = descriptors[i]!;
    const { scores, tokens } = scoreText(d.text);
    const weight = SOURCE_WEIGHT[d.source];
    for (const kind in scores) {
      const score = scores[kind as ScoredKind]!;
      totals[kind as ScoredKind] = (totals[kind as ScoredKind] ?? 0) + score * weight;
      if (kind === 'cpt' && score >= 1) strongCpt = true;
    }
    tokenLists.push(tokens);
  }
  let best: FieldKind | undefined;
  let bestScore = 0;
  for (const kind in totals) {
    const score = totals[kind as ScoredKind]!;
    if (kind !== 'decoy' && score > bestScore) {
      best = kind as FieldKind;
      bestScore = score;
    }
  }
  if (!best) return null;
  if ((totals.decoy ?? 0) >= bestScore) return null;
  const weak = best === 'cpt' && !strongCpt;
  // Weak words alone ("Code", "From") are kept as candidates; their value decides (group.ts).
  if (bestScore < ACCEPT_SCORE && !((best === 'cpt' || best === 'dos') && bestScore >= WEAK_SCORE)) return null;
  const result: Classification = { kind: best, score: bestScore, weak: weak || bestScore < ACCEPT_SCORE };
  if (best === 'dos') {
    const allTokens = tokenLists.flat();
    if (allTokens.some((t) => t === 'to' || t === 'thru' || t === 'through' || t === 'end' || t === 'ending' || t === 't')) result.dateRole = 'to';
    else if (allTokens.some((t) => t === 'from' || t === 'start' || t === 'begin' || t === 'f')) result.dateRole = 'from';
  }
  if (best === 'modifier') {
    // "mod 2", "modifier 3", "Modifier B": the box number.
    const allTokens = tokenLists.flat();
    for (let i = 0; i + 1 < allTokens.length; i++) {
      const t = allTokens[i];
      if (t === 'mod' || t === 'modifier' || t === 'modif') {
        const n = Number(allTokens[i + 1]);
        if (n >= 1 && n <= 4) {
          result.position = n;
          break;
        }
      }
    }
  }
  return result;
}

/** Attributes a classification is read from: a change means classify again. */
function signature(el: Element, attrs: Attributes): string {
  let sig = el.parentNode ? '1' : '0';
  // forEach: no entry arrays per attribute (this runs for every candidate of a page).
  attrs.forEach((value, name) => {
    sig += `|${name}=${value}`;
  });
  return sig;
}

interface CacheEntry {
  signature: string;
  result: Classification | null;
}

let cache = new WeakMap<Element, CacheEntry>();

/** Forget every cached classification (labels or headers changed text). */
export function clearClassificationCache(): void {
  cache = new WeakMap();
}

/** Forget one element's classification (its attributes or content changed). */
export function forgetClassification(el: Element): void {
  cache.delete(el);
}

/**
 * @param trustCache the caller (the watcher) forgets elements whose describing attributes
 *   change, so a cached answer is used without re-reading attributes.
 */
export function classifyElement(el: Element, context: ScanContext, trustCache = false): Classification | null {
  const cached = cache.get(el);
  if (cached && trustCache) return cached.result;
  const attrs = readAttributes(el);
  const sig = signature(el, attrs);
  if (cached && cached.signature === sig) return cached.result;
  const result = classifyDescriptors(describe(el, context, attrs));
  if (result) {
    const key = indexKeyOf(attrs.get('name') ?? '') ?? indexKeyOf(attrs.get('id') ?? '');
    if (key) result.indexKey = key;
  }
  cache.set(el, { signature: sig, result });
  return result;
}

/**
 * The line index hidden in a name or id: "lines[2].units" → "lines[#]:2", "bill[1][code]" →
 * "bill[#]:1", "code_3" / "units3" → ":3", "line1_24d_mod1" → "line#:1". Undefined when none.
 */
export function indexKeyOf(name: string): string | undefined {
  if (!name) return undefined;
  const bracket = /^(.*?)[[.](\d+)[\].]/.exec(name);
  if (bracket) return `${bracket[1]}[#]:${bracket[2]}`;
  const lineWord = /(line|row|svc|service|item|detail|ln)[_-]?(\d+)/i.exec(name);
  if (lineWord) return `${lineWord[1]!.toLowerCase()}#:${lineWord[2]}`;
  const trailing = /(?:[A-Za-z]|[_-])(\d{1,3})$/.exec(name);
  if (trailing && !/(mod|modifier|modif|dx|diag\w*|icd\w*|ptr|pointer)[_-]?\d+$/i.test(name)) return `#:${trailing[1]}`;
  const middle = /^[A-Za-z]+[_-](\d{1,3})[_-][A-Za-z]/.exec(name);
  if (middle) return `#:${middle[1]}`;
  return undefined;
}
