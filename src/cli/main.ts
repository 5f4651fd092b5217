/**
 * Entry point of the `claimlens` command, bundled by esbuild into dist-cli/claimlens.mjs
 * (bin/claimlens.mjs builds it when missing or stale). Wires the real engine, data and
 * process streams into runCli.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBundleReference } from '../data/node-bundles';
import { checkClaim } from '../rules/check-claim';
import { runCli } from './cli';

/** packageRoot: the directory holding package.json and data/bundles. */
export async function main(argv: readonly string[], packageRoot: string): Promise<number> {
  // `claimlens check x.json | head`: a closed pipe is the reader's choice, not a crash.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  return runCli(argv, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin,
    loadChecker: async () => {
      const reference = await loadBundleReference(join(packageRoot, 'data', 'bundles'));
      return (claim) => checkClaim(claim, reference);
    },
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    version: readVersion(packageRoot),
    debug: Boolean(process.env.CLAIMLENS_DEBUG),
  });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function readVersion(packageRoot: string): string {
  try {
    const pkg = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
