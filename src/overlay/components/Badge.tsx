import type { LineStatus } from '../view-model';
import { countSeverities, formatMoney, worstSeverity } from '../view-model';
import { FindingItem } from './FindingItem';
import { FeeDetails } from './FeeDetails';

export interface BadgeProps {
  /** 1-based line number as the biller sees it. */
  lineNumber: number;
  status: LineStatus;
  open: boolean;
  /** Open the details above the badge (no room below it in the viewport). */
  openUpward?: boolean;
  today: string;
  onToggle(): void;
  onClose(): void;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function tone(status: LineStatus): string {
  if (status.kind !== 'checked') return 'quiet';
  return worstSeverity(status.findings) ?? 'ok';
}

function chipText(status: LineStatus): string {
  switch (status.kind) {
    case 'pending':
      return '…';
    case 'skipped':
      return '?';
    case 'unavailable':
      return '–';
    case 'checked': {
      const c = countSeverities(status.findings);
      const serious = c.error + c.warning;
      return serious > 0 ? String(serious) : c.info > 0 ? 'i' : '✓';
    }
  }
}

function describe(lineNumber: number, status: LineStatus): string {
  const head = `ClaimLens, line ${lineNumber}`;
  switch (status.kind) {
    case 'pending':
      return `${head}: checking`;
    case 'skipped':
      return `${head}: not checked`;
    case 'unavailable':
      return `${head}: check unavailable`;
    case 'checked': {
      const c = countSeverities(status.findings);
      const parts = [plural(c.error, 'error'), plural(c.warning, 'warning')];
      if (c.info) parts.push(plural(c.info, 'note'));
      if (status.fee) parts.push(`estimated allowed ${formatMoney(status.fee.allowed)}`);
      return `${head}: ${parts.join(', ')}`;
    }
  }
}

/**
 * The badge beside a line's code field. It is a button outside the tab order (tabindex -1)
 * so the page's own tab sequence is untouched; mouse users click it, keyboard users reach it
 * with the overlay shortcut (see keyboard.ts) and then use Enter/Space/Escape.
 * Details stay in the DOM while closed (hidden) so assistive tech and tests see one structure.
 */
export function Badge(props: BadgeProps) {
  const { status, lineNumber, open } = props;
  const fee = status.kind === 'checked' ? status.fee : undefined;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && open) {
      e.preventDefault();
      e.stopPropagation();
      props.onClose();
    }
  };
  return (
    <div class={`cl sev-${tone(status)}`} data-claimlens-status={status.kind}>
      <button
        type="button"
        class="chip"
        tabIndex={-1}
        aria-expanded={open}
        aria-controls="claimlens-details"
        aria-label={describe(lineNumber, status)}
        title={describe(lineNumber, status)}
        // Keeps focus in the field being typed in when the badge is clicked.
        onMouseDown={(e) => e.preventDefault()}
        onClick={props.onToggle}
        onKeyDown={onKeyDown}
      >
        <span class="dot" aria-hidden="true" />
        <span class="count" aria-hidden="true">
          {chipText(status)}
        </span>
        {fee && (
          <span class="fee" aria-hidden="true" data-claimlens-fee="" data-amount={fee.allowed.toFixed(2)}>
            {formatMoney(fee.allowed)}
          </span>
        )}
      </button>
      <div
        id="claimlens-details"
        class={`details${props.openUpward ? ' up' : ''}`}
        role="region"
        aria-label={`ClaimLens details for line ${lineNumber}`}
        hidden={!open}
        onKeyDown={onKeyDown}
      >
        <h2>Line {lineNumber}</h2>
        <LineDetails status={status} today={props.today} open={open} />
      </div>
    </div>
  );
}

/** Findings stay in the DOM while closed (screen readers, tests); the fee arithmetic is drawn on opening. */
function LineDetails({ status, today, open }: { status: LineStatus; today: string; open: boolean }) {
  switch (status.kind) {
    case 'pending':
      return <p class="note">Checking…</p>;
    case 'unavailable':
      return <p class="note">ClaimLens could not check this line right now ({status.message}). The page is not affected.</p>;
    case 'skipped':
      return (
        <p class="note">
          Not checked: {status.reason.kind === 'invalid' ? status.reason.message : 'no procedure code on this line'}.
        </p>
      );
    case 'checked':
      return (
        <>
          {status.dosDefaulted && (
            <p class="note">No date of service on this line: checked as if it were today ({today}).</p>
          )}
          {status.findings.length === 0 ? (
            <p class="note">No problems found on this line.</p>
          ) : (
            <ul aria-label="Findings">
              {status.findings.map((f, i) => (
                <FindingItem key={`${f.rule}-${i}`} finding={f} />
              ))}
            </ul>
          )}
          {status.fee && open && <FeeDetails fee={status.fee} />}
        </>
      );
  }
}
