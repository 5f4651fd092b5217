/**
 * npm run bench [-- NAME...]: runs every bench/*.bench.ts (or those whose name contains
 * one of NAME), each in its own child process one after the other, so one bench's memory
 * and JIT state never skews another's and a crashing bench is reported, not fatal.
 * Prints a table and writes bench/results/latest.json (git-ignored).
 *
 * A bench file exports:
 *   export async function run(): Promise<Array<{ name: string; value: number; unit: string; target?: string }>>
 * A target such as "< 1 ms" is checked when its unit matches the result's unit.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';

const BenchResult = z.object({
  name: z.string().min(1),
  value: z.number(),
  unit: z.string(),
  target: z.string().optional(),
});
const BenchResults = z.array(BenchResult);
type BenchResult = z.infer<typeof BenchResult>;

interface FileOutcome {
  file: string;
  ok: boolean;
  durationMs: number;
  results: BenchResult[];
  error?: string;
}

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = dirname(benchDir);
const thisFile = fileURLToPath(import.meta.url);
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 10 * 60_000);

if (process.argv[2] === '--child') {
  await runChild(process.argv[3] as string, process.argv[4] as string);
} else {
  await runAll(process.argv.slice(2));
}

/** In the child: import one bench file, run it, write its results as JSON. */
async function runChild(file: string, outPath: string): Promise<void> {
  const mod = (await import(pathToFileURL(file).href)) as { run?: unknown };
  if (typeof mod.run !== 'function') throw new Error('does not export run()');
  const results = BenchResults.parse(await (mod.run as () => Promise<unknown>)());
  writeFileSync(outPath, JSON.stringify(results));
}

async function runAll(filters: string[]): Promise<void> {
  const files = readdirSync(benchDir)
    .filter((name) => name.endsWith('.bench.ts'))
    .filter((name) => filters.length === 0 || filters.some((f) => name.includes(f)))
    .sort();
  if (files.length === 0) {
    console.error(`no bench/*.bench.ts${filters.length ? ` matching ${filters.join(', ')}` : ''}`);
    process.exitCode = 1;
    return;
  }
  const scratch = mkdtempSync(join(tmpdir(), 'claimlens-bench-'));
  const outcomes: FileOutcome[] = [];
  for (const name of files) {
    process.stderr.write(`bench: ${name} …\n`);
    outcomes.push(await runFile(join(benchDir, name), join(scratch, `${name}.json`)));
  }
  rmSync(scratch, { recursive: true, force: true });

  console.log(renderTable(outcomes));
  for (const failed of outcomes.filter((o) => !o.ok)) {
    console.log(`\n${failed.file} FAILED:\n${failed.error}`);
  }
  const report = {
    ranAt: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
    files: outcomes,
  };
  const resultsDir = join(benchDir, 'results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nwrote ${relative(root, join(resultsDir, 'latest.json'))}`);
}

function runFile(file: string, outPath: string): Promise<FileOutcome> {
  const started = performance.now();
  const name = relative(root, file);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', thisFile, '--child', file, outPath], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const durationMs = Math.round(performance.now() - started);
      if (code === 0) {
        try {
          const results = BenchResults.parse(JSON.parse(readFileSync(outPath, 'utf8')));
          resolve({ file: name, ok: true, durationMs, results });
          return;
        } catch (error) {
          stderr += `\nresults unreadable: ${String(error)}`;
        }
      }
      const why = signal ? `killed by ${signal}${signal === 'SIGKILL' ? ` (over ${TIMEOUT_MS} ms?)` : ''}` : `exit status ${code}`;
      resolve({ file: name, ok: false, durationMs, results: [], error: `${why}\n${lastLines(stderr, 15)}` });
    });
  });
}

function renderTable(outcomes: FileOutcome[]): string {
  const rows: string[][] = [['bench', 'metric', 'value', 'unit', 'target', '']];
  for (const outcome of outcomes) {
    const file = basename(outcome.file, '.bench.ts');
    if (!outcome.ok) rows.push([file, '(failed: see below)', '', '', '', 'FAILED']);
    for (const r of outcome.results) {
      const verdict = meetsTarget(r);
      rows.push([file, r.name, formatValue(r.value), r.unit, r.target ?? '', verdict === undefined ? '' : verdict ? 'ok' : 'MISSED']);
    }
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  const line = (row: string[]): string =>
    row.map((cell, c) => (c === 2 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd();
  return ['', line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** "< 1 ms", "<= 50 ms", "> 100 lines/s": undefined when the target cannot be read. */
export function meetsTarget(result: BenchResult): boolean | undefined {
  const match = /^\s*(<=|>=|<|>)\s*([\d.]+)\s*(.*?)\s*$/.exec(result.target ?? '');
  if (!match) return undefined;
  const [, op, limitText, unit] = match as unknown as [string, string, string, string];
  if (unit !== '' && unit !== result.unit) return undefined;
  const limit = Number(limitText);
  if (op === '<') return result.value < limit;
  if (op === '<=') return result.value <= limit;
  if (op === '>') return result.value > limit;
  return result.value >= limit;
}

function formatValue(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(1) : value.toPrecision(3);
}

function lastLines(text: string, count: number): string {
  return text.trimEnd().split('\n').slice(-count).join('\n');
}
