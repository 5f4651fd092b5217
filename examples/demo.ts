/**
 * `npm run demo`: the built extension (dist/) on the demo fee sheet in Chromium.
 * Serves examples/ on loopback, opens examples/demo-portal.html with ClaimLens loaded,
 * waits for the badges, prints each line's findings and fee, saves a screenshot to
 * examples/demo-screenshot.png. Headful when $DISPLAY is set (the window stays open until
 * you close it), headless otherwise.
 */
import { join } from 'node:path';
import { ROOT, launchExtension, serveStatic } from '../tests/e2e/harness';
import { readBadges, waitForBadges, waitForReferenceData } from '../tests/e2e/overlay-helpers';

const SCREENSHOT = join(ROOT, 'examples', 'demo-screenshot.png');
const HEADFUL = Boolean(process.env.DISPLAY);

/** Headless in CI and on servers; a real window when there is a display. */
function launch() {
  return launchExtension({ headless: !HEADFUL });
}

async function main(): Promise<void> {
  const server = await serveStatic();
  const browser = await launch();
  try {
    console.log('Loading ClaimLens reference data (first run seeds the browser database)…');
    await waitForReferenceData(browser.context, browser.extensionUrl);
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${server.origin}/examples/demo-portal.html`);
    await waitForBadges(page, 4);
    // No helper functions inside the page callback: tsx would wrap them in a __name() the page lacks.
    const rows = await page.$$eval('#lines tr.service-line', (trs) =>
      trs.map((row) => ['.code', '.mod', '.units', '.minutes'].map((sel) =>
        [...row.querySelectorAll<HTMLInputElement>(sel)].map((i) => i.value).filter(Boolean).join(' '),
      )),
    );
    const codes = rows.map(([code, mods, units, minutes]) => `${code} ${mods}`.trim() + ` × ${units} (${minutes} min)`);
    for (const badge of await readBadges(page)) {
      const fee = badge.amount ? `$${badge.amount}` : 'no fee';
      console.log(`\nLine ${badge.line + 1}: ${codes[badge.line] ?? ''} — estimated allowed ${fee}`);
      if (badge.rules.length === 0) console.log('  no findings');
      badge.rules.forEach((rule, i) => console.log(`  [${rule}] ${badge.messages[i]}`));
    }
    const summary = await page.evaluate(() =>
      document.querySelector('claimlens-summary')?.shadowRoot?.querySelector('button.head')?.textContent ?? '',
    );
    console.log(`\n${summary.replace(/[▴▾]/g, '').trim()}`);
    // Open the second line's details and the summary for the picture.
    await page.evaluate(() => {
      const badge = document.querySelector('claimlens-badge[data-claimlens-for="1"]')?.shadowRoot;
      (badge?.querySelector('button.chip') as HTMLButtonElement | null)?.click();
      (document.querySelector('claimlens-summary')?.shadowRoot?.querySelector('button.head') as HTMLButtonElement | null)?.click();
    });
    await page.waitForTimeout(200);
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    console.log(`\nScreenshot: ${SCREENSHOT}`);
    if (HEADFUL) {
      console.log('Close the browser window to finish.');
      await page.waitForEvent('close', { timeout: 0 });
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
