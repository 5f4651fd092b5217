import type { ConversionFactor, GpciRecord, RvuRecord } from '../data/reference';
import type { ClaimIndex, LineView } from './claim-index';
import type { Finding } from './finding';
import { unitFee } from './fee-unit';
import { dollars, roundCents } from './money';
import { MPPR_PE_FACTOR, mpprFullUnits, type MpprCandidate } from './mppr';
import type { ClaimFees, LineFee } from './result';
import { SOURCES } from './sources';
import { isPricedRvu, PFS_STATUS } from './status-codes';

export const ASSISTANT_FACTOR = 0.85;
export const NON_PAR_FACTOR = 0.95;
export const LIMITING_CHARGE_FACTOR = 1.15;
export const MEDICARE_SHARE = 0.8;
export const SEQUESTRATION_KEEP = 0.98;

export interface FeeResult {
  fees: ClaimFees;
  findings: Finding[];
  /** Allowed dollars of one more unit of a line at this payer (for lost-revenue messages). */
  unitValue(line: LineView): number | undefined;
  /** The claim's fee per line index (undefined for lines without a valid code). */
  byLine: Map<number, LineFee>;
}

interface Geography {
  work: number;
  pe: number;
  mp: number;
  label: string;
  record: GpciRecord | undefined;
}

const NATIONAL: Geography = { work: 1, pe: 1, mp: 1, label: 'national (all GPCIs 1.0)', record: undefined };

/** Per-line pricing before the day-level MPPR. */
interface Priced {
  line: LineView;
  rvu: RvuRecord;
  cf: ConversionFactor;
  geo: Geography;
  pe: number;
  peLabel: string;
  unitAllowed: number;
  notes: string[];
  breakdown: string[];
}

export function computeFees(index: ClaimIndex): FeeResult {
  const { claim, ref } = index;
  const findings: Finding[] = [];
  const geoByDos = new Map<string, Geography>();
  let unknownLocalityReported = false;

  const geographyFor = (dos: string): Geography => {
    const cached = geoByDos.get(dos);
    if (cached) return cached;
    let geo = NATIONAL;
    if (claim.locality !== 'national') {
      const record = ref.gpci(claim.locality, dos);
      if (record) {
        geo = { work: record.work, pe: record.pe, mp: record.mp, label: `${record.locality} ${record.name}`.trim(), record };
      } else if (!unknownLocalityReported) {
        unknownLocalityReported = true;
        findings.push({
          rule: 'fee.unknown-locality',
          severity: 'warning',
          lines: [],
          message: `Locality "${claim.locality}" is not in the GPCI file; fees are shown at national rates (all GPCIs 1.0). Use the MAC and locality number as in the GPCI file, e.g. "01112-05".`,
          source: 'CMS GPCI file (Addendum E)',
        });
      }
    }
    geoByDos.set(dos, geo);
    return geo;
  };

  const lineFees: LineFee[] = [];
  const byLine = new Map<number, LineFee>();
  const pricedByDos = new Map<string, Priced[]>();
  const extraUnitByLine = new Map<number, number>();

  for (const line of index.lines) {
    if (line.code === undefined) continue;
    const result = priceLine(index, line, geographyFor(line.dos));
    if ('fee' in result) {
      lineFees.push(result.fee);
      byLine.set(line.index, result.fee);
      continue;
    }
    const list = pricedByDos.get(line.dos);
    if (list) list.push(result);
    else pricedByDos.set(line.dos, [result]);
  }

  for (const [dos, day] of pricedByDos) {
    // Status T: paid only when no other paid fee-schedule service is on the same day.
    const others = day.filter((p) => p.rvu.status !== 'T');
    const candidates: MpprCandidate[] = [];
    for (const p of day) {
      if (p.rvu.multProc === '5') candidates.push({ line: p.line.index, units: p.line.units, pePerUnit: p.pe * p.geo.pe });
    }
    const fullUnits = mpprFullUnits(candidates);
    const mpprDay = candidates.some((c) => c.units > 0);
    for (const p of day) {
      const tBlocked = p.rvu.status === 'T' && others.length > 0;
      // One more unit of a MULT_PROC 5 code on a day that already has therapy units is never the full-PE unit.
      extraUnitByLine.set(p.line.index, tBlocked ? 0 : p.rvu.multProc === '5' && mpprDay ? mpprReducedUnit(p) : p.unitAllowed);
      const fee = finishLine(index, p, dos, fullUnits, tBlocked);
      lineFees.push(fee);
      byLine.set(p.line.index, fee);
    }
  }
  lineFees.sort((a, b) => a.line - b.line);

  let allowed = 0;
  let payerPays = 0;
  for (const fee of lineFees) {
    allowed += fee.allowed;
    payerPays += fee.payerPays;
  }
  allowed = roundCents(allowed);
  payerPays = roundCents(payerPays);
  const notes = ['Estimate only: the Part B deductible and any secondary insurance are not applied.'];
  const fees: ClaimFees = {
    lines: lineFees,
    allowed,
    medicarePays: claim.payer === 'medicare' ? payerPays : 0,
    payerPays,
    notes,
  };

  const payerFactor = payerAdjustment(index);
  return {
    fees,
    findings,
    byLine,
    unitValue(line) {
      const extra = extraUnitByLine.get(line.index);
      if (extra === undefined || extra <= 0) return undefined;
      return roundCents(extra * payerFactor * (hasAssistant(line) ? ASSISTANT_FACTOR : 1));
    },
  };
}

function payerAdjustment(index: ClaimIndex): number {
  const { claim } = index;
  if (claim.payer !== 'medicare') return claim.feePercentOfMedicare / 100;
  return claim.participating ? 1 : NON_PAR_FACTOR;
}

function hasAssistant(line: LineView): boolean {
  return line.modifiers.includes('CQ') || line.modifiers.includes('CO');
}

function zeroFee(line: LineView, year: number, cf: number, note: string, breakdown: string[], source: string): { fee: LineFee } {
  return {
    fee: {
      line: line.index,
      code: line.code!,
      units: line.units,
      unitAllowed: 0,
      allowed: 0,
      payerPays: 0,
      year,
      conversionFactor: cf,
      note,
      breakdown: [...breakdown, `$0.00: ${note}`],
      source,
    },
  };
}

function priceLine(index: ClaimIndex, line: LineView, geo: Geography): Priced | { fee: LineFee } {
  const { claim, ref } = index;
  const rvu = line.rvu;
  const cf = ref.conversionFactor(line.dos, claim.qualifyingApm);
  if (!rvu) {
    return zeroFee(line, line.year, cf?.value ?? 0, `${line.code} has no row in the Medicare Physician Fee Schedule RVU file: no fee estimate`, [], 'CMS PFS Relative Value File');
  }
  if (!cf) {
    return zeroFee(line, line.year, 0, `no conversion factor for ${line.year} in the bundled data: no fee estimate`, [], rvu.dataset.version);
  }
  const status = PFS_STATUS[rvu.status];
  if (!isPricedRvu(rvu)) {
    const note =
      rvu.status === 'R' || rvu.status === 'C'
        ? `status ${rvu.status}, contractor priced: Medicare has no national amount; your MAC prices it`
        : `status ${rvu.status} (${status?.meaning ?? 'not paid under the fee schedule'}): Medicare pays $0 for it`;
    const basis = claim.payer === 'medicare' ? '' : "; without a Medicare amount this payer's percentage cannot be estimated";
    return zeroFee(line, cf.year, cf.value, note + basis, [], `${rvu.dataset.version}; ${SOURCES.pfsStatus}`);
  }

  const notes: string[] = [];
  const unit = unitFee(rvu, geo, cf.value, claim.setting);
  const pe = unit.pe;
  const peLabel = unit.peSetting === 'facility' ? 'PE facility' : 'PE non-facility';
  if (unit.usedOtherSetting) {
    notes.push(`NA: CMS lists no ${claim.setting} PE for ${line.code}; the ${unit.peSetting} PE is used`);
  }
  const rvuYear = Number(rvu.dataset.effective.slice(0, 4));
  if (rvuYear < line.year) notes.push(`${line.year} RVUs for ${line.code} are not in the bundled data: ${rvuYear} RVUs with the ${cf.year} conversion factor`);
  if (geo.record && Number(geo.record.dataset.effective.slice(0, 4)) < line.year) {
    notes.push(`GPCI ${geo.record.dataset.effective.slice(0, 4)} used for ${line.year} (no newer GPCI file bundled)`);
  }

  const unitAllowed = unit.amount;
  const breakdown = [
    `RVUs (${rvu.dataset.version}): work ${fmt(rvu.work)}, ${peLabel} ${fmt(pe)}, MP ${fmt(rvu.mp)}`,
    `GPCI ${geo.label}: work ${fmt3(geo.work)}, PE ${fmt3(geo.pe)}, MP ${fmt3(geo.mp)}`,
    `(${fmt(rvu.work)} × ${fmt3(geo.work)} + ${fmt(pe)} × ${fmt3(geo.pe)} + ${fmt(rvu.mp)} × ${fmt3(geo.mp)}) × $${cf.value} (${cf.year} CF) = ${dollars(unitAllowed)} per unit`,
  ];
  return { line, rvu, cf, geo, pe, peLabel, unitAllowed, notes, breakdown };
}

/** One unit with half its PE (therapy MPPR), rounded to the cent. */
function mpprReducedUnit(p: Priced): number {
  const { rvu, geo, cf } = p;
  return roundCents((rvu.work * geo.work + p.pe * MPPR_PE_FACTOR * geo.pe + rvu.mp * geo.mp) * cf.value);
}

function finishLine(
  index: ClaimIndex,
  p: Priced,
  dos: string,
  fullUnits: Map<number, number>,
  tBlocked: boolean,
): LineFee {
  const { claim } = index;
  const { line, rvu, cf, geo, unitAllowed } = p;
  const breakdown = [...p.breakdown];
  const notes = [...p.notes];
  const sources = [rvu.dataset.version, geo.record ? geo.record.dataset.version : 'national GPCIs 1.0', cf.source, SOURCES.pfsFormula];
  const units = line.units;

  let medicareAllowed: number;
  if (tBlocked) {
    medicareAllowed = 0;
    notes.push(`status T: not paid because another fee-schedule service is billed on ${dos}`);
    breakdown.push('$0.00: status T with another paid service the same day');
  } else if (rvu.multProc === '5' && units > 0) {
    const full = Math.min(units, fullUnits.get(line.index) ?? 0);
    const reduced = units - full;
    if (reduced > 0) {
      const reducedPe = p.pe * MPPR_PE_FACTOR;
      const reducedUnit = mpprReducedUnit(p);
      medicareAllowed = roundCents(full * unitAllowed + reduced * reducedUnit);
      breakdown.push(
        `Therapy MPPR on ${dos}: ${full === 1 ? 'this line has the highest PE, its first unit is paid in full; ' : ''}` +
          `${reduced} further unit${reduced === 1 ? '' : 's'} with half the PE: (${fmt(rvu.work)} × ${fmt3(geo.work)} + ${fmt(reducedPe)} × ${fmt3(geo.pe)} + ${fmt(rvu.mp)} × ${fmt3(geo.mp)}) × $${cf.value} = ${dollars(reducedUnit)}`,
        `${full > 0 ? `${full} × ${dollars(unitAllowed)} + ` : ''}${reduced} × ${dollars(reducedUnit)} = ${dollars(medicareAllowed)}`,
      );
      sources.push(SOURCES.mppr);
    } else {
      medicareAllowed = roundCents(units * unitAllowed);
      breakdown.push(`${units} × ${dollars(unitAllowed)} = ${dollars(medicareAllowed)} (highest PE on ${dos}: paid in full under the therapy MPPR)`);
      sources.push(SOURCES.mppr);
    }
  } else {
    medicareAllowed = roundCents(units * unitAllowed);
    breakdown.push(`${units} × ${dollars(unitAllowed)} = ${dollars(medicareAllowed)}`);
  }

  if (hasAssistant(line) && medicareAllowed > 0) {
    const before = medicareAllowed;
    medicareAllowed = roundCents(before * ASSISTANT_FACTOR);
    breakdown.push(`${line.modifiers.includes('CQ') ? 'CQ' : 'CO'} (assistant): 85 % × ${dollars(before)} = ${dollars(medicareAllowed)}`);
    sources.push(SOURCES.assistantPayment);
  }

  let allowed = medicareAllowed;
  let payerPays: number;
  let limitingCharge: number | undefined;
  if (claim.payer === 'medicare') {
    if (!claim.participating && allowed > 0) {
      const par = allowed;
      allowed = roundCents(par * NON_PAR_FACTOR);
      limitingCharge = roundCents(allowed * LIMITING_CHARGE_FACTOR);
      breakdown.push(
        `Non-participating: 95 % × ${dollars(par)} = ${dollars(allowed)}; limiting charge (unassigned claims) 115 % × ${dollars(allowed)} = ${dollars(limitingCharge)}`,
      );
      sources.push(SOURCES.nonPar);
    }
    payerPays = roundCents(allowed * MEDICARE_SHARE * SEQUESTRATION_KEEP);
    if (allowed > 0) {
      breakdown.push(`Medicare pays 80 % less 2 % sequestration: ${dollars(allowed)} × 0.8 × 0.98 = ${dollars(payerPays)} (deductible not applied)`);
      sources.push(SOURCES.sequestration);
    }
  } else {
    const pct = claim.feePercentOfMedicare;
    allowed = roundCents((medicareAllowed * pct) / 100);
    payerPays = allowed;
    const who = claim.payer === 'commercial' ? 'Commercial' : "Workers' comp";
    breakdown.push(`${who} at ${pct} % of Medicare: ${pct} % × ${dollars(medicareAllowed)} = ${dollars(allowed)} (practice setting, not a payer contract)`);
  }

  const fee: LineFee = {
    line: line.index,
    code: line.code!,
    units,
    unitAllowed,
    allowed,
    payerPays,
    year: cf.year,
    conversionFactor: cf.value,
    breakdown,
    source: sources.join('; '),
  };
  if (limitingCharge !== undefined) fee.limitingCharge = limitingCharge;
  if (notes.length > 0) fee.note = notes.join('; ');
  return fee;
}

/** RVUs as printed in the file (2 decimals), more only when MPPR halves them (0.215). */
function fmt(n: number): string {
  const text = n.toFixed(4).replace(/0+$/, '');
  const decimals = text.length - text.indexOf('.') - 1;
  return decimals < 2 ? n.toFixed(2) : text;
}

function fmt3(n: number): string {
  return n.toFixed(3);
}
