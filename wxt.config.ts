import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The extension reads claims (PHI) and must never talk to the network: no host
// permissions by default, the overlay's sites are optional permissions asked at run time.
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  outDir: process.env.CLAIMLENS_OUT_DIR ?? 'dist', // helpers/CI may build side by side
  manifest: {
    name: 'ClaimLens',
    description: 'Checks medical claims where they are typed: units, NCCI edits, MUEs, modifiers and fee estimates. Works offline; claim data never leaves the browser.',
    permissions: ['storage', 'unlimitedStorage'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    host_permissions: ['http://localhost/*', 'http://127.0.0.1/*'],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; connect-src 'self'",
    },
  },
  vite: () => ({
    plugins: [preact()],
    build: { target: 'es2022' },
  }),
});
