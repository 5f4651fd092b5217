import { CONVERSION_FACTOR_FORMAT, type ConversionFactorEntry } from '../../src/data/bundle-conversion-factor';
import type { BuiltDataset } from './dataset';

/** Conversion factors (domain.md section 5), checked against the CONV_FACTOR column of the RVU files. */
export function buildConversionFactors(cfInRvu2025: number, cfInRvu2026: number): BuiltDataset {
  const factors: ConversionFactorEntry[] = [
    { year: 2025, value: 32.3465, appliesTo: 'all', source: 'CY2025 PFS final rule; CONV_FACTOR of RVU25D (PPRRVU2025_Oct.csv)' },
    { year: 2026, value: 33.4009, appliesTo: 'non-qualifying-apm', source: 'CY2026 PFS final rule, not a qualifying APM participant; CONV_FACTOR of RVU26C (PPRRVU2026_Jul_nonQPP.csv)' },
    { year: 2026, value: 33.5675, appliesTo: 'qualifying-apm', source: 'CY2026 PFS final rule, qualifying APM participant (the RVU26C QPP file was not available to cross-check)' },
  ];
  if (factors[0]?.value !== cfInRvu2025) throw new Error(`RVU25D conversion factor ${cfInRvu2025} differs from 32.3465`);
  if (factors[1]?.value !== cfInRvu2026) throw new Error(`RVU26C conversion factor ${cfInRvu2026} differs from 33.4009`);
  return {
    content: JSON.stringify({ format: CONVERSION_FACTOR_FORMAT, factors }, null, 2) + '\n',
    entry: {
      id: 'conversion-factors',
      kind: 'conversion-factor',
      version: 'CY2025 and CY2026 PFS conversion factors',
      effective: '2025-01-01',
      source: {
        file: 'CONV_FACTOR of PPRRVU2025_Oct.csv and PPRRVU2026_Jul_nonQPP.csv; CY2026 QP factor from the CY2026 PFS final rule',
        provenance: 'design/domain.md section 5; cross-checked against the RVU files listed in PROVENANCE.md',
      },
      file: 'conversion-factors.json',
      rows: factors.length,
      lacks: ['the 2026 qualifying APM factor is not in any stored CMS file (QPP RVU file not available)', 'years before 2025 and after 2026'],
    },
  };
}
