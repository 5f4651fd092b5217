/**
 * watchPage in real Chromium: what a biller does on a claim page (types into React-controlled
 * fields, adds and removes lines, waits for late components, navigates inside a single-page
 * app) must reach the callback, and the disposer must leave no trace.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { serveStatic, type StaticServer } from './harness';
import { injectDetector, launchBrowser, settle, waitForFixture } from './detect-helpers';

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

async function open(name: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/tests/fixtures/portals/${name}`);
  for (const frame of page.frames()) await frame.waitForLoadState('load');
  await injectDetector(page);
  for (const frame of page.frames()) await startWatch(frame);
  return page;
}

async function startWatch(frame: Frame): Promise<void> {
  await frame.evaluate(() => {
    const w = window as any;
    w.__changes = [];
    w.__stop = w.ClaimLensDetect.watchPage(document, (forms: any[], reason: string) => {
      w.__forms = forms;
      w.__changes.push(reason);
    });
  });
}

/** Lines of every form as the overlay would read them: readLine of each detected line. */
function readAll(frame: Frame): Promise<Array<Array<Record<string, unknown>>>> {
  return frame.evaluate(() => {
    const w = window as any;
    return (w.__forms ?? []).map((form: any) => form.lines.map((line: any) => w.ClaimLensDetect.readLine(line)));
  });
}

function changes(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => (window as any).__changes as string[]);
}

test('typing into a React-controlled code field reaches readLine, and so does a state change with no input event', async () => {
  const page = await open('react-controlled.html');
  const before = await readAll(page.mainFrame());
  expect(before[0]![0]).toMatchObject({ code: '97110', modifiers: ['GP'], units: 2, minutes: 30, dos: '2026-11-20' });

  await page.getByLabel('CPT code, line 1').fill('97530gp');
  await settle(page);
  // The page's own handler upper-cased the value after the input event: readLine sees the re-render.
  expect(await page.getByLabel('CPT code, line 1').inputValue()).toBe('97530GP');
  expect((await readAll(page.mainFrame()))[0]![0]).toMatchObject({ code: '97530', modifiers: ['GP'] });
  expect(await changes(page.mainFrame())).toContain('value');

  // As React Testing Library types: prototype setter, then a bubbling input event.
  await page.evaluate(() => {
    const input = document.querySelector('[aria-label="CPT code, line 2"]') as HTMLInputElement;
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, '97112');
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await settle(page);
  expect((await readAll(page.mainFrame()))[0]![1]).toMatchObject({ code: '97112' });

  // A click changes state; React writes .value without any event on the fields.
  await page.getByRole('button', { name: 'Apply plan of care' }).click();
  await settle(page);
  const applied = await readAll(page.mainFrame());
  expect(applied[0]!.map((l) => l.modifiers)).toEqual([['GP', 'KX'], ['GP', 'KX']]);

  await page.getByRole('button', { name: 'Add service' }).click();
  await settle(page);
  expect(await page.locator('[data-claimlens-field="cpt"][data-claimlens-line="2"]').count()).toBe(1);
  await page.close();
});

test('rows added later get marked; removed rows disappear and the rest are renumbered', async () => {
  const page = await open('dynamic-rows.html');
  await waitForFixture(page);
  await settle(page);
  expect(await page.locator('[data-claimlens-field="cpt"]').count()).toBe(3);

  await page.getByRole('button', { name: 'Add service line' }).click();
  await settle(page);
  const added = page.locator('#line-body tr').nth(3).locator('input').first();
  expect(await added.getAttribute('data-claimlens-field')).toBe('cpt');
  expect(await added.getAttribute('data-claimlens-line')).toBe('3');
  expect(await changes(page.mainFrame())).toContain('mutation');

  await page.locator('#line-body tr').nth(1).getByRole('button', { name: 'Remove' }).click();
  await settle(page);
  const lines = await readAll(page.mainFrame());
  expect(lines[0]!.map((l) => l.code)).toEqual(['97161', '97140', '']);
  const indexes = await page.locator('[data-claimlens-field="cpt"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-claimlens-line')));
  expect(indexes).toEqual(['0', '1', '2']);
  await page.close();
});

test('fields in open shadow roots are found, including a component that attaches its shadow root late', async () => {
  const page = await open('shadow-dom.html?manual');
  const early = await readAll(page.mainFrame());
  expect(early.flat().map((l) => l.code)).toEqual(['97110', '97530']);
  await page.evaluate(() => (window as any).defineLate());
  await settle(page);
  const late = await readAll(page.mainFrame());
  expect(late.flat().map((l) => l.code)).toEqual(['97110', '97530', '97140']);
  expect(await changes(page.mainFrame())).toContain('shadow');
  // The nested code-picker's input (shadow inside shadow) carries the marks.
  const mark = await page.evaluate(() => {
    const editor = document.querySelector('claim-lines-editor')!.shadowRoot!;
    const picker = editor.querySelector('code-picker')!.shadowRoot!;
    return picker.querySelector('input')!.getAttribute('data-claimlens-field');
  });
  expect(mark).toBe('cpt');
  await page.close();
});

test('the disposer removes every mark (shadow roots included) and stops callbacks', async () => {
  const page = await open('shadow-dom.html');
  await waitForFixture(page);
  await settle(page);
  const countMarks = (): Promise<number> =>
    page.evaluate(() => {
      let n = 0;
      const visit = (root: Document | ShadowRoot): void => {
        for (const el of Array.from(root.querySelectorAll('*'))) {
          if (el.hasAttribute('data-claimlens-field') || el.hasAttribute('data-claimlens-line')) n++;
          if (el.shadowRoot) visit(el.shadowRoot);
        }
      };
      visit(document);
      return n;
    });
  expect(await countMarks()).toBeGreaterThan(10);
  const callsBefore = (await changes(page.mainFrame())).length;
  await page.evaluate(() => (window as any).__stop());
  expect(await countMarks()).toBe(0);
  await page.evaluate(() => {
    const editor = document.querySelector('claim-lines-editor')!.shadowRoot!;
    editor.querySelector('tbody')!.append(editor.querySelector('tbody tr')!.cloneNode(true));
    (editor.querySelector('input.units') as HTMLInputElement).value = '9';
  });
  await settle(page);
  expect((await changes(page.mainFrame())).length).toBe(callsBefore);
  expect(await countMarks()).toBe(0);
  await page.close();
});

test('a single-page navigation is reported and the new page content is scanned', async () => {
  const page = await open('nosh-billing.html');
  await page.evaluate(() => {
    history.pushState({}, '', '?encounter=2');
    const items = document.getElementById('billing_items')!;
    items.replaceChildren(items.firstElementChild!);
  });
  await settle(page);
  expect(await changes(page.mainFrame())).toContain('navigation');
  expect((await readAll(page.mainFrame()))[0]).toHaveLength(1);
  await page.close();
});

test("ClaimLens's own UI (data-claimlens-ui) is never scanned and never triggers a callback", async () => {
  const page = await open('modifiers.html');
  const callsBefore = (await changes(page.mainFrame())).length;
  await page.evaluate(() => {
    const host = document.createElement('div');
    host.setAttribute('data-claimlens-ui', '');
    const label = document.createElement('label');
    label.textContent = 'CPT';
    label.append(document.createElement('input'));
    host.append(label);
    document.getElementById('one-box')!.append(host);
  });
  await settle(page);
  await page.locator('[data-claimlens-ui] input').fill('97110');
  await settle(page);
  expect((await changes(page.mainFrame())).length).toBe(callsBefore);
  expect(await page.locator('[data-claimlens-ui] [data-claimlens-field]').count()).toBe(0);
  await page.close();
});

test('each frame scans itself: the top page sees no lines of its same-origin or cross-origin iframe', async () => {
  for (const name of ['openemr-fee-sheet.html', 'cross-origin.html']) {
    const page = await open(name);
    const [top, inner] = [page.mainFrame(), page.frames().find((f) => f !== page.mainFrame())!];
    expect(await readAll(top)).toEqual([]);
    expect((await readAll(inner)).flat().length).toBeGreaterThanOrEqual(2);
    if (name === 'cross-origin.html') expect(new URL(inner.url()).origin).not.toBe(new URL(top.url()).origin);
    await page.close();
  }
});

test('a 300-line claim page: the first report arrives after a sliced scan, with every line marked', async () => {
  const page = await browser.newPage();
  const row = (i: number): string =>
    `<tr><td><input name="lines[${i}].dos" value="11/20/2026"></td><td><input name="lines[${i}].cpt" value="${i % 2 ? '97110' : '97140'}"></td>`
    + `<td><input name="lines[${i}].units" value="1"></td><td><input name="lines[${i}].charge" value="55.00"></td></tr>`;
  const rows = Array.from({ length: 300 }, (_, i) => row(i)).join('');
  await page.goto(`${server.origin}/tests/fixtures/portals/decoys.html`);
  await page.evaluate((html) => {
    const table = document.createElement('table');
    table.id = 'big';
    table.innerHTML = `<thead><tr><th>DOS</th><th>CPT</th><th>Units</th><th>Charge</th></tr></thead><tbody>${html}</tbody>`;
    document.body.append(table);
  }, rows);
  await injectDetector(page);
  const result = await page.evaluate(async () => {
    const w = window as any;
    let sync = false;
    const reasons: string[] = [];
    const forms: any[] = await new Promise((resolve) => {
      let returned = false;
      w.ClaimLensDetect.watchPage(document, (f: any[], reason: string) => {
        reasons.push(reason);
        if (!returned) sync = true;
        if (reason === 'initial') resolve(f);
      });
      returned = true;
    });
    const big = forms.find((f) => f.root.id === 'big');
    return { sync, reasons, lines: big?.lines.length, last: w.ClaimLensDetect.readLine(big.lines[299]), marked: document.querySelectorAll('#big [data-claimlens-line="299"]').length };
  });
  expect(result.sync).toBe(false);
  expect(result.reasons[0]).toBe('initial');
  expect(result.lines).toBe(300);
  expect(result.last).toMatchObject({ code: '97110', units: 1, charge: 55, dos: '2026-11-20' });
  expect(result.marked).toBe(4);
  await page.close();
});
