import { pageDetection } from '../src/overlay/detect-adapter';
import { startOverlay } from '../src/overlay/page-overlay';

/**
 * The overlay on claim-entry pages. Loopback pages are matched statically (demo, tests);
 * other portals are registered at run time by the worker once the user grants the site.
 * Thin wiring: all logic lives in src/overlay and src/detect.
 */
export default defineContentScript({
  matches: ['http://localhost/*', 'http://127.0.0.1/*'],
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    // The first scan runs in a task of its own, not in the one that compiled this script,
    // so neither makes a long task on a large page.
    ctx.setTimeout(() => {
      const overlay = startOverlay({
        doc: document,
        detect: pageDetection,
        send: (message) => browser.runtime.sendMessage(message),
      });
      // Extension reloaded or updated: this script is orphaned; leave the page as it was.
      ctx.onInvalidated(() => overlay.stop());
    }, 0);
  },
});
