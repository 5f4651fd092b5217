/**
 * Overlay benchmarks in real Chromium with the built extension, on the demo fee sheet:
 *  - keystroke → updated badge on a 12-line claim: from the input event (dispatched in the
 *    page) to the badge's fee changing in its shadow root. Includes the overlay's debounce
 *    (CHECK_DEBOUNCE_MS); reported with and without it.
 *  - long tasks (PerformanceObserver 'longtask') on a 200-line claim from the end of the
 *    page's own script until every badge is checked: detection, the check round trip and
 *    rendering 200 badges are ClaimLens's work.
 * Builds into dist-overlay-bench so it never races another build.
 */
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { CHECK_DEBOUNCE_MS } from '../src/overlay/timing';

const ROOT = resolve(import.meta.dirname, '..');
const OUT_DIR = 'dist-overlay-bench';
const KEYSTROKES = 40;
const WARMUP = 12;

type Result = { name: string; value: number; unit: string; target?: string };

const round = (n: number) => Math.round(n * 10) / 10;
function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)] ?? Number.NaN;
}

/**
 * In the page: sets line `line`'s units to `units` as typing would (input event), then
 * waits for that line's badge fee (data-amount) to change; returns ms.
 */
async function timeKeystroke(page: Page, line: number, units: string): Promise<number> {
  return page.evaluate(
    ([l, u]) =>
      new Promise<number>((resolve, reject) => {
        const host = document.querySelector(`claimlens-badge[data-claimlens-for="${l}"]`);
        const root = host?.shadowRoot;
        const input = document.querySelectorAll<HTMLInputElement>('#lines input.units')[l as number];
        if (!root || !input) return reject(new Error(`no badge or field for line ${l}`));
        const before = root.querySelector('[data-claimlens-fee]')?.getAttribute('data-amount');
        const observer = new MutationObserver(() => {
          if (root.querySelector('[data-claimlens-fee]')?.getAttribute('data-amount') !== before) {
            observer.disconnect();
            resolve(performance.now() - start);
          }
        });
        observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
        setTimeout(() => reject(new Error('badge did not update within 5 s')), 5000);
        const start = performance.now();
        input.value = u as string;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: u as string }));
      }),
    [line, units] as const,
  );
}

/** Init script: records every long task of the page's main thread from the start. */
function observeLongTasks(): void {
  const w = window as unknown as { longTasks: Array<[number, number]> };
  w.longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
}

/** In the page: long tasks that started after the demo page's own script, and how long ago that was. */
function longTasksAfterPageScript(): { durations: number[]; windowMs: number } {
  const w = window as unknown as { longTasks: Array<[number, number]>; demoReadyAt: number };
  return {
    durations: w.longTasks.filter(([start]) => start >= w.demoReadyAt).map(([, duration]) => duration),
    windowMs: performance.now() - w.demoReadyAt,
  };
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event: unlike dur, not stretched when other processes hold the CPU. */
  tdur?: number;
  tid: number;
  args?: { data?: { url?: string } };
}

/** Chromium's own timeline trace of one page, through the DevTools protocol. */
async function startTrace(page: Page): Promise<{ stop(): Promise<TraceEvent[]> }> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] } });
  return {
    async stop() {
      const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await done;
      return events;
    },
  };
}

/**
 * The main-thread tasks that ran any ClaimLens content-script code (a script evaluation,
 * timer, frame callback, event or microtask of content.js), with their wall and CPU time in
 * ms. A task that mixes page work and ours (e.g. a frame that paints the page and our new
 * badges) counts as ours: the figure errs against us.
 */
function extensionTasks(events: TraceEvent[]): Array<{ wall: number; cpu: number }> {
  const ours = events.filter((e) => e.ph === 'X' && (e.args?.data?.url ?? '').includes('/content-scripts/'));
  return events
    .filter((e) => e.name === 'RunTask' && e.ph === 'X')
    .filter((task) => ours.some((e) => e.tid === task.tid && e.ts >= task.ts && e.ts <= task.ts + (task.dur ?? 0)))
    .map((task) => ({ wall: (task.dur ?? 0) / 1000, cpu: (task.tdur ?? task.dur ?? 0) / 1000 }));
}

export async function run(): Promise<Result[]> {
  execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, env: { ...process.env, CLAIMLENS_OUT_DIR: OUT_DIR }, stdio: 'ignore' });
  process.env.CLAIMLENS_DIST = join(ROOT, OUT_DIR, 'chrome-mv3');
  const { launchExtension, launchPlainChromium, serveStatic } = await import('../tests/e2e/harness');
  const { waitForBadges, waitForReferenceData } = await import('../tests/e2e/overlay-helpers');
  const session = await launchExtension();
  const server = await serveStatic();
  try {
    await waitForReferenceData(session.context, session.extensionUrl);

    // Keystroke → badge, 12 lines.
    const page = await session.context.newPage();
    await page.goto(`${server.origin}/examples/demo-portal.html?lines=12`);
    await waitForBadges(page, 12);
    await page.waitForTimeout(500);
    const samples: number[] = [];
    for (let k = 0; k < KEYSTROKES + WARMUP; k++) {
      const ms = await timeKeystroke(page, k % 12, k % 24 < 12 ? '2' : '1');
      if (k >= WARMUP) samples.push(ms); // the first ones warm the worker's tables and the JIT
    }
    await page.close();
    const total = p95(samples);

    // Long tasks, 200 lines: with the extension, then the same page and time window in a
    // Chromium without it (the baseline shows what the page and the machine cost alone).
    const bigUrl = `${server.origin}/examples/demo-portal.html?lines=200`;
    const big = await session.context.newPage();
    await big.addInitScript(observeLongTasks);
    const trace = await startTrace(big);
    await big.goto(bigUrl);
    await waitForBadges(big, 200, 60_000);
    const checkedAfterMs = await big.evaluate(() => performance.now() - (window as unknown as { demoReadyAt: number }).demoReadyAt);
    await big.waitForTimeout(1000);
    const withExtension = await big.evaluate(longTasksAfterPageScript);
    const oursAll = extensionTasks(await trace.stop());
    const ours = oursAll.filter((t) => t.wall > 50);
    await big.close();
    const plain = await launchPlainChromium();
    const bare = await plain.newPage();
    await bare.addInitScript(observeLongTasks);
    await bare.goto(bigUrl);
    await bare.waitForTimeout(withExtension.windowMs);
    const baseline = await bare.evaluate(longTasksAfterPageScript);
    await plain.close();
    const tasks = withExtension.durations;

    return [
      { name: 'overlay: keystroke → badge updated, 12 lines, p95 (incl. debounce)', value: round(total), unit: 'ms', target: `<= ${50 + CHECK_DEBOUNCE_MS}` },
      { name: `overlay: keystroke → badge updated, 12 lines, p95 minus ${CHECK_DEBOUNCE_MS} ms debounce`, value: round(total - CHECK_DEBOUNCE_MS), unit: 'ms', target: '<= 50' },
      { name: 'overlay: longest task running ClaimLens code, 200-line claim (trace)', value: round(Math.max(0, ...oursAll.map((t) => t.wall))), unit: 'ms', target: '<= 50' },
      { name: 'overlay: long tasks running ClaimLens code, 200-line claim (trace)', value: ours.length, unit: 'tasks', target: '<= 0' },
      // Wall time stretches when other processes hold the CPU (a shared machine); the main
      // thread's own CPU time for the same task does not, so it tells a slow task from a busy machine.
      { name: 'overlay: longest ClaimLens task in main-thread CPU time, 200-line claim (trace)', value: round(Math.max(0, ...oursAll.map((t) => t.cpu))), unit: 'ms', target: '<= 50' },
      { name: 'page: long tasks after page script, with extension (PerformanceObserver)', value: tasks.length, unit: 'tasks' },
      { name: 'page: longest task after page script, with extension (PerformanceObserver)', value: round(Math.max(0, ...tasks)), unit: 'ms' },
      { name: 'page: long tasks in the same window without the extension (baseline)', value: baseline.durations.length, unit: 'tasks' },
      { name: 'overlay: page script end → 200 badges checked', value: round(checkedAfterMs), unit: 'ms' },
    ];
  } finally {
    await session.close();
    await server.close();
  }
}
