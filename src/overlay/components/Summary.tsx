import type { SummaryView } from '../view-model';
import { formatMoney } from '../view-model';
import { FindingItem } from './FindingItem';
import { SHORTCUT_LABEL } from '../keyboard';

export interface SummaryProps {
  view: SummaryView;
  collapsed: boolean;
  onToggle(): void;
}

function headline(view: SummaryView): string {
  if (view.state === 'pending') return 'ClaimLens: checking…';
  if (view.state === 'unavailable') return 'ClaimLens: check unavailable';
  const { error, warning } = view.counts;
  const parts = [`${error} error${error === 1 ? '' : 's'}`, `${warning} warning${warning === 1 ? '' : 's'}`];
  if (view.allowed !== undefined) parts.push(`allowed ${formatMoney(view.allowed)}`);
  return `ClaimLens: ${parts.join(' · ')}`;
}

function tone(view: SummaryView): string {
  if (view.state !== 'checked') return 'quiet';
  if (view.counts.error) return 'error';
  if (view.counts.warning) return 'warning';
  return 'ok';
}

/**
 * The claim summary in the viewport's corner: estimated allowed total, what Medicare pays,
 * counts of errors and warnings, and findings that concern the whole claim. Collapses to
 * its one-line header. The live region announces a changed headline to screen readers.
 */
export function Summary({ view, collapsed, onToggle }: SummaryProps) {
  const text = headline(view);
  return (
    <div class={`cl panel sev-${tone(view)}`} data-claimlens-summary-state={view.state}>
      <button
        type="button"
        class="head"
        tabIndex={-1}
        aria-expanded={!collapsed}
        aria-controls="claimlens-summary-body"
        onMouseDown={(e) => e.preventDefault()}
        onClick={onToggle}
      >
        <span class="title">{text}</span>
        <span aria-hidden="true">{collapsed ? '▴' : '▾'}</span>
      </button>
      <div class="visually-hidden" role="status" aria-live="polite">
        {text}
      </div>
      <div id="claimlens-summary-body" class="body" hidden={collapsed}>
        {view.state === 'unavailable' && <p class="hint">{view.message}</p>}
        {view.state === 'checked' && (
          <dl class="totals">
            <dt>Errors</dt>
            <dd data-claimlens-count="error">{view.counts.error}</dd>
            <dt>Warnings</dt>
            <dd data-claimlens-count="warning">{view.counts.warning}</dd>
            {view.allowed !== undefined && (
              <>
                <dt>Estimated allowed</dt>
                <dd data-claimlens-total="allowed" data-amount={view.allowed.toFixed(2)}>
                  {formatMoney(view.allowed)}
                </dd>
              </>
            )}
            {view.medicarePays !== undefined && (
              <>
                <dt>Medicare pays (est.)</dt>
                <dd data-claimlens-total="medicare-pays" data-amount={view.medicarePays.toFixed(2)}>
                  {formatMoney(view.medicarePays)}
                </dd>
              </>
            )}
          </dl>
        )}
        {view.claimFindings.length > 0 && (
          <ul aria-label="Claim findings">
            {view.claimFindings.map((f, i) => (
              <FindingItem key={`${f.rule}-${i}`} finding={f} />
            ))}
          </ul>
        )}
        {view.linesDefaultedDos > 0 && (
          <p class="hint">
            {view.linesDefaultedDos} line{view.linesDefaultedDos === 1 ? ' has' : 's have'} no date of service: checked as
            of today.
          </p>
        )}
        <p class="hint">
          Estimates from CMS fee schedule data; deductible not applied. {SHORTCUT_LABEL} in a line's field opens its
          details; Esc returns to the field.
        </p>
      </div>
    </div>
  );
}
