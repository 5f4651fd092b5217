import { describe, expect, test } from 'vitest';
import { checkClaim } from '../../../src/rules/check-claim';
import { claim, withRule } from './claim-helpers';
import { fakeReference } from './fake-reference';

const ref = fakeReference();
const run = (c: ReturnType<typeof claim>) => checkClaim(c, ref).findings;

describe('coverage: PFS status codes Medicare does not pay', () => {
  test('status I is an error and names the Medicare code', () => {
    const [f] = withRule(run(claim([{ code: '97014', modifiers: ['GP'] }])), 'coverage.not-payable');
    expect(f!.severity).toBe('error');
    expect(f!.message).toContain('status I');
    expect(f!.message).toContain('G0283');
    expect(f!.source).toContain('RVU25D');
  });

  test('status N is an error, B a warning, C information', () => {
    expect(withRule(run(claim([{ code: '97037' }])), 'coverage.not-payable')[0]!.severity).toBe('error');
    expect(withRule(run(claim([{ code: '97010', modifiers: ['GP'] }])), 'coverage.not-payable')[0]!.message).toContain('bundled');
    expect(withRule(run(claim([{ code: '97010', modifiers: ['GP'] }])), 'coverage.not-payable')[0]!.severity).toBe('warning');
    expect(withRule(run(claim([{ code: '97039', modifiers: ['GP'] }])), 'coverage.not-payable')[0]!.severity).toBe('info');
  });

  test('status R without RVUs: the MAC prices it', () => {
    const [f] = withRule(run(claim([{ code: '97545', modifiers: ['GP'] }])), 'coverage.not-payable');
    expect(f!.message).toContain('restricted coverage');
    expect(f!.message).toContain('MAC');
  });

  test('status A codes and non-Medicare payers get no coverage finding', () => {
    expect(withRule(run(claim([{ code: '97530', modifiers: ['GP'] }])), 'coverage.not-payable')).toEqual([]);
    expect(withRule(run(claim([{ code: '97014', modifiers: ['GP'] }], { payer: 'commercial' })), 'coverage.not-payable')).toEqual([]);
  });
});

describe('code and modifier validity', () => {
  test('text that is not a code', () => {
    const [f] = withRule(run(claim([{ code: 'therapy' }])), 'code.invalid-format');
    expect(f!.message).toContain('"therapy" is not a CPT or HCPCS code');
    expect(f!.lines).toEqual([0]);
  });

  test('a well-formed code found in no dataset', () => {
    const [f] = withRule(run(claim([{ code: '97999' }])), 'code.unknown');
    expect(f!.severity).toBe('warning');
    expect(f!.message).toContain('97999');
  });

  test('a malformed modifier', () => {
    const [f] = withRule(run(claim([{ code: '97530', modifiers: ['GP', 'G'] }])), 'modifier.invalid');
    expect(f!.message).toContain('"G"');
  });

  test('modifiers typed together or in lower case are read, not rejected', () => {
    const r = checkClaim(claim([{ code: '97150', modifiers: ['gp'] }, { code: '97530', modifiers: ['GP59'] }]), ref);
    expect(withRule(r.findings, 'modifier.invalid')).toEqual([]);
    expect(withRule(r.findings, 'modifier.therapy-missing')).toEqual([]);
    expect(withRule(run(claim([{ code: '97530', modifiers: ['GP, XU'] }])), 'modifier.invalid')).toEqual([]);
    expect(withRule(run(claim([{ code: '97530', modifiers: ['GP', 'G!'] }])), 'modifier.invalid')).toHaveLength(1);
  });

  test('a known code is not unknown', () => {
    expect(withRule(run(claim([{ code: '97530', modifiers: ['GP'] }])), 'code.unknown')).toEqual([]);
  });
});
