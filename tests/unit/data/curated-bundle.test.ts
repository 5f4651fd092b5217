import { describe, expect, test } from 'vitest';
import { parseCuratedCodesBundle, parseTipsBundle } from '../../../src/data/bundle-curated';

// The bundles (and the data build, which validates with these parsers) hold the engine's curated
// files to the engine's own rules (src/rules/curated-schema.ts): every entry names a source, a
// timed code says its unit length, codes look like codes.
describe('curated bundles are held to the engine schema', () => {
  test('a timed code without its unit length is refused', () => {
    const text = JSON.stringify({ entries: [{ code: '97110', kind: 'timed', alwaysTherapy: true, source: 'CMS Pub. 100-04 ch. 5 §20.2' }] });
    expect(() => parseCuratedCodesBundle(text)).toThrow(/unitMinutes/);
  });

  test('a tip without a real source or with a malformed code is refused', () => {
    const tip = { id: 'x-tip', codes: ['97110'], severity: 'info', message: 'A message long enough to be a tip.', source: 'x' };
    expect(() => parseTipsBundle(JSON.stringify({ tips: [tip] }))).toThrow(/source/);
    expect(() => parseTipsBundle(JSON.stringify({ tips: [{ ...tip, source: 'CMS Pub. 100-02', codes: ['9711'] }] }))).toThrow();
  });
});
