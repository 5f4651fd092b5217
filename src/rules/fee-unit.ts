import type { RvuRecord } from '../data/reference';
import type { Setting } from './claim';
import { roundCents } from './money';

export interface GpciFactors {
  work: number;
  pe: number;
  mp: number;
}

export interface UnitFee {
  /** Dollars for one unit, rounded to the cent. */
  amount: number;
  /** (work × GPCIw + PE × GPCIpe + MP × GPCImp), before the conversion factor. */
  weightedRvu: number;
  /** The PE RVU used and the setting it belongs to. */
  pe: number;
  peSetting: Setting;
  /** True when the requested setting is NA and the other setting's PE was used. */
  usedOtherSetting: boolean;
}

/**
 * One unit of a PFS code: [(work × GPCIw) + (PE × GPCIpe) + (MP × GPCImp)] × CF, rounded to
 * the cent. PE is the setting's, or the other setting's when CMS marks the setting NA.
 * Shared by the engine and the popup so both print the same figure.
 */
export function unitFee(rvu: RvuRecord, gpci: GpciFactors, conversionFactor: number, setting: Setting): UnitFee {
  const facility = setting === 'facility';
  const usedOtherSetting = facility ? rvu.naFacility : rvu.naNonFacility;
  const peFacilityUsed = facility !== usedOtherSetting;
  const pe = peFacilityUsed ? rvu.peFacility : rvu.peNonFacility;
  const weightedRvu = rvu.work * gpci.work + pe * gpci.pe + rvu.mp * gpci.mp;
  return {
    amount: roundCents(weightedRvu * conversionFactor),
    weightedRvu,
    pe,
    peSetting: peFacilityUsed ? 'facility' : 'non-facility',
    usedOtherSetting,
  };
}
