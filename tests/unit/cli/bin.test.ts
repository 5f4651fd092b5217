import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/rules/finding';

// The real command on the real bundled data: node bin/claimlens.mjs (which builds
// dist-cli/claimlens.mjs when it is stale).
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

function claimlens(args: string[], input?: string) {
  const child = spawnSync(process.execPath, ['bin/claimlens.mjs', ...args], { cwd: root, encoding: 'utf8', input, timeout: 60_000 });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

interface JsonReport {
  findings: Finding[];
  fees: { lines: Array<{ line: number; code: string; allowed: number }>; allowed: number; medicarePays: number };
}
const report = (stdout: string): JsonReport => JSON.parse(stdout) as JsonReport;
const errors = (r: JsonReport) => r.findings.filter((f) => f.severity === 'error');

describe('claimlens check (bin on example files)', () => {
  it('flags 2 units of 97530 for 20 minutes (8-minute rule) and exits 1', () => {
    const { status, stdout, stderr } = claimlens(['check', 'examples/units-over-8-minute-rule.json', '--json']);
    expect(stderr).toBe('');
    expect(status).toBe(1);
    const result = report(stdout);
    expect(result.findings).toContainEqual(expect.objectContaining({ rule: 'units.over', severity: 'error', lines: [0] }));
    expect(result.fees.lines).toHaveLength(1);
    expect(result.fees.allowed).toBeGreaterThan(0);
    expect(result.fees.medicarePays).toBeLessThan(result.fees.allowed);
  });

  it('passes the clean therapy claim with exit 0 and prices every line', () => {
    const { status, stdout } = claimlens(['check', 'examples/therapy-clean.json', '--json']);
    const result = report(stdout);
    expect(errors(result)).toEqual([]);
    expect(status).toBe(0);
    expect(result.fees.lines.every((fee) => fee.allowed > 0)).toBe(true);
  });

  it('asks for a modifier on 97150 + 97530 (NCCI PTP, modifier indicator 1)', () => {
    const { status, stdout } = claimlens(['check', 'examples/group-with-97530-no-modifier.json', '--json']);
    expect(status).toBe(1);
    expect(report(stdout).findings).toContainEqual(expect.objectContaining({ rule: 'ptp.modifier-required', lines: expect.arrayContaining([0, 1]) }));
  });

  it('asks for KX once the year-to-date therapy amount passes the threshold', () => {
    const { stdout } = claimlens(['check', 'examples/kx-threshold.json', '--json']);
    expect(report(stdout).findings.map((f) => f.rule)).toContain('modifier.kx-required');
    const { stdout: below } = claimlens(['check', 'examples/kx-threshold.json', '--json', '--ytd', '0']);
    expect(report(below).findings.map((f) => f.rule)).not.toContain('modifier.kx-required');
  });

  it('counts units per code under the AMA method and per day under --method cms', () => {
    const ama = claimlens(['check', 'examples/commercial-ama.json', '--json']);
    expect(ama.status).toBe(0);
    const cms = report(claimlens(['check', 'examples/commercial-ama.json', '--json', '--method', 'cms']).stdout);
    // 20 + 20 timed minutes: CMS allows 3 units in all, 2 were billed.
    expect(cms.findings.map((f) => f.rule)).toContain('units.under');
  });

  it('reads the CSV example with "97530-GP" style codes', () => {
    const { status, stdout } = claimlens(['check', 'examples/therapy-visit.csv', '--json']);
    expect(status).toBe(0);
    expect(report(stdout).fees.lines.map((fee) => fee.code)).toEqual(['97161', '97110', '97530', '97140']);
  });

  it('reads standard input and prints the readable report', () => {
    const csv = 'code,units,minutes,dos\n97530-GP,2,20,2026-11-02\n';
    const { status, stdout } = claimlens(['check', '-'], csv);
    expect(status).toBe(1);
    expect(stdout).toMatch(/97530\s+GP\s+2\s+20\s+2026-11-02\s+\$\d+\.\d\d/);
    expect(stdout).toContain('units.over');
    expect(stdout).toMatch(/Totals: allowed \$\d+\.\d\d · Medicare pays \$\d+\.\d\d/);
  });

  it('exits 2 on a JSON syntax error and names its position, without a stack trace', () => {
    const { status, stdout, stderr } = claimlens(['check', '-', '--format', 'json'], '{"lines": [{"code": "97110" "units": 1}]}');
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      "claimlens: standard input is not valid JSON: line 1, column 29 (position 28): expected ',' or '}', found \"\\\"\"\n",
    );
  });

  it('exits 2 for an unknown file', () => {
    const { status, stderr } = claimlens(['check', 'examples/no-such-claim.json']);
    expect(status).toBe(2);
    expect(stderr).toBe('claimlens: cannot read "examples/no-such-claim.json": no such file\n');
  });
});
