import type { FieldKind } from './types';
import { tokenize } from './tokens';

/**
 * What a phrase says about a field. 'decoy' means the field is something else that looks
 * like a claim value (NPI, ZIP, phone, claim/account/member numbers, pointers, totals…);
 * 'neutral' swallows words that would otherwise mislead ("fee sheet" is not a fee).
 */
export type PhraseKind = FieldKind | 'decoy' | 'neutral';

export interface KeywordRule {
  phrase: string;
  kind: PhraseKind;
  score: number;
}

/**
 * Scores: attribute nouns (units, modifier, date, charge, diagnosis) weigh 1.5 so that
 * "CPT units" or "procedure date" read as units and date; code nouns (CPT, HCPCS,
 * procedure) weigh 1; bare "code" is weak (0.5, needs a line around it or a code-shaped
 * value); decoys weigh 2 and win over anything in the same text ("ZIP code").
 * Phrases match whole tokens, longest first, so "date of birth" never counts as a date.
 */
const CODE = 1;
const ATTR = 1.5;
const WEAK = 0.5;
const DECOY = 2;

const TABLE: Array<[PhraseKind, number, string[]]> = [
  ['cpt', CODE, ['cpt', 'cpts', 'cpt 4', 'hcpcs', 'cpt hcpcs', 'hcpc', 'procedure', 'procedures', 'proc', 'proc code',
    'procedure code', 'service code', 'svc code', 'billing code', 'billing codes', 'charge code', '24d', 'product or service',
    'px', 'px code', 'treatment code', 'service item']],
  ['cpt', WEAK, ['code', 'codes', 'service', 'services', 'item code']],
  ['modifier', ATTR, ['modifier', 'modifiers', 'mod', 'mods', 'modif', 'cpt modifier', 'procedure modifier', 'mod code']],
  ['units', ATTR, ['unit', 'units', 'qty', 'quantity', 'uos', 'days or units', 'units of service', 'service units', '24g',
    'unit count', 'no of units', 'num units', 'number of units']],
  ['minutes', ATTR, ['minutes', 'minute', 'min', 'mins', 'duration', 'treatment time', 'time spent', 'total time', 'timed minutes',
    'tx time', 'time min', 'time minutes']],
  ['minutes', CODE, ['time']],
  // "From" / "To" column headers under a date heading that sits elsewhere (div grids).
  ['dos', WEAK, ['from', 'to', 'thru', 'through']],
  ['dos', ATTR, ['date', 'dates', 'dos', 'date of service', 'dates of service', 'service date', 'date s of service', 'svc date',
    'from date', 'to date', 'start date', 'end date', 'dos from', 'dos to', 'serviced date', '24a', 'dt', 'dos f', 'dos t',
    'mm dd yyyy', 'mm dd yy', 'yyyy mm dd', 'm d yyyy', 'visit date', 'treatment date']],
  ['charge', ATTR, ['charge', 'charges', 'fee', 'fees', 'amount', 'amt', 'billed', 'billed amount', 'price', 'unit price',
    '$', '24f', 'charge amount', 'line charge', 'cost', 'net', 'chg', 'usd']],
  ['icd10', ATTR, ['diagnosis', 'diagnoses', 'diag', 'dx', 'icd', 'icd 10', 'diagnosis code', 'dx code', 'icd code',
    'icd 10 code', 'justify', 'justification', 'problem code']],
  ['neutral', 0, ['fee sheet', 'fee schedule', 'price level', 'line', 'lines', 'row', 'item', 'items',
    'svc', 'detail', 'bill', 'entry', 'service line', 'service lines', 'svc line', 'claim line', 'claim lines', 'line item',
    'line items', 'service item', 'service items', 'services rendered', 'txt']],
  ['decoy', DECOY, [
    // identifiers of people, payers and providers
    'npi', 'npi number', 'zip', 'zip code', 'zipcode', 'postal', 'postal code', 'phone', 'telephone', 'tel', 'fax', 'mobile',
    'cell', 'email', 'ssn', 'tax', 'tax id', 'tin', 'ein', 'federal tax id', 'member', 'member id', 'subscriber', 'insured',
    'policy', 'group number', 'group no', 'group id', 'mrn', 'chart', 'account', 'acct', 'account number', 'patient account',
    'claim number', 'claim no', 'claim id', 'claim #', 'claim ref', 'icn', 'dcn', 'payer id', 'payer', 'authorization',
    'auth', 'prior auth', 'referral', 'provider', 'rendering', 'rendering provider', 'provider id', 'taxonomy', 'license',
    'id qual', 'qualifier', 'clia', 'address', 'city', 'state', 'country', 'street',
    // dates that are not dates of service
    'birth', 'date of birth', 'dob', 'birthdate', 'onset', 'injury', 'illness', 'accident', 'admission', 'admit',
    'discharge', 'hospitalization', 'last seen', 'signature', 'signed', 'expiration', 'expiry', 'unable to work',
    // line things that are not what we read
    'pointer', 'pointers', 'ptr', 'dx pointer', 'diagnosis pointer', 'diag pointer', 'icd pointer', 'diagnosis sequence',
    'dx ptr', 'pos', 'place of service', 'place', 'tos', 'type of service', 'emg', 'epsdt', 'ndc', 'revenue', 'rev code',
    'code type', 'cpt type', 'status', 'reason', 'adjustment', 'carc', 'rarc', 'remark', 'condition', 'occurrence',
    'value code', 'promo', 'discount', 'coupon', 'verification', 'security', 'access code', 'area code', 'country code',
    'postcode', 'product', 'product code', 'sku', 'part number', 'catalog', 'model', 'order', 'order number', 'coupon code',
    'gift card', 'tracking', 'invoice', 'type', 'procedure type', 'service type', 'note', 'notes', 'note codes', 'notecodes', 'comment', 'comments',
    'description', 'desc', 'reference', 'ref', 'original ref', 'resubmission', 'resubmission code', 'frequency',
    // money that is not a line charge
    'total', 'total charge', 'total charges', 'paid', 'amount paid', 'balance', 'copay', 'co pay', 'coinsurance',
    'deductible', 'payment', 'allowed', 'allowed amount', 'contractual', 'write off', 'outside lab', 'check', 'check #',
    'reserved', 'nucc',
    'page', 'per page', 'zoom',
    // the diagnosis pointer, place, EMG, EPSDT, qualifier and NPI boxes of CMS-1500 line 24
    '24b', '24c', '24e', '24h', '24i', '24j',
  ]],
  // Autocompletes say "Search…" in their placeholder: a hint against, not a veto.
  ['decoy', 0.6, ['search', 'filter', 'find', 'lookup', 'type to search', 'search patients']],
];

/** The keyword table, one rule per phrase (exported for tests and for reading). */
export const KEYWORD_RULES: readonly KeywordRule[] = TABLE.flatMap(([kind, score, phrases]) =>
  phrases.map((phrase) => ({ phrase: tokenize(phrase).join(' '), kind, score })),
);

const RULES_BY_PHRASE = new Map<string, KeywordRule>();
for (const rule of KEYWORD_RULES) {
  const existing = RULES_BY_PHRASE.get(rule.phrase);
  if (!existing || existing.score < rule.score) RULES_BY_PHRASE.set(rule.phrase, rule);
}
/** Per first word, the most words a phrase starting with it has: most words start none. */
const LONGEST_FROM = new Map<string, number>();
for (const phrase of RULES_BY_PHRASE.keys()) {
  const words = phrase.split(' ');
  LONGEST_FROM.set(words[0]!, Math.max(LONGEST_FROM.get(words[0]!) ?? 0, words.length));
}

export type KindScores = Partial<Record<FieldKind | 'decoy', number>>;

export interface TextScore {
  /** Best score per kind found in the text. */
  scores: KindScores;
  /** Tokens of the text (for roles: from/to, modifier position). */
  tokens: string[];
}

/** Labels, headers and names repeat across lines: score each distinct text once. */
const scoreCache = new Map<string, TextScore>();
const SCORE_CACHE_LIMIT = 20_000;

/** Scores one piece of describing text: the best rule per kind, longest phrase first. */
export function scoreText(text: string): TextScore {
  // Line indexes in names ("lines[117].units", "items.3.code") say nothing about the kind:
  // one cache entry serves every line.
  const key = text.includes('[') || text.includes('.') ? text.replace(/\[\d+\]|\.\d+\./g, '[]') : text;
  const cached = scoreCache.get(key);
  if (cached) return cached;
  const result = computeScore(key);
  if (scoreCache.size >= SCORE_CACHE_LIMIT) scoreCache.clear();
  scoreCache.set(key, result);
  return result;
}

function computeScore(text: string): TextScore {
  const tokens = tokenize(text);
  const scores: KindScores = {};
  let i = 0;
  while (i < tokens.length) {
    let matched = 0;
    for (let n = Math.min(LONGEST_FROM.get(tokens[i]!) ?? 0, tokens.length - i); n >= 1; n--) {
      const rule = RULES_BY_PHRASE.get(n === 1 ? tokens[i]! : tokens.slice(i, i + n).join(' '));
      if (!rule) continue;
      matched = n;
      if (rule.kind !== 'neutral' && (scores[rule.kind] ?? 0) < rule.score) scores[rule.kind] = rule.score;
      break;
    }
    i += matched || 1;
  }
  return { scores, tokens };
}

/** The kind a text alone points to (for tests and debugging): highest score, decoys win ties. */
export function kindOfText(text: string): FieldKind | 'decoy' | undefined {
  const { scores } = scoreText(text);
  let best: FieldKind | 'decoy' | undefined;
  let bestScore = 0;
  for (const [kind, score] of Object.entries(scores) as Array<[FieldKind | 'decoy', number]>) {
    if (score > bestScore || (score === bestScore && kind === 'decoy')) {
      best = kind;
      bestScore = score;
    }
  }
  return best;
}
