import type { ClaimIndex } from './claim-index';
import type { Finding } from './finding';
import { isPricedRvu, PFS_STATUS } from './status-codes';
import { SOURCES } from './sources';

/** Codes Medicare replaces with a HCPCS Level II code (status I). */
const MEDICARE_REPLACEMENT: Readonly<Record<string, string>> = {
  '97014': 'G0283 (unattended electrical stimulation other than wound care) or G0281 (for wounds)',
};

/** PFS status codes that Medicare does not pay (or pays only on conditions). */
export function checkCoverage(index: ClaimIndex): Finding[] {
  if (index.claim.payer !== 'medicare') return [];
  const findings: Finding[] = [];
  for (const [dos, group] of index.byDos) {
    for (const line of group) {
      const rvu = line.rvu;
      if (!rvu) continue;
      const code = line.code!;
      const status = rvu.status;
      const info = PFS_STATUS[status];
      const source = `${rvu.dataset.version} (status ${status}); ${SOURCES.pfsStatus}`;
      if (status === 'T') {
        const others = group.some((o) => o !== line && o.rvu && isPricedRvu(o.rvu) && o.rvu.status !== 'T');
        if (others) {
          findings.push({
            rule: 'coverage.not-payable',
            severity: 'warning',
            lines: [line.index],
            message: `${code} has PFS status T (${info!.meaning}); another paid service is billed on ${dos}, so Medicare pays $0 for ${code}.`,
            source,
          });
        }
        continue;
      }
      if (!info) {
        findings.push({
          rule: 'coverage.not-payable',
          severity: 'warning',
          lines: [line.index],
          message: `${code} has PFS status ${status}, which ClaimLens does not know: check whether Medicare pays it.`,
          source,
        });
        continue;
      }
      if (!info.severity) continue; // paid (A)
      const replacement = MEDICARE_REPLACEMENT[code];
      const priced = isPricedRvu(rvu);
      const payment =
        status === 'R'
          ? priced
            ? ' Medicare pays it only where its coverage conditions are met.'
            : ' Medicare publishes no national amount; your MAC decides coverage and prices it.'
          : '';
      findings.push({
        rule: 'coverage.not-payable',
        severity: info.severity,
        lines: [line.index],
        message: `${code} has PFS status ${status} (${info.meaning}).${payment}${replacement ? ` Medicare uses ${replacement}.` : ''}`,
        source,
      });
    }
  }
  return findings;
}
