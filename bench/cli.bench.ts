/**
 * Cold start of the claimlens command as a user meets it: a new node process per run,
 * `node bin/claimlens.mjs check examples/one-line.json --json`, wall clock from spawn to
 * exit (Node start, bundle import, data load, check, output). Target: < 1 s.
 */
import { spawnSync } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { percentile } from './stats';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const RUNS = 15;

interface Timing {
  wallMs: number;
  /** User + system CPU of the claimlens process (bin reports it when asked): load-independent. */
  cpuMs: number;
}

function timeCommand(args: string[]): Timing {
  const start = performance.now();
  const child = spawnSync(process.execPath, ['bin/claimlens.mjs', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, CLAIMLENS_REPORT_CPU: '1' },
  });
  const wallMs = performance.now() - start;
  // 0 = clean, 1 = error findings; anything else means the command did not work.
  if (child.status !== 0 && child.status !== 1) {
    throw new Error(`claimlens ${args.join(' ')} exited ${child.status}: ${child.stderr}`);
  }
  const cpu = /claimlens-cpu-ms ([\d.]+)/.exec(child.stderr);
  if (!cpu) throw new Error(`claimlens did not report its CPU time: ${child.stderr}`);
  return { wallMs, cpuMs: Number(cpu[1]) };
}

function series(args: string[]): { wall: number[]; cpu: number[] } {
  timeCommand(args); // untimed: builds dist-cli/ if stale, warms the file cache
  const runs = Array.from({ length: RUNS }, () => timeCommand(args));
  return {
    wall: runs.map((r) => r.wallMs).sort((a, b) => a - b),
    cpu: runs.map((r) => r.cpuMs).sort((a, b) => a - b),
  };
}

export async function run(): Promise<Array<{ name: string; value: number; unit: string; target?: string }>> {
  const check = series(['check', 'examples/one-line.json', '--json']);
  const help = series(['--help']);
  return [
    { name: `cold start, check one-line claim --json, median of ${RUNS}`, value: Math.round(percentile(check.wall, 50)), unit: 'ms', target: '< 1000 ms' },
    { name: 'cold start, check one-line claim --json, max', value: Math.round(check.wall[check.wall.length - 1] as number), unit: 'ms', target: '< 1000 ms' },
    { name: 'cold start, check one-line claim, CPU time median', value: Math.round(percentile(check.cpu, 50)), unit: 'ms' },
    { name: 'startup without data (--help), median', value: Math.round(percentile(help.wall, 50)), unit: 'ms' },
    { name: 'startup without data (--help), CPU time median', value: Math.round(percentile(help.cpu, 50)), unit: 'ms' },
  ];
}
