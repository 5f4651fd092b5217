import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { RULE_CATALOG } from '../../../src/rules/rule-catalog';

test('every rule id the engine source emits is in the catalogue', () => {
  const emitted = new Set<string>();
  for (const file of readdirSync('src/rules').filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(`src/rules/${file}`, 'utf8');
    for (const m of text.matchAll(/rule: '([a-z]+\.[a-z0-9-]+)'/g)) emitted.add(m[1]!);
    for (const m of text.matchAll(/'(units\.(?:over|under))'/g)) emitted.add(m[1]!);
  }
  const catalogued = new Set(RULE_CATALOG.map((r) => r.rule));
  expect([...emitted].filter((r) => !catalogued.has(r as never))).toEqual([]);
  expect(emitted.size).toBeGreaterThanOrEqual(15);
});
