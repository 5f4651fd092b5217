import type { CodeCardRvu, GpciRecord } from '../data/store/api';
import { unitFee } from '../rules/fee-unit';
import { dollars, roundCents } from '../rules/money';
import { isPricedStatus } from '../rules/status-codes';

export type FeeSetting = 'non-facility' | 'facility';

/** One year's Medicare fee for one unit, with the arithmetic a biller can redo by hand. */
export interface YearFee {
  year: number;
  setting: FeeSetting;
  /** Dollars, rounded to the cent. */
  amount: number;
  conversionFactor: number;
  rvu: { work: number; pe: number; mp: number; total: number };
  gpci: { work: number; pe: number; mp: number; locality: string; name: string };
  status: string;
  /** Why the amount is $0, borrowed or only an estimate. */
  notes: string[];
  breakdown: string[];
  source: string;
}

/**
 * allowed = [(work RVU × work GPCI) + (PE RVU × PE GPCI) + (MP RVU × MP GPCI)] × CF
 * (CMS PFS payment formula; design/domain.md §5). PE is the setting's; where CMS marks the
 * setting NA it has no PE of its own and the other setting's PE is used.
 */
export function yearFee(row: CodeCardRvu, gpci: GpciRecord | undefined, setting: FeeSetting): YearFee | undefined {
  const cf = row.conversionFactor?.value ?? row.record.conversionFactor;
  if (!cf) return undefined;
  const r = row.record;
  const notes: string[] = [];
  const g = gpci ?? { work: 1, pe: 1, mp: 1, locality: 'national', name: 'National (all GPCIs 1.000)' };
  const gpciInfo = { work: g.work, pe: g.pe, mp: g.mp, locality: g.locality, name: g.name };
  // The engine's one-unit formula, so the popup and the overlay print the same figure.
  const unit = unitFee(r, g, cf, setting);
  const pe = unit.pe;
  if (unit.usedOtherSetting) {
    notes.push(`CMS lists no ${setting} practice expense for this code (NA); the ${unit.peSetting} PE RVU is used.`);
  }
  if (gpci && Number(gpci.dataset.effective.slice(0, 4)) < row.year) {
    notes.push(`No ${row.year} GPCIs loaded: the ${gpci.dataset.effective.slice(0, 4)} GPCIs (${gpci.dataset.version}) are used.`);
  }
  // The same test the claim check uses (src/rules/fees.ts), so popup and overlay agree on what Medicare pays.
  const total = roundCents(r.work + pe + r.mp);
  if (!isPricedStatus(r.status, total)) notes.push(`Status ${r.status}: Medicare does not pay this code from the fee schedule amount.`);
  else if (r.status === 'R') notes.push('Status R (restricted coverage): Medicare pays this amount only where its coverage conditions are met.');
  const weighted = unit.weightedRvu;
  const amount = unit.amount;
  return {
    year: row.year,
    setting,
    amount,
    conversionFactor: cf,
    rvu: { work: r.work, pe, mp: r.mp, total },
    gpci: gpciInfo,
    status: r.status,
    notes,
    breakdown: [
      `(${r.work} work × ${g.work}) + (${pe} PE × ${g.pe}) + (${r.mp} MP × ${g.mp}) = ${weighted.toFixed(4)} RVU`,
      `${weighted.toFixed(4)} × CF ${cf} = ${dollars(amount)}`,
    ],
    source: [
      r.dataset.version,
      row.conversionFactor?.source ?? `conversion factor as printed in ${r.dataset.version}`,
      gpci ? gpci.dataset.version : 'national GPCIs 1.000',
    ].join('; '),
  };
}
