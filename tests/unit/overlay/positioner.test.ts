// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { Positioner } from '../../../src/overlay/positioner';
import { ATTACH_PER_FRAME } from '../../../src/overlay/timing';

/** A field at (x, y) of 80 × 24 px (happy-dom does no layout, so each field states its box). */
function field(x: number, y: number): HTMLInputElement {
  const input = document.createElement('input');
  input.getBoundingClientRect = () => ({ left: x, right: x + 80, top: y, bottom: y + 24, width: 80, height: 24, x, y, toJSON() {} }) as DOMRect;
  document.body.append(input);
  return input;
}

const FRAME_MS = 16;

describe('Positioner', () => {
  let layer: HTMLElement;
  beforeEach(() => {
    vi.useFakeTimers();
    layer = document.createElement('div');
    document.body.append(layer);
  });
  afterEach(() => {
    vi.useRealTimers();
    document.body.innerHTML = '';
  });

  test('new badges join the layer in batches of ATTACH_PER_FRAME, each already placed beside its field', async () => {
    const positioner = new Positioner(layer);
    const total = ATTACH_PER_FRAME * 2 + 5;
    const hosts = Array.from({ length: total }, (_, i) => {
      const host = document.createElement('span');
      positioner.attach(host, field(10, 30 * i));
      return host;
    });
    expect(layer.children).toHaveLength(0);
    const attachedPerFrame: number[] = [];
    for (let frame = 0; frame < 4; frame++) {
      const before = layer.children.length;
      await vi.advanceTimersByTimeAsync(FRAME_MS);
      attachedPerFrame.push(layer.children.length - before);
    }
    expect(attachedPerFrame).toEqual([ATTACH_PER_FRAME, ATTACH_PER_FRAME, 5, 0]);
    expect(hosts[7]!.style.getPropertyValue('left')).toBe('94px'); // field's right edge + 4 px gap
    expect(hosts[7]!.style.getPropertyValue('top')).toBe(`${30 * 7 + 2}px`); // centred on the 24 px field
    expect(hosts.every((h) => h.style.getPropertyValue('visibility') === 'visible')).toBe(true);
    positioner.dispose();
  });

  test('a badge whose field left, or that was untracked, before its frame never joins the page', async () => {
    const positioner = new Positioner(layer);
    const gone = document.createElement('span');
    const dropped = document.createElement('span');
    const kept = document.createElement('span');
    const goneField = field(0, 0);
    positioner.attach(gone, goneField);
    positioner.attach(dropped, field(0, 40));
    positioner.attach(kept, field(0, 80));
    goneField.remove();
    positioner.untrack(dropped);
    await vi.advanceTimersByTimeAsync(FRAME_MS * 3);
    expect([...layer.children]).toEqual([kept]);
    positioner.dispose();
  });
});
