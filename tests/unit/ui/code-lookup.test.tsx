// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import type { CodeCard, CodeCardRvu, DatasetRef, RvuRecord } from '../../../src/data/store/api';
import { createClient } from '../../../src/messaging/client';
import { yearFee } from '../../../src/messaging/fee';
import type { CodeView } from '../../../src/messaging/responses';
import { CodeLookup } from '../../../src/ui/CodeLookup';

afterEach(cleanup);

const rvu2025: DatasetRef = { id: 'rvu-2025', version: 'RVU25D (October 2025)', effective: '2025-01-01' };
const ptp: DatasetRef = { id: 'ptp-2024q3', version: 'NCCI PTP 2024 Q3', effective: '2024-07-01' };

function rvuRow(work: number, pe: number, mp: number): CodeCardRvu {
  const record: RvuRecord = {
    code: '97530', modifier: '', status: 'A', work, peNonFacility: pe, peFacility: pe, mp,
    naNonFacility: false, naFacility: false, pctc: '7', globalDays: 'XXX', multProc: '5', conversionFactor: 32.3465, dataset: rvu2025,
  };
  return { year: 2025, record, conversionFactor: { year: 2025, value: 32.3465, source: 'CY2025 PFS final rule (RVU25D)' } };
}

function view(code: string): CodeView {
  const row = rvuRow(0.44, 0.61, 0.02);
  const card: CodeCard = {
    code, known: true, rvu: [row], status: { code: 'A', meaning: 'Active: paid under the fee schedule.' },
    ptp: {
      asColumn1: [], totalAsColumn1: 0, totalAsColumn2: 1, dataset: ptp,
      asColumn2: [{ column1: '97150', column2: code, deletion: null, modifierIndicator: 1, rationale: 'Mutually exclusive procedures', dataset: ptp }],
    },
    mue: [], tips: [], pending: [],
  };
  return { query: { text: code, code, modifiers: [] }, date: '2025-06-02', locality: 'national', setting: 'non-facility', card, fees: [yearFee(row, undefined, 'non-facility')!] };
}

function fakeWorker() {
  const sent: Array<{ type: string; query?: string }> = [];
  const send = createClient(async (message) => {
    const m = message as { type: string; query: string };
    sent.push(m);
    if (m.type === 'search-codes') return { ok: true, data: [{ code: '97530', label: 'Therapeutic activities' }, { code: '97535', label: 'Self-care training' }] };
    if (m.type === 'lookup-code') return { ok: true, data: view(m.query.slice(0, 5).toUpperCase()) };
    return { ok: false, error: 'unexpected' };
  });
  return { send, sent };
}

describe('popup code lookup', () => {
  test('the input has focus on open and a typed code shows its card with the fee and the PTP edit', async () => {
    const { send } = fakeWorker();
    render(<CodeLookup send={send} today="2025-06-02" />);
    const input = screen.getByLabelText('Code or words');
    expect(document.activeElement).toBe(input);
    fireEvent.input(input, { target: { value: '97530-GP' } });
    await waitFor(() => expect(screen.getByTestId('fee-2025').textContent).toBe('$34.61'));
    expect(screen.getByTestId('ptp-column2').textContent).toContain('97150');
    expect(screen.getByTestId('ptp-column2').textContent).toContain('modifier indicator 1');
  });

  test('words search; arrow keys move through results and Enter picks one', async () => {
    const { send, sent } = fakeWorker();
    render(<CodeLookup send={send} today="2025-06-02" />);
    const input = screen.getByLabelText('Code or words');
    fireEvent.input(input, { target: { value: 'training' } });
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(2));
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(screen.getAllByRole('option')[1]?.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(screen.getByTestId('code-card').getAttribute('data-code')).toBe('97535'));
    expect(sent.at(-1)).toMatchObject({ type: 'lookup-code', query: '97535' });
  });

  test('a worker error is shown, not swallowed', async () => {
    const send = createClient(async () => ({ ok: false, error: 'ClaimLens reference data is still loading (40 %)' }));
    render(<CodeLookup send={send} today="2025-06-02" />);
    fireEvent.input(screen.getByLabelText('Code or words'), { target: { value: '97530' } });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('still loading'));
  });

  test('a code lookup overtaken by a word search does not leave "Looking up…" on screen', async () => {
    let answerLookup: (value: unknown) => void = () => {};
    const send = createClient(async (message) => {
      const m = message as { type: string; query: string };
      if (m.type === 'lookup-code') return new Promise((resolve) => (answerLookup = resolve));
      return { ok: true, data: [{ code: '97530', label: 'Therapeutic activities' }] };
    });
    render(<CodeLookup send={send} today="2025-06-02" />);
    const input = screen.getByLabelText('Code or words');
    fireEvent.input(input, { target: { value: '97530' } });
    fireEvent.input(input, { target: { value: 'therapeutic' } });
    await waitFor(() => expect(screen.getByTestId('code-results').textContent).toContain('97530'));
    answerLookup({ ok: true, data: view('97530') });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByText('Looking up…')).toBeNull();
  });
});
