import type { PtpEdit } from '../data/store/api';
import type { CodeView } from '../messaging/responses';
import { MAI_MEANING, MODIFIER_INDICATOR_MEANING, formatMoney, formatRvu } from './format';

/** Everything about one code: summary, status, RVUs, fees, PTP edits, MUE, tips. */
export function CodeCardView({ view }: { view: CodeView }) {
  const { card } = view;
  const summary = card.curated?.summary ?? card.hcpcsDescription;
  return (
    <article class="card" data-testid="code-card" data-code={card.code} aria-labelledby="card-title">
      <h2 id="card-title">
        {card.code}
        {view.query.modifiers.length > 0 && <span class="mods"> {view.query.modifiers.join(' ')}</span>}
      </h2>
      {!card.known && <p role="alert" data-testid="code-unknown">{card.code} is not in any loaded CMS dataset.</p>}
      {summary && <p data-testid="code-summary">{summary}</p>}
      {card.curated && (
        <p class="muted" data-testid="code-kind">
          {card.curated.kind === 'timed' ? `Timed: ${card.curated.unitMinutes ?? 15}-minute units.` : 'Untimed: one unit per session.'}
          {card.curated.alwaysTherapy && ' Always therapy: needs GP, GO or GN.'}
        </p>
      )}
      {card.status && (
        <p data-testid="code-status">
          <strong>Status {card.status.code}</strong>: {card.status.meaning}
        </p>
      )}
      {card.pending.length > 0 && (
        <p class="notice" role="status" data-testid="data-pending">
          Still loading: {card.pending.join(', ')}. This card may change.
        </p>
      )}
      <FeeSection view={view} />
      <PtpSection view={view} />
      <MueSection view={view} />
      {card.tips.length > 0 && (
        <section aria-labelledby="tips-title" data-testid="tips">
          <h3 id="tips-title">Tips</h3>
          <ul>
            {card.tips.map((tip) => (
              <li key={tip.id}>
                {tip.message} <span class="source">({tip.source})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}

function FeeSection({ view }: { view: CodeView }) {
  if (view.fees.length === 0) return <p data-testid="fee-none">No fee schedule data for this code.</p>;
  const locality = view.fees[0]?.gpci;
  return (
    <section aria-labelledby="fee-title">
      <h3 id="fee-title">
        Medicare fee, one unit — {locality?.name ?? 'national'} ({view.setting})
      </h3>
      <table class="rvu">
        <caption class="sr-only">RVUs and fee by year</caption>
        <thead>
          <tr>
            <th scope="col">Year</th>
            <th scope="col">Work</th>
            <th scope="col">PE</th>
            <th scope="col">MP</th>
            <th scope="col">Total</th>
            <th scope="col">CF</th>
            <th scope="col">Fee</th>
          </tr>
        </thead>
        <tbody>
          {view.fees.map((fee) => (
            <tr key={fee.year} data-testid={`rvu-${fee.year}`}>
              <th scope="row">{fee.year}</th>
              <td>{formatRvu(fee.rvu.work)}</td>
              <td>{formatRvu(fee.rvu.pe)}</td>
              <td>{formatRvu(fee.rvu.mp)}</td>
              <td>{formatRvu(fee.rvu.total)}</td>
              <td>{fee.conversionFactor.toFixed(4)}</td>
              <td class="fee" data-testid={`fee-${fee.year}`}>{formatMoney(fee.amount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <RvuSettings view={view} />
      {view.fees.map((fee) => (
        <details key={fee.year}>
          <summary>How {fee.year} is computed</summary>
          <ul class="breakdown">
            {fee.breakdown.map((line) => (
              <li key={line}>{line}</li>
            ))}
            {fee.notes.map((note) => (
              <li key={note} class="note">
                {note}
              </li>
            ))}
          </ul>
          <p class="source">Source: {fee.source}</p>
        </details>
      ))}
    </section>
  );
}

/** Both settings' PE, so a biller sees what a facility claim would pay. */
function RvuSettings({ view }: { view: CodeView }) {
  return (
    <p class="muted" data-testid="rvu-settings">
      {view.card.rvu.map((row) => (
        <span key={row.year}>
          {row.year} PE non-facility {row.record.naNonFacility ? 'NA' : formatRvu(row.record.peNonFacility)}, facility{' '}
          {row.record.naFacility ? 'NA' : formatRvu(row.record.peFacility)} ({row.record.dataset.version}).{' '}
        </span>
      ))}
    </p>
  );
}

function PtpSection({ view }: { view: CodeView }) {
  const { ptp } = view.card;
  return (
    <section aria-labelledby="ptp-title" data-testid="ptp">
      <h3 id="ptp-title">NCCI PTP edits on {view.date}</h3>
      {ptp.dataset ? <p class="source">{ptp.dataset.version}</p> : <p>No PTP table loaded for this date.</p>}
      <PtpList
        testId="ptp-column1"
        title={`${view.card.code} as column 1 (the other code is denied): ${ptp.totalAsColumn1}`}
        edits={ptp.asColumn1}
        total={ptp.totalAsColumn1}
        other={(e) => e.column2}
      />
      <PtpList
        testId="ptp-column2"
        title={`${view.card.code} as column 2 (${view.card.code} is denied): ${ptp.totalAsColumn2}`}
        edits={ptp.asColumn2}
        total={ptp.totalAsColumn2}
        other={(e) => e.column1}
      />
    </section>
  );
}

function PtpList(props: { testId: string; title: string; edits: PtpEdit[]; total: number; other: (e: PtpEdit) => string }) {
  if (props.total === 0) return <p data-testid={props.testId}>{props.title}</p>;
  return (
    <details data-testid={props.testId} open={props.total <= 12}>
      <summary>{props.title}</summary>
      <ul class="ptp">
        {props.edits.map((edit) => (
          <li key={`${edit.column1}|${edit.column2}`} data-testid="ptp-edit" data-pair={`${edit.column1}|${edit.column2}`}>
            <strong>{props.other(edit)}</strong> — modifier indicator {edit.modifierIndicator} (
            {MODIFIER_INDICATOR_MEANING[edit.modifierIndicator]}); {edit.rationale}
            {edit.deletion && `; deleted ${edit.deletion}`} <span class="source">({edit.dataset.version})</span>
          </li>
        ))}
      </ul>
      {props.edits.length < props.total && <p class="muted">Showing {props.edits.length} of {props.total}.</p>}
    </details>
  );
}

function MueSection({ view }: { view: CodeView }) {
  if (view.card.mue.length === 0) return <p data-testid="mue">No MUE for this code.</p>;
  return (
    <section aria-labelledby="mue-title" data-testid="mue">
      <h3 id="mue-title">Medically unlikely edit (MUE)</h3>
      <ul>
        {view.card.mue.map((mue) => (
          <li key={mue.dataset.id} class={mue.inEffect ? '' : 'muted'} data-in-effect={mue.inEffect}>
            <strong>{mue.value} units</strong>, MAI {mue.mai} ({MAI_MEANING[mue.mai]}){mue.rationale && `; ${mue.rationale}`}{' '}
            <span class="source">
              ({mue.dataset.version}
              {mue.inEffect ? ', in effect' : ''})
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
