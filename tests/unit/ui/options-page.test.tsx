// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { createClient } from '../../../src/messaging/client';
import { DEFAULT_SETTINGS, Settings } from '../../../src/settings/schema';
import { OptionsPage } from '../../../src/ui/OptionsPage';

afterEach(cleanup);

const localities = [
  { locality: '01112-05', state: 'CA', name: 'SAN FRANCISCO' },
  { locality: '01182-18', state: 'CA', name: 'LOS ANGELES' },
  { locality: '13282-01', state: 'NY', name: 'MANHATTAN' },
];

function fakeWorker() {
  let stored = DEFAULT_SETTINGS;
  const saves: unknown[] = [];
  const send = createClient(async (message) => {
    const m = message as { type: string; settings?: unknown; zip?: string };
    switch (m.type) {
      case 'get-settings':
        return { ok: true, data: stored };
      case 'save-settings': {
        saves.push(m.settings);
        const parsed = Settings.safeParse(m.settings);
        if (!parsed.success) return { ok: false, error: 'Settings not saved: bad value' };
        stored = parsed.data;
        return { ok: true, data: stored };
      }
      case 'list-localities':
        return { ok: true, data: localities };
      case 'lookup-zip':
        return m.zip === '10001' ? { ok: true, data: localities[2] } : { ok: false, error: `ZIP ${m.zip} is not in the CMS ZIP-to-locality file.` };
      case 'data-status':
        return { ok: true, data: { complete: true, progress: 1, datasets: [] } };
      default:
        return { ok: false, error: 'unexpected' };
    }
  });
  return { send, saves, current: () => stored };
}

const permissions = { request: async () => true, remove: async () => true };

describe('options page', () => {
  test('state then locality saves the locality', async () => {
    const worker = fakeWorker();
    render(<OptionsPage send={worker.send} permissions={permissions} />);
    const state = await screen.findByLabelText('State');
    await waitFor(() => expect(state.querySelectorAll('option').length).toBe(3));
    fireEvent.change(state, { target: { value: 'CA' } });
    const locality = await screen.findByLabelText('Locality');
    fireEvent.change(locality, { target: { value: '01182-18' } });
    await waitFor(() => expect(worker.current().locality).toBe('01182-18'));
    expect(screen.getByTestId('settings-status').textContent).toBe('Saved.');
  });

  test('a ZIP code sets its locality; an unknown one is refused and changes nothing', async () => {
    const worker = fakeWorker();
    render(<OptionsPage send={worker.send} permissions={permissions} />);
    const zip = await screen.findByLabelText('Or by ZIP code');
    fireEvent.input(zip, { target: { value: '99999' } });
    fireEvent.click(screen.getByTestId('zip-find'));
    await waitFor(() => expect(screen.getByTestId('zip-message').textContent).toContain('not in the CMS'));
    expect(worker.saves).toHaveLength(0);
    fireEvent.input(zip, { target: { value: '10001' } });
    fireEvent.click(screen.getByTestId('zip-find'));
    await waitFor(() => expect(worker.current().locality).toBe('13282-01'));
  });

  test('an invalid percentage is refused with the reason and the saved value stays', async () => {
    const worker = fakeWorker();
    render(<OptionsPage send={worker.send} permissions={permissions} />);
    const pct = await screen.findByLabelText('Commercial pays (% of Medicare)');
    fireEvent.change(pct, { target: { value: '-5' } });
    await waitFor(() => expect(screen.getByTestId('settings-status').textContent).toContain('not saved'));
    expect(worker.current().percentOfMedicare.commercial).toBe(100);
  });
});
