// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createClient } from '../../../src/messaging/client';
import { DataPanel } from '../../../src/ui/DataPanel';

vi.mock('../../../src/ui/file-bytes', () => ({
  fileToBase64: () => Promise.reject(new Error('the file was moved')),
  downloadText: () => {},
}));

afterEach(cleanup);

describe('options data panel', () => {
  test('a picked file that cannot be read says so instead of importing forever, and nothing is sent', async () => {
    const sent: string[] = [];
    const send = createClient(async (message) => {
      const m = message as { type: string };
      sent.push(m.type);
      if (m.type === 'data-status') return { ok: true, data: { complete: true, progress: 1, datasets: [] } };
      if (m.type === 'list-datasets') return { ok: true, data: [] };
      return { ok: false, error: 'unexpected' };
    });
    const { container } = render(<DataPanel send={send} />);
    const input = container.querySelector('input[type="file"]') as HTMLInputElement;
    const file = new File(['x'], 'MUE.csv', { type: 'text/csv' });
    Object.defineProperty(input, 'files', { value: [file] });
    fireEvent.change(input);
    await waitFor(() => expect(container.textContent).toContain('MUE.csv could not be read (the file was moved)'));
    expect(sent).not.toContain('import-dataset');
    expect(screen.queryByText(/Importing MUE.csv/)).toBeNull();
  });
});
