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

/**
 * zod re-exports all of its ~50 message locales (z.locales), which is over half of its
 * code in the bundle and costs start-up time to compile. The CLI words every issue itself
 * and zod's default is English, so the bundle keeps only `en`.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${join('node_modules', 'zod')}`)
        ? { path: join(args.resolveDir, 'locales-en-only.js'), namespace: 'zod-english-only', pluginData: args.resolveDir }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(join(args.pluginData, '..', 'locales', 'en.js'))};`,
      resolveDir: args.pluginData,
      loader: 'js',
    }));
  },
};

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
    plugins: [zodEnglishOnly],
    minifyWhitespace: true,
    minifySyntax: true,
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
