/**
 * The rules engine on the whole bundled data (loadBundleReference): how long loading takes,
 * and the median / p95 of checkClaim on a 12-line and a 100-line claim.
 * Targets (preamble): 12 lines < 1 ms median, 100 lines < 10 ms median.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBundleReference } from '../src/data/node-bundles';
import { checkClaim } from '../src/rules/check-claim';
import { Claim } from '../src/rules/claim';
import { percentile, round3, timeRuns } from './stats';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const example = (name: string): Claim => Claim.parse(JSON.parse(readFileSync(join(root, 'examples', name), 'utf8')));

export async function run(): Promise<Array<{ name: string; value: number; unit: string; target?: string }>> {
  const loadStart = performance.now();
  const reference = await loadBundleReference(join(root, 'data', 'bundles'));
  const loadMs = performance.now() - loadStart;

  const twelve = example('bench-12-lines.json');
  const hundred = example('bench-100-lines.json');
  if (twelve.lines.length !== 12 || hundred.lines.length !== 100) throw new Error('bench claims do not have 12 and 100 lines');

  const firstStart = performance.now();
  checkClaim(twelve, reference);
  const firstMs = performance.now() - firstStart;

  const t12 = timeRuns(() => checkClaim(twelve, reference), 2000, 200);
  const t100 = timeRuns(() => checkClaim(hundred, reference), 1000, 100);

  return [
    { name: 'data load (loadBundleReference, all datasets)', value: Math.round(loadMs), unit: 'ms' },
    { name: 'first check after load, 12 lines (cold JIT)', value: round3(firstMs), unit: 'ms' },
    { name: 'check 12-line claim, median of 2000', value: round3(percentile(t12, 50)), unit: 'ms', target: '< 1 ms' },
    { name: 'check 12-line claim, p95', value: round3(percentile(t12, 95)), unit: 'ms' },
    { name: 'check 100-line claim, median of 1000', value: round3(percentile(t100, 50)), unit: 'ms', target: '< 10 ms' },
    { name: 'check 100-line claim, p95', value: round3(percentile(t100, 95)), unit: 'ms' },
  ];
}
