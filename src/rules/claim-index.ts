import type { CuratedCode, ReferenceData, RvuRecord } from '../data/reference';
import type { Claim, ServiceLine, UnitMethod } from './claim';
import { effectiveUnitMethod } from './claim';
import { MODIFIER_SEPARATORS, modifiersOfToken, normalizeCode } from './normalize-code';

export type Discipline = 'GP' | 'GO' | 'GN';
const DISCIPLINES: readonly string[] = ['GP', 'GO', 'GN'];

/** One service line as the rules read it: code normalised, modifiers cleaned, lookups done once. */
export interface LineView {
  index: number;
  raw: ServiceLine;
  /** Normalised code, or undefined when the text is not a CPT/HCPCS code. */
  code: string | undefined;
  /** Valid modifiers, upper case, without duplicates (including ones typed with the code). */
  modifiers: string[];
  /** Modifier texts that are not two letters/digits. */
  invalidModifiers: string[];
  /** Units as billed; 1 when the line has none (portals default to 1). */
  units: number;
  unitsEntered: boolean;
  minutes: number | undefined;
  dos: string;
  year: number;
  curated: CuratedCode | undefined;
  /** Global PFS row (or the 26/TC row when that modifier is on the line). */
  rvu: RvuRecord | undefined;
  alwaysTherapy: boolean;
  /** GP/GO/GN modifiers on the line (normally exactly one for therapy). */
  disciplines: Discipline[];
}

export interface ClaimIndex {
  claim: Claim;
  ref: ReferenceData;
  method: UnitMethod;
  lines: LineView[];
  /** Lines with a valid code, grouped by date of service (insertion order = claim order). */
  byDos: Map<string, LineView[]>;
}

const PRICING_MODIFIERS = ['26', 'TC'];

export function indexClaim(claim: Claim, ref: ReferenceData): ClaimIndex {
  const lines: LineView[] = [];
  const byDos = new Map<string, LineView[]>();
  for (let index = 0; index < claim.lines.length; index++) {
    const raw = claim.lines[index]!;
    const view = viewLine(raw, index, ref);
    lines.push(view);
    if (view.code === undefined) continue;
    const group = byDos.get(view.dos);
    if (group) group.push(view);
    else byDos.set(view.dos, [view]);
  }
  return { claim, ref, method: effectiveUnitMethod(claim), lines, byDos };
}

function viewLine(raw: ServiceLine, index: number, ref: ReferenceData): LineView {
  const parsed = normalizeCode(raw.code);
  const modifiers: string[] = [];
  const invalidModifiers: string[] = [];
  const addModifier = (text: string) => {
    // Portals hand over "GP", "gp", "GP59", "GP, 59": read them the way normalizeCode does.
    for (const token of text.split(MODIFIER_SEPARATORS)) {
      if (token === '') continue;
      const found = modifiersOfToken(token);
      if (!found) invalidModifiers.push(token);
      else for (const m of found) if (!modifiers.includes(m)) modifiers.push(m);
    }
  };
  parsed?.modifiers.forEach(addModifier);
  raw.modifiers.forEach(addModifier);

  const code = parsed?.code;
  const curated = code ? ref.curatedCode(code) : undefined;
  let rvu: RvuRecord | undefined;
  if (code) {
    const pricing = modifiers.find((m) => PRICING_MODIFIERS.includes(m));
    rvu = (pricing && ref.rvu(code, pricing, raw.dos)) || ref.rvu(code, '', raw.dos);
  }
  const alwaysTherapy = curated ? curated.alwaysTherapy : rvu?.pctc === '7';
  return {
    index,
    raw,
    code,
    modifiers,
    invalidModifiers,
    units: raw.units ?? 1,
    unitsEntered: raw.units !== undefined,
    minutes: raw.minutes,
    dos: raw.dos,
    year: Number(raw.dos.slice(0, 4)),
    curated,
    rvu,
    alwaysTherapy,
    disciplines: modifiers.filter((m): m is Discipline => DISCIPLINES.includes(m)),
  };
}

export function hasAnyModifier(line: LineView, modifiers: readonly string[]): boolean {
  for (const m of line.modifiers) if (modifiers.includes(m)) return true;
  return false;
}
