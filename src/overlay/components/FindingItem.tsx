import type { Finding } from '../../rules/finding';

const LABEL: Record<Finding['severity'], string> = { error: 'Error', warning: 'Warning', info: 'Note' };

/** One finding: severity, the plain-words message, the rule id and where the rule comes from. */
export function FindingItem({ finding }: { finding: Finding }) {
  return (
    <li class={`finding sev-${finding.severity}`} data-claimlens-rule={finding.rule} data-severity={finding.severity}>
      <span class="label">{LABEL[finding.severity]}:</span>
      <span class="message">{finding.message}</span> <span class="rule">({finding.rule})</span>
      <span class="source">Source: {finding.source}</span>
    </li>
  );
}
