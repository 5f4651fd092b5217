import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const BUNDLES_DIR = resolve(import.meta.dirname, 'data/bundles');

/** Every file under data/bundles/, as paths relative to it (the data engineer's output). */
function bundleFiles(dir: string = BUNDLES_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? bundleFiles(path) : [relative(BUNDLES_DIR, path)];
  });
}

// The extension reads claims (PHI) and must never talk to the network: no host
// permissions by default, the overlay's sites are optional permissions asked at run time.
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  outDir: process.env.CLAIMLENS_OUT_DIR ?? 'dist', // helpers/CI may build side by side
  manifest: ({ manifestVersion }) => ({
    name: 'ClaimLens',
    description: 'Checks medical claims where they are typed: units, NCCI edits, MUEs, modifiers and fee estimates. Works offline; claim data never leaves the browser.',
    // scripting: the overlay's content script is registered at run time for the sites the user grants.
    permissions: ['storage', 'unlimitedStorage', 'scripting'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // Firefox MV2 has no optional_host_permissions: origins go in optional_permissions there.
    ...(manifestVersion === 2 ? { optional_permissions: ['https://*/*', 'http://*/*'] } : {}),
    host_permissions: ['http://localhost/*', 'http://127.0.0.1/*'],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; connect-src 'self'",
    },
  }),
  hooks: {
    // The reference-data bundles ship inside the extension (data/bundles/x → dist/<browser>/data/x);
    // the worker reads them with fetch(runtime.getURL(…)) — its own files, not the network.
    // They are not listed in web_accessible_resources, so pages cannot read them.
    'build:publicAssets': (_wxt, files) => {
      for (const file of bundleFiles()) {
        files.push({ absoluteSrc: join(BUNDLES_DIR, file), relativeDest: `data/${file.split("\\").join("/")}` });
      }
    },
  },
  vite: () => ({
    plugins: [preact()],
    build: { target: 'es2022' },
  }),
});
