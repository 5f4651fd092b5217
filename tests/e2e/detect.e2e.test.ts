/**
 * Detection in real Chromium: every fixture portal page under tests/fixtures/portals, the
 * detector bundled from src/detect and injected into each frame (as the content script runs
 * with all_frames). Marks are compared with the fixtures' data-expect declarations.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ROOT, serveStatic, type StaticServer } from './harness';
import { figures, injectDetector, launchBrowser, observeFrame, settle, waitForFixture, type Observation } from './detect-helpers';

const PORTALS = join(ROOT, 'tests/fixtures/portals');
/** Pages loaded only inside another fixture's iframe. */
const FRAME_ONLY = new Set(['openemr-fee-sheet-frame.html', 'cross-origin-frame.html']);
const FIXTURES = readdirSync(PORTALS).filter((f) => f.endsWith('.html') && !FRAME_ONLY.has(f)).sort();
const KINDS = ['cpt', 'modifier', 'units', 'minutes', 'dos', 'icd10', 'charge'] as const;

let browser: Browser;
let server: StaticServer;
beforeAll(async () => {
  server = await serveStatic();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openFixture(name: string): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(`${server.origin}/tests/fixtures/portals/${name}`);
  await page.waitForLoadState('load');
  // Frames (same-origin and cross-origin) load with the page; wait until each has a body.
  for (const frame of page.frames()) await frame.waitForLoadState('load');
  return page;
}

/** Starts a watcher in every frame, as the content script would, keeping the latest forms. */
async function watchEveryFrame(page: Page): Promise<void> {
  await injectDetector(page);
  for (const frame of page.frames()) {
    await frame.evaluate(() => {
      const w = window as any;
      w.__changes = [];
      w.__stop = w.ClaimLensDetect.watchPage(document, (forms: any[], reason: string) => {
        w.__forms = forms;
        w.__changes.push(reason);
      });
    });
  }
}

/** Reads every line whose code field declares data-expect-read, in every frame. */
async function readDeclaredLines(page: Page): Promise<Array<{ frame: string; expected: unknown; actual: unknown }>> {
  const out: Array<{ frame: string; expected: unknown; actual: unknown }> = [];
  for (const frame of page.frames()) {
    const found = await frame.evaluate(() => {
      const w = window as any;
      const results: Array<{ expected: unknown; actual: unknown }> = [];
      for (const form of w.__forms ?? []) {
        for (const line of form.lines) {
          const code = line.fields.find((f: any) => f.kind === 'cpt')?.element as Element | undefined;
          const declared = code?.getAttribute('data-expect-read');
          if (declared) results.push({ expected: JSON.parse(declared), actual: w.ClaimLensDetect.readLine(line) });
        }
      }
      // Lines declared but never detected must count as failures too.
      const declaredCount = (() => {
        let n = 0;
        const visit = (root: Document | ShadowRoot): void => {
          for (const el of Array.from(root.querySelectorAll('*'))) {
            if (el.hasAttribute('data-expect-read')) n++;
            if (el.shadowRoot) visit(el.shadowRoot);
          }
        };
        visit(document);
        return n;
      })();
      for (let i = results.length; i < declaredCount; i++) results.push({ expected: 'a declared line', actual: 'not detected' });
      return results;
    });
    out.push(...found.map((r) => ({ ...r, frame: frame.url().split('/').pop() ?? '' })));
  }
  return out;
}

const allObservations: Observation[] = [];

describe('fixture portals: marks match the declared fields', () => {
  test.each(FIXTURES)('%s', async (name) => {
    const page = await openFixture(name);
    await watchEveryFrame(page);
    await waitForFixture(page);
    await settle(page);
    for (const frame of page.frames()) {
      await frame.evaluate(async () => {
        const actions = (window as any).fixtureActions as (() => Promise<void>) | undefined;
        if (actions) await actions();
      });
    }
    await settle(page);
    const observations: Observation[] = [];
    for (const frame of page.frames()) observations.push(...(await observeFrame(frame)));
    allObservations.push(...observations.map((o) => ({ ...o, frame: `${name} › ${o.frame}` })));
    const wrong = observations.filter((o) => o.expect !== o.actual && !(o.expect === 'none' && o.actual === null));
    expect(observations.some((o) => o.expect && o.expect !== 'none'), 'fixture declares fields').toBe(true);
    expect(wrong, `marks that differ from data-expect in ${name}`).toEqual([]);
    for (const read of await readDeclaredLines(page)) expect(read.actual, `readLine in ${read.frame}`).toMatchObject(read.expected as object);
    await page.close();
  });

  test('precision and recall over all fixtures', () => {
    expect(allObservations.length).toBeGreaterThan(0);
    const table = figures(allObservations, KINDS);
    console.log(
      ['kind      expected found correct precision recall', ...table.map((f) =>
        `${f.kind.padEnd(9)} ${String(f.expected).padStart(8)} ${String(f.found).padStart(5)} ${String(f.correct).padStart(7)} ${f.precision.toFixed(3).padStart(9)} ${f.recall.toFixed(3).padStart(6)}`)].join('\n'),
    );
    const decoysMarked = allObservations.filter((o) => o.expect === 'none' && o.actual !== null);
    const undeclaredMarks = allObservations.filter((o) => o.expect === null && o.actual !== null);
    console.log(`decoys declared: ${allObservations.filter((o) => o.expect === 'none').length}, marked: ${decoysMarked.length}; undeclared marks: ${undeclaredMarks.length}`);
    expect(decoysMarked).toEqual([]);
    expect(undeclaredMarks).toEqual([]);
    const byKind = Object.fromEntries(table.map((f) => [f.kind, f]));
    expect(byKind.cpt!.recall).toBeGreaterThanOrEqual(0.98);
    for (const kind of ['modifier', 'units', 'minutes', 'dos'] as const) expect(byKind[kind]!.recall).toBeGreaterThanOrEqual(0.95);
  });
});
