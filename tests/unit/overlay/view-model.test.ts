import { describe, expect, test } from 'vitest';
import { buildClaimLines } from '../../../src/overlay/claim-lines';
import { buildOverlayView, formatMoney, worstSeverity } from '../../../src/overlay/view-model';
import { fee, finding, result } from './fixtures';

describe('buildOverlayView', () => {
  const sent = buildClaimLines(
    [
      { code: '97150', modifiers: ['GP'], diagnoses: [], dos: '2025-03-04' },
      { code: '', modifiers: [], diagnoses: [] },
      { code: '97530', modifiers: [], diagnoses: [], units: 2, minutes: 20, dos: '2025-03-04' },
    ],
    '2025-03-04',
  );

  test('findings and fees land on the page lines they name, skipping empty rows', () => {
    const view = buildOverlayView(
      3,
      sent,
      result(
        [
          finding('ptp.modifier-required', 'error', [0, 1]),
          finding('units.over', 'error', [1]),
          finding('tip.documentation', 'info', []),
        ],
        [fee(0, '97150', 10.5), fee(1, '97530', 69.22, 2)],
      ),
    );
    const third = view.lines.get(2);
    expect(third?.kind).toBe('checked');
    if (third?.kind !== 'checked') return;
    expect(third.findings.map((f) => f.rule)).toEqual(['ptp.modifier-required', 'units.over']);
    expect(third.fee?.allowed).toBe(69.22);
    expect(view.lines.get(1)).toEqual({ kind: 'skipped', reason: { kind: 'empty' } });
    expect(view.summary.counts).toEqual({ error: 2, warning: 0, info: 1 });
    expect(view.summary.claimFindings.map((f) => f.rule)).toEqual(['tip.documentation']);
  });

  test('a finding pointing past the sent lines is shown at claim level, not lost', () => {
    const view = buildOverlayView(3, sent, result([finding('x.y', 'warning', [7])], []));
    expect(view.summary.claimFindings).toHaveLength(1);
  });

  test('errors outrank warnings outrank notes', () => {
    expect(worstSeverity([finding('a.b', 'info', []), finding('c.d', 'warning', [])])).toBe('warning');
    expect(worstSeverity([])).toBeUndefined();
    expect(formatMoney(1234.5)).toBe('$1,234.50');
  });
});
