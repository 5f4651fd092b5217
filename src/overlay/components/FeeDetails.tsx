import type { LineFee } from '../../rules/result';
import { formatMoney } from '../view-model';

/** A line's fee estimate with the arithmetic a biller can check by hand. */
export function FeeDetails({ fee }: { fee: LineFee }) {
  return (
    <section class="fees" aria-label="Fee estimate">
      <dl>
        <dt>Units paid</dt>
        <dd>{fee.units}</dd>
        <dt>One unit ({fee.year})</dt>
        <dd>{formatMoney(fee.unitAllowed)}</dd>
        <dt>Estimated allowed</dt>
        <dd>{formatMoney(fee.allowed)}</dd>
        <dt>Payer pays</dt>
        <dd>{formatMoney(fee.payerPays)}</dd>
        {fee.limitingCharge !== undefined && (
          <>
            <dt>Limiting charge</dt>
            <dd>{formatMoney(fee.limitingCharge)}</dd>
          </>
        )}
      </dl>
      {fee.note && <p class="note">{fee.note}</p>}
      {fee.breakdown.length > 0 && (
        <ul class="breakdown">
          {fee.breakdown.map((step, i) => (
            <li key={i}>{step}</li>
          ))}
        </ul>
      )}
      <span class="source">Source: {fee.source}</span>
    </section>
  );
}
