#!/usr/bin/env node
// The `claimlens` command. It runs dist-cli/claimlens.mjs, a prebuilt esbuild bundle of
// src/cli/main.ts, because compiling TypeScript at every start (tsx) is too slow for a
// command. The bundle is rebuilt first when it is missing or older than any source it was
// built from (the list esbuild reported, kept next to it). Reference data is not bundled:
// main reads it at run time from data/bundles under the package root.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const bundle = join(root, 'dist-cli', 'claimlens.mjs');
const inputsFile = join(root, 'dist-cli', 'claimlens.inputs.json');

// bench/cli.bench.ts asks for the process's CPU time: wall-clock alone swings with machine load.
if (process.env.CLAIMLENS_REPORT_CPU) {
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    process.stderr.write(`claimlens-cpu-ms ${((user + system) / 1000).toFixed(1)}\n`);
  });
}

if (isStale()) {
  try {
    const { buildCli } = await import(pathToFileURL(join(root, 'src', 'cli', 'build-cli.mjs')).href);
    await buildCli();
  } catch (error) {
    process.stderr.write(`claimlens: could not build dist-cli/claimlens.mjs (is esbuild installed? npm run build:cli): ${error?.message ?? error}\n`);
    process.exit(3);
  }
}
const { main } = await import(pathToFileURL(bundle).href);
process.exitCode = await main(process.argv.slice(2), root);

function isStale() {
  if (!existsSync(bundle) || !existsSync(inputsFile)) return true;
  const builtAt = statSync(bundle).mtimeMs;
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(inputsFile, 'utf8'));
  } catch {
    return true;
  }
  return inputs.some((input) => {
    const path = join(root, input);
    return !existsSync(path) || statSync(path).mtimeMs > builtAt;
  });
}
