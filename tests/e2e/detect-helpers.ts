/**
 * Browser-tier helpers for detection: the detector bundled in memory with esbuild and
 * injected into every frame of a page (as the content script runs with all_frames), and
 * a grader that compares the page's marks with the fixtures' data-expect declarations.
 */
import { build } from 'esbuild';
import type { Browser, Frame, Page } from 'playwright-core';
import { ROOT, launchPlainChromium } from './harness';

let bundled: Promise<string> | undefined;

/** src/detect as one IIFE that sets globalThis.ClaimLensDetect. */
export function detectorBundle(): Promise<string> {
  bundled ??= build({
    stdin: {
      contents: "import * as detect from './src/detect/index.ts'; (globalThis as any).ClaimLensDetect = detect;",
      resolveDir: ROOT,
      loader: 'ts',
      sourcefile: 'detect-entry.ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    minify: false,
  }).then((result) => result.outputFiles[0]!.text);
  return bundled;
}

export function launchBrowser(): Promise<Browser> {
  return launchPlainChromium();
}

/** Injects the detector into every frame that does not have it yet. */
export async function injectDetector(page: Page): Promise<void> {
  const code = await detectorBundle();
  for (const frame of page.frames()) {
    const has = await frame.evaluate(() => 'ClaimLensDetect' in globalThis).catch(() => true);
    if (!has) await frame.addScriptTag({ content: code });
  }
}

/** Fixtures with late content mark <body data-fixture-pending> until it is there. */
export async function waitForFixture(page: Page): Promise<void> {
  for (const frame of page.frames()) {
    await frame.waitForFunction(() => document.readyState === 'complete' && !document.querySelector('[data-fixture-pending]'));
  }
}

/** Lets the watcher's batched pass run (animation frame or its timeout fallback). */
export async function settle(page: Page): Promise<void> {
  for (const frame of page.frames()) {
    await frame.evaluate(() => new Promise<void>((ok) => setTimeout(ok, 150)));
  }
}

export interface Observation {
  frame: string;
  /** data-expect: "cpt:0", "modifier:1", … or "none" (a decoy); null when not declared. */
  expect: string | null;
  /** The marks found: "cpt:0" or null. */
  actual: string | null;
  describe: string;
}

/** Every element with a declaration or a mark, in this frame and its open shadow roots. */
export async function observeFrame(frame: Frame): Promise<Observation[]> {
  const found = await frame.evaluate(() => {
    const out: Array<{ expect: string | null; actual: string | null; describe: string }> = [];
    const visit = (root: Document | ShadowRoot): void => {
      for (const el of Array.from(root.querySelectorAll('*'))) {
        const expect = el.getAttribute('data-expect');
        const field = el.getAttribute('data-claimlens-field');
        if (expect !== null || field !== null) {
          const line = el.getAttribute('data-claimlens-line');
          const label = el.getAttribute('name') ?? el.id ?? '';
          out.push({
            expect,
            actual: field === null ? null : `${field}:${line}`,
            describe: `<${el.localName} ${label}> ${(el as HTMLInputElement).value ?? el.textContent ?? ''}`.slice(0, 90),
          });
        }
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(document);
    return out;
  });
  return found.map((o) => ({ ...o, frame: frame.url().split('/').pop() ?? frame.url() }));
}

export interface KindFigures {
  kind: string;
  expected: number;
  found: number;
  correct: number;
  precision: number;
  recall: number;
}

/** Precision and recall per field kind: a mark is correct when kind and line index match. */
export function figures(observations: Observation[], kinds: readonly string[]): KindFigures[] {
  return kinds.map((kind) => {
    const expected = observations.filter((o) => o.expect?.startsWith(`${kind}:`)).length;
    const found = observations.filter((o) => o.actual?.startsWith(`${kind}:`)).length;
    const correct = observations.filter((o) => o.expect?.startsWith(`${kind}:`) && o.actual === o.expect).length;
    return {
      kind,
      expected,
      found,
      correct,
      precision: found === 0 ? 1 : correct / found,
      recall: expected === 0 ? 1 : correct / expected,
    };
  });
}
