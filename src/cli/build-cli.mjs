// Builds dist-cli/claimlens.mjs, the esbuild bundle of src/cli/main.ts that
// bin/claimlens.mjs runs (tsx compiles too slowly for a command's cold start).
// Plain JavaScript so the bin can call it without a TypeScript loader.
// `npm run build:cli` runs it; the bin runs it itself when the bundle is missing or stale.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const packageRoot = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
export const bundlePath = join(packageRoot, 'dist-cli', 'claimlens.mjs');
/** The sources esbuild read (relative to the package root), to tell when the bundle is stale. */
export const inputsPath = join(packageRoot, 'dist-cli', 'claimlens.inputs.json');

export async function buildCli() {
  const esbuild = await import('esbuild');
  mkdirSync(dirname(bundlePath), { recursive: true });
  // Build to private files, then rename: several claimlens processes may start at once.
  const tempBundle = `${bundlePath}.${process.pid}.tmp.mjs`;
  const result = await esbuild.build({
    absWorkingDir: packageRoot,
    entryPoints: ['src/cli/main.ts'],
    outfile: tempBundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    metafile: true,
    logLevel: 'error',
    // CommonJS dependencies (papaparse) may call require(); give the ESM bundle one.
    banner: {
      js: "import { createRequire as __claimlensRequire } from 'node:module'; const require = __claimlensRequire(import.meta.url);",
    },
  });
  const sources = Object.keys(result.metafile.inputs).filter((path) => !path.includes('node_modules'));
  const tempInputs = `${inputsPath}.${process.pid}.tmp`;
  writeFileSync(tempInputs, `${JSON.stringify([...sources, 'bin/claimlens.mjs', 'src/cli/build-cli.mjs'], null, 1)}\n`);
  renameSync(tempBundle, bundlePath);
  renameSync(tempInputs, inputsPath);
  return sources.length;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  const count = await buildCli();
  console.log(`built dist-cli/claimlens.mjs from ${count} sources in ${Math.round(performance.now() - started)} ms`);
}
