import { describe, expect, test } from 'vitest';
import { checkClaim } from '../../../src/rules/check-claim';
import { claim, withRule } from './claim-helpers';
import { fakeReference } from './fake-reference';

const ref = fakeReference();
const run = (diagnoses: string[]) => checkClaim(claim([{ code: '97530', modifiers: ['GP'], diagnoses }]), ref).findings;

describe('diagnosis codes', () => {
  test.each(['M54.50', 'Z56.0', 'Z56.81', 'S83.511A', 'M5450', 'r26.89', 'U07.1'])('%s is accepted', (dx) => {
    expect(run([dx]).filter((f) => f.rule.startsWith('diagnosis.'))).toEqual([]);
  });

  test.each(['Z56', 'Z56.8', 'z568'])('%s is a header, not billable', (dx) => {
    const [f] = withRule(run([dx]), 'diagnosis.not-billable');
    expect(f!.severity).toBe('error');
    expect(f!.message).toContain('Z56.8');
  });

  test.each(['12345', 'M54.5000X', 'back pain', '7M54'])('%s is not an ICD-10-CM code', (dx) => {
    expect(withRule(run([dx]), 'diagnosis.invalid-format')).toHaveLength(1);
  });

  test('a diagnosis repeated on every line gives one finding naming the lines', () => {
    const c = claim([
      { code: '97530', modifiers: ['GP'], diagnoses: ['back pain'] },
      { code: '97110', modifiers: ['GP'], diagnoses: ['back pain'] },
    ]);
    const found = withRule(checkClaim(c, ref).findings, 'diagnosis.invalid-format');
    expect(found.map((f) => f.lines)).toEqual([[0, 1]]);
  });
});
