/**
 * End-to-end harness: the built extension in Debian's Chromium through playwright-core.
 * It fails loudly (never skips) when Chromium or the build is missing, so CI cannot go
 * green without running the browser tier.
 */
import { chromium, type Browser, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, extname, resolve, normalize } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = process.env.CLAIMLENS_DIST ?? join(ROOT, process.env.CLAIMLENS_OUT_DIR ?? 'dist', 'chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** How long to wait for the MV3 service worker to register after launch. */
const WORKER_START_TIMEOUT_MS = 15_000;

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  userDataDir: string;
  /** Requests that left the machine (anything but localhost, 127.0.0.1, the extension, data:). */
  externalRequests: string[];
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

export function assertPrerequisites(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  if (!existsSync(join(DIST, 'manifest.json'))) {
    throw new Error(`No built extension at ${DIST}: run "npm run build" first`);
  }
}

const LOCAL = /^(chrome-extension:|data:|blob:|about:|http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\/)/;

export interface LaunchOptions {
  /** Reuse a profile (e.g. to relaunch after stopping the browser mid-seed). */
  userDataDir?: string;
  /** Headless unless told otherwise (the demo opens a window when there is a display). */
  headless?: boolean;
}

/**
 * Flags for every Chromium we start: no sandbox (root in CI), and no background traffic
 * (this machine's network is closed; Chromium would otherwise retry Google's hosts).
 */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Chromium without the extension: detection tests, baselines to compare the overlay with. */
export async function launchPlainChromium(extraArgs: string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_FLAGS, ...extraArgs] });
}

export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  assertPrerequisites();
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'claimlens-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    args: [`--disable-extensions-except=${DIST}`, `--load-extension=${DIST}`, ...CHROMIUM_FLAGS],
  });
  const externalRequests: string[] = [];
  context.on('request', (request) => {
    if (!LOCAL.test(request.url())) externalRequests.push(request.url());
  });
  const worker =
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: WORKER_START_TIMEOUT_MS }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    userDataDir,
    externalRequests,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    async close() {
      await context.close();
      if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Sends a runtime message from an extension page, as the popup or options page would. */
export async function sendFromExtensionPage<T = unknown>(page: Page, message: unknown): Promise<T> {
  // `chrome` exists in the extension page, not in Node: reach it through globalThis.
  return page.evaluate((m) => (globalThis as any).chrome.runtime.sendMessage(m), message) as Promise<T>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  /** Same files on the other loopback name: a different origin, for cross-origin iframes. */
  altOrigin: string;
  close(): Promise<void>;
}

/** Serves the repository's examples/ and tests/fixtures/ on loopback for the browser tier. */
export async function serveStatic(rootDir: string = ROOT): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = normalize(join(rootDir, decodeURIComponent(url.pathname)));
    const allowed = [join(rootDir, 'examples'), join(rootDir, 'tests/fixtures')];
    if (!allowed.some((dir) => path.startsWith(dir)) || !existsSync(path) || statSync(path).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': MIME[extname(path)] ?? 'application/octet-stream' });
    res.end(readFileSync(path));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    altOrigin: `http://localhost:${port}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
