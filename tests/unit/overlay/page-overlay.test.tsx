// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { startOverlay, type RunningOverlay } from '../../../src/overlay/page-overlay';
import { CHECK_DEBOUNCE_MS } from '../../../src/overlay/timing';
import type { ServiceLine } from '../../../src/rules/claim';
import { fakeDetect, row } from './fake-detect';
import { fee, finding, result } from './fixtures';

/** A worker stand-in: flags 97530 units over minutes, prices each line at $10 × units. */
function fakeWorker() {
  const calls: ServiceLine[][] = [];
  const send = vi.fn(async (message: unknown) => {
    const lines = (message as { lines: ServiceLine[] }).lines;
    calls.push(lines);
    const findings = lines.flatMap((l, i) =>
      l.units !== undefined && l.minutes !== undefined && l.units > Math.floor((l.minutes + 7) / 15)
        ? [finding('units.over', 'error', [i], `${l.units} units billed for ${l.minutes} minutes`)]
        : [],
    );
    return { ok: true, data: result(findings, lines.map((l, i) => fee(i, l.code, 10 * (l.units ?? 1), l.units ?? 1))) };
  });
  return { send, calls };
}

const badges = () => [...document.querySelectorAll('claimlens-badge')] as HTMLElement[];
const inBadge = (host: HTMLElement, selector: string) => host.shadowRoot!.querySelector<HTMLElement>(selector);

async function settle(ms = CHECK_DEBOUNCE_MS + 10) {
  await vi.advanceTimersByTimeAsync(ms);
}

describe('page overlay', () => {
  let overlay: RunningOverlay | undefined;
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    overlay?.stop();
    overlay = undefined;
    vi.useRealTimers();
    document.body.innerHTML = '';
  });

  function mount(rows: string) {
    document.body.innerHTML = `<table><tbody>${rows}</tbody></table>`;
    const detect = fakeDetect(document);
    const worker = fakeWorker();
    overlay = startOverlay({ doc: document, detect, send: worker.send, today: () => '2026-11-23' });
    return { detect, worker };
  }

  test('each line with a code gets a claimlens-badge host with an open shadow root, its findings and fee', async () => {
    mount(row('97530', '2', '20') + row('') + row('97110', '1', '15'));
    await settle();
    const hosts = badges();
    expect(hosts).toHaveLength(2);
    expect(hosts.every((h) => h.shadowRoot?.mode === 'open')).toBe(true);
    const [first, second] = hosts as [HTMLElement, HTMLElement];
    expect(inBadge(first, '[data-claimlens-rule="units.over"]')?.textContent).toMatch(/2 units billed for 20 minutes/);
    expect(inBadge(first, '[data-claimlens-fee]')?.dataset.amount).toBe('20.00');
    expect(inBadge(second, '[data-claimlens-rule]')).toBeNull();
    expect(inBadge(second, '[data-claimlens-fee]')?.dataset.amount).toBe('10.00');
    expect(inBadge(first, 'button.chip')?.getAttribute('aria-label')).toMatch(/line 1: 1 error/);
    expect(inBadge(first, 'button.chip')?.getAttribute('tabindex')).toBe('-1');
  });

  test('typing a change re-checks once after the debounce and updates the badge', async () => {
    const { worker } = mount(row('97530', '2', '20'));
    await settle();
    const units = document.querySelector<HTMLInputElement>('input[data-kind="units"]')!;
    for (const v of ['', '1']) {
      units.value = v;
      units.dispatchEvent(new Event('input', { bubbles: true }));
      await vi.advanceTimersByTimeAsync(20);
    }
    expect(worker.calls).toHaveLength(1);
    await settle();
    expect(worker.calls).toHaveLength(2);
    expect(worker.calls[1]?.[0]?.units).toBe(1);
    const host = badges()[0]!;
    expect(inBadge(host, '[data-claimlens-rule="units.over"]')).toBeNull();
    expect(inBadge(host, '[data-claimlens-fee]')?.dataset.amount).toBe('10.00');
  });

  test('clicking a badge opens its details without taking focus from the field', async () => {
    mount(row('97530', '2', '20'));
    await settle();
    const field = document.querySelector<HTMLInputElement>('input[data-kind="cpt"]')!;
    field.focus();
    const chip = inBadge(badges()[0]!, 'button.chip')!;
    const details = inBadge(badges()[0]!, '.details')!;
    expect(details.hidden).toBe(true);
    const down = new MouseEvent('mousedown', { bubbles: true, cancelable: true });
    chip.dispatchEvent(down);
    expect(down.defaultPrevented).toBe(true);
    chip.click();
    await settle(0);
    expect(inBadge(badges()[0]!, '.details')!.hidden).toBe(false);
    expect(document.activeElement).toBe(field);
  });

  test('Alt+Shift+L in a field opens that line and Escape gives focus back to the field', async () => {
    mount(row('97530', '2', '20') + row('97110', '1', '15'));
    await settle();
    const secondCode = document.querySelectorAll<HTMLInputElement>('input[data-kind="cpt"]')[1]!;
    secondCode.focus();
    secondCode.dispatchEvent(new KeyboardEvent('keydown', { key: 'L', code: 'KeyL', altKey: true, shiftKey: true, bubbles: true }));
    await settle(0);
    const host = badges()[1]!;
    expect(inBadge(host, '.details')!.hidden).toBe(false);
    expect(host.shadowRoot!.activeElement).toBe(inBadge(host, 'button.chip'));
    inBadge(host, 'button.chip')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await settle(0);
    expect(inBadge(host, '.details')!.hidden).toBe(true);
    expect(document.activeElement).toBe(secondCode);
  });

  test('the summary shows counts and totals and can be expanded and collapsed', async () => {
    mount(row('97530', '2', '20') + row('97110', '1', '15'));
    await settle();
    const summary = document.querySelector('claimlens-summary') as HTMLElement;
    expect(summary.shadowRoot?.mode).toBe('open');
    const head = summary.shadowRoot!.querySelector<HTMLButtonElement>('button.head')!;
    expect(head.textContent).toMatch(/1 error · 0 warnings · allowed \$30\.00/);
    const body = summary.shadowRoot!.querySelector<HTMLElement>('.body')!;
    expect(body.hidden).toBe(true);
    head.click();
    await settle(0);
    expect(summary.shadowRoot!.querySelector<HTMLElement>('.body')!.hidden).toBe(false);
    expect(summary.shadowRoot!.querySelector<HTMLElement>('[data-claimlens-total="allowed"]')?.dataset.amount).toBe('30.00');
  });

  test('a worker that keeps failing leaves a quiet badge, never a page error', async () => {
    document.body.innerHTML = `<table><tbody>${row('97530')}</tbody></table>`;
    const send = vi.fn().mockRejectedValue(new Error('Extension context invalidated.'));
    overlay = startOverlay({ doc: document, detect: fakeDetect(document), send, today: () => '2026-11-23' });
    await settle();
    const host = badges()[0]!;
    expect(host.shadowRoot!.querySelector('[data-claimlens-status]')?.getAttribute('data-claimlens-status')).toBe('unavailable');
    expect(host.shadowRoot!.querySelector('.details')?.textContent).toMatch(/could not check/);
  });

  test('when the fields go away every host and page listener goes with them', async () => {
    const { detect, worker } = mount(row('97530', '2', '20'));
    await settle();
    expect(document.querySelector('claimlens-layer')).not.toBeNull();
    document.querySelector('table')!.remove();
    detect.refresh();
    expect(document.querySelector('claimlens-layer, claimlens-badge, claimlens-summary')).toBeNull();
    // No listener left: input on a new unrelated field does not trigger a check.
    document.body.innerHTML = '<input data-kind="cpt" value="97530">';
    document.querySelector('input')!.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    expect(worker.calls).toHaveLength(1);
  });

  test('stop() removes the overlay and stops watching', async () => {
    const { detect } = mount(row('97530'));
    await settle();
    overlay!.stop();
    overlay = undefined;
    expect(detect.stopped).toBe(true);
    expect(document.querySelector('claimlens-layer')).toBeNull();
  });
});

describe('page overlay and detection passes', () => {
  afterEach(() => {
    vi.useRealTimers();
    document.body.innerHTML = '';
  });

  test('a detection pass with the same fields does not start another check; a new row does', async () => {
    vi.useFakeTimers();
    document.body.innerHTML = `<table><tbody>${row('97530', '1', '15')}</tbody></table>`;
    const detect = fakeDetect(document);
    const send = vi.fn().mockResolvedValue({ ok: true, data: result([], [fee(0, '97530', 34.61)]) });
    const overlay = startOverlay({ doc: document, detect, send, today: () => '2026-11-23' });
    await vi.advanceTimersByTimeAsync(CHECK_DEBOUNCE_MS + 10);
    detect.refresh();
    await vi.advanceTimersByTimeAsync(CHECK_DEBOUNCE_MS + 10);
    expect(send).toHaveBeenCalledTimes(1);
    detect.refresh(true);
    await vi.advanceTimersByTimeAsync(CHECK_DEBOUNCE_MS + 10);
    expect(send).toHaveBeenCalledTimes(2);
    const scratch = document.createElement('tbody');
    scratch.innerHTML = row('97110', '1', '15');
    document.querySelector('tbody')!.append(...scratch.children);
    expect(document.querySelectorAll('tr[data-line]')).toHaveLength(2);
    detect.refresh();
    await vi.advanceTimersByTimeAsync(CHECK_DEBOUNCE_MS + 10);
    expect(send).toHaveBeenCalledTimes(3);
    expect(document.querySelectorAll('claimlens-badge')).toHaveLength(2);
    expect([...document.querySelectorAll('claimlens-layer, claimlens-badge')].every((e) => e.hasAttribute('data-claimlens-ui'))).toBe(true);
    overlay.stop();
  });
});

describe('page overlay while reference data loads', () => {
  test('an answer checked against partly loaded data is shown, then checked again until complete', async () => {
    vi.useFakeTimers();
    document.body.innerHTML = `<table><tbody>${row('97530', '1', '15')}</tbody></table>`;
    const partial = result([finding('data.loading', 'info', [], 'Reference data is still loading (40 %)')], [fee(0, '97530', 34.61)]);
    const full = result([finding('units.over', 'error', [0])], [fee(0, '97530', 34.61)]);
    const send = vi.fn().mockResolvedValueOnce({ ok: true, data: partial }).mockResolvedValue({ ok: true, data: full });
    const overlay = startOverlay({ doc: document, detect: fakeDetect(document), send, today: () => '2026-11-23' });
    await vi.advanceTimersByTimeAsync(CHECK_DEBOUNCE_MS + 10);
    const host = document.querySelector('claimlens-badge') as HTMLElement;
    expect(host.shadowRoot!.querySelector('[data-claimlens-fee]')?.getAttribute('data-amount')).toBe('34.61');
    expect(host.shadowRoot!.querySelector('[data-claimlens-rule="units.over"]')).toBeNull();
    await vi.advanceTimersByTimeAsync(2000);
    expect(send).toHaveBeenCalledTimes(2);
    expect(host.shadowRoot!.querySelector('[data-claimlens-rule="units.over"]')).not.toBeNull();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(send).toHaveBeenCalledTimes(2);
    overlay.stop();
    vi.useRealTimers();
    document.body.innerHTML = '';
  });
});

describe('debounce', () => {
  test("detection's report of a typed value does not push the check back", async () => {
    vi.useFakeTimers();
    document.body.innerHTML = `<table><tbody>${row('97530', '1', '15')}</tbody></table>`;
    const detect = fakeDetect(document);
    const send = vi.fn().mockResolvedValue({ ok: true, data: result([], [fee(0, '97530', 34.61)]) });
    const overlay = startOverlay({ doc: document, detect, send, today: () => '2026-11-23' });
    await vi.advanceTimersByTimeAsync(CHECK_DEBOUNCE_MS + 10);
    const units = document.querySelector<HTMLInputElement>('input[data-kind="units"]')!;
    units.value = '2';
    units.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.advanceTimersByTimeAsync(16);
    detect.refresh(true); // a frame later
    await vi.advanceTimersByTimeAsync(CHECK_DEBOUNCE_MS - 16);
    expect(send).toHaveBeenCalledTimes(2);
    overlay.stop();
    vi.useRealTimers();
    document.body.innerHTML = '';
  });
});

describe('badge details', () => {
  test('opening a badge shows the fee arithmetic with its source', async () => {
    vi.useFakeTimers();
    document.body.innerHTML = `<table><tbody>${row('97530', '1', '15')}</tbody></table>`;
    const send = vi.fn().mockResolvedValue({ ok: true, data: result([], [fee(0, '97530', 34.61)]) });
    const overlay = startOverlay({ doc: document, detect: fakeDetect(document), send, today: () => '2026-11-23' });
    await vi.advanceTimersByTimeAsync(CHECK_DEBOUNCE_MS + 10);
    const root = document.querySelector('claimlens-badge')!.shadowRoot!;
    root.querySelector<HTMLButtonElement>('button.chip')!.click();
    await vi.advanceTimersByTimeAsync(0);
    const fees = root.querySelector('.fees')!;
    expect(fees.textContent).toMatch(/Estimated allowed\$34\.61/);
    expect(fees.textContent).toMatch(/Source: CMS PFS RVU25D/);
    expect(root.querySelector('.breakdown li')?.textContent).toBe('1 × RVU × GPCI × CF');
    overlay.stop();
    vi.useRealTimers();
    document.body.innerHTML = '';
  });
});

describe('fields removed without a detection pass', () => {
  test('the next placement pass removes the overlay of a form whose fields all left', async () => {
    vi.useFakeTimers();
    document.body.innerHTML = `<table><tbody>${row('97530', '1', '15')}</tbody></table>`;
    const send = vi.fn().mockResolvedValue({ ok: true, data: result([], [fee(0, '97530', 34.61)]) });
    const overlay = startOverlay({ doc: document, detect: fakeDetect(document), send, today: () => '2026-11-23' });
    await vi.advanceTimersByTimeAsync(CHECK_DEBOUNCE_MS + 10);
    expect(document.querySelector('claimlens-badge')).not.toBeNull();
    document.querySelector('table')!.remove(); // detection is not told
    window.dispatchEvent(new Event('resize'));
    await vi.advanceTimersByTimeAsync(50);
    expect(document.querySelector('claimlens-layer, claimlens-badge, claimlens-summary')).toBeNull();
    overlay.stop();
    vi.useRealTimers();
    document.body.innerHTML = '';
  });
});
