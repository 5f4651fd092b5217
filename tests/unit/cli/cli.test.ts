import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliDeps } from '../../../src/cli/cli';
import type { Finding } from '../../../src/rules/finding';
import { claimTip, fakeCheck, unitsOver } from './fake-result';

const dir = mkdtempSync(join(tmpdir(), 'claimlens-cli-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const claimJson = file(
  'claim.json',
  JSON.stringify({ lines: [{ code: '97530-GP', units: 2, minutes: 20, dos: '2026-11-02' }, { code: '97110', modifiers: ['GP'], units: 1, minutes: 15, dos: '2026-11-02' }] }),
);

async function run(argv: string[], findings: Finding[] = [], stdin = '') {
  let stdout = '';
  let stderr = '';
  let loaded = false;
  const deps: CliDeps = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readStdin: async () => stdin,
    loadChecker: async () => {
      loaded = true;
      return fakeCheck(findings);
    },
    color: false,
    version: '9.9.9',
  };
  const status = await runCli(argv, deps);
  return { status, stdout, stderr, loaded };
}

describe('runCli', () => {
  it('prints {findings, fees} with --json and exits 1 when there is an error finding', async () => {
    const { status, stdout, stderr } = await run(['check', claimJson, '--json'], [unitsOver, claimTip]);
    expect(status).toBe(1);
    expect(stderr).toBe('');
    const parsed = JSON.parse(stdout) as { findings: Finding[]; fees: { lines: Array<{ allowed: number; code: string }>; allowed: number; medicarePays: number } };
    expect(Object.keys(parsed).sort()).toEqual(['fees', 'findings']);
    expect(parsed.findings.map((f) => f.rule)).toEqual(['units.over', 'tip.plan-of-care']);
    expect(parsed.fees.lines.map((l) => [l.code, l.allowed])).toEqual([
      ['97530', 60],
      ['97110', 30],
    ]);
    expect(parsed.fees.allowed).toBe(90);
    expect(typeof parsed.fees.medicarePays).toBe('number');
  });

  it('exits 0 when findings are only warnings or info', async () => {
    expect((await run(['check', claimJson], [claimTip])).status).toBe(0);
  });

  it('reads a CSV from standard input with the context from options', async () => {
    const csv = 'code,units,minutes,dos\n97530-GP,1,15,2026-11-02\n';
    const { status, stdout } = await run(['check', '-', '--payer', 'commercial'], [], csv);
    expect(status).toBe(0);
    expect(stdout).toContain('ClaimLens · standard input');
    expect(stdout).toContain('Commercial payer · AMA per-code midpoint rule');
    expect(stdout).toMatch(/97530\s+GP/);
  });

  it('exits 2 on bad input, names line and field, and never loads the data', async () => {
    const bad = file('bad.json', JSON.stringify({ lines: [{ code: '97110', units: 'two', dos: '2026-11-02' }] }));
    const { status, stderr, loaded } = await run(['check', bad]);
    expect(status).toBe(2);
    expect(loaded).toBe(false);
    expect(stderr).toContain('line 1, field "units": expected a whole number, got "two"');
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('exits 2 for a missing file, invalid JSON, empty standard input and bad options', async () => {
    const missing = await run(['check', join(dir, 'nope.json')]);
    expect([missing.status, missing.stderr]).toEqual([2, `claimlens: cannot read "${join(dir, 'nope.json')}": no such file\n`]);
    const syntax = await run(['check', file('syntax.json', '{"lines": [}')]);
    expect(syntax.status).toBe(2);
    expect(syntax.stderr).toContain('is not valid JSON: line 1, column 12 (position 11)');
    expect((await run(['check', '-'], [], '')).stderr).toContain('standard input is empty');
    expect((await run(['check', claimJson, '--method', 'x'])).status).toBe(2);
  });

  it('exits 3 with a message, not a stack, when the checker itself fails', async () => {
    let stderr = '';
    const status = await runCli(['check', claimJson], {
      stdout: () => undefined,
      stderr: (t) => (stderr += t),
      readStdin: async () => '',
      loadChecker: async () => {
        throw new Error('data/bundles/manifest.json not found');
      },
      color: false,
      version: '0',
    });
    expect(status).toBe(3);
    expect(stderr).toBe('claimlens: could not check the claim: data/bundles/manifest.json not found\n');
  });

  it('prints help with the exit statuses, and the version', async () => {
    const help = await run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Exit status:\n\s+0 .*\n\s+1 .*error finding\n\s+2 .*bad input/);
    expect((await run(['-V'])).stdout).toBe('claimlens 9.9.9\n');
  });
});
