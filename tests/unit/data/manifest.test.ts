import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../../src/data/bundle-manifest';
import { BUNDLES_DIR, manifest } from './helpers';

describe('data/bundles/manifest.json', () => {
  it('lists every dataset the product needs', () => {
    expect(manifest.datasets.map((d) => d.id)).toEqual(
      expect.arrayContaining([
        'rvu-2025', 'rvu-2026', 'conversion-factors', 'gpci-2025', 'zip-locality-2025q4', 'ptp-2024q3',
        'mue-2024q3', 'mue-2026q2', 'hcpcs-2025oct',
      ]),
    );
  });

  it('gives each file the sha256 and size it has on disk', () => {
    for (const d of manifest.datasets) {
      const bytes = readFileSync(join(BUNDLES_DIR, d.file));
      expect(createHash('sha256').update(bytes).digest('hex'), d.file).toBe(d.sha256);
      expect(bytes.byteLength, d.file).toBe(d.bytes);
    }
  });

  it('has no bundle files it does not list', () => {
    const listed = new Set(['manifest.json', ...manifest.datasets.map((d) => d.file)]);
    expect(readdirSync(BUNDLES_DIR).filter((name) => !listed.has(name))).toEqual([]);
  });

  it('keeps all bundles within 15 MB, gzip ones readable by zlib', () => {
    const total = manifest.datasets.reduce((sum, d) => sum + d.bytes, 0);
    expect(total).toBeLessThanOrEqual(15 * 1024 * 1024);
    for (const d of manifest.datasets.filter((x) => x.file.endsWith('.gz'))) {
      expect(() => gunzipSync(readFileSync(join(BUNDLES_DIR, d.file))), d.file).not.toThrow();
    }
  });

  it('states the effective dates and versions billers see', () => {
    const byId = new Map(manifest.datasets.map((d) => [d.id, d]));
    expect(byId.get('ptp-2024q3')).toMatchObject({ effective: '2024-07-01', version: 'NCCI practitioner PTP v30.2 (2024 Q3)', rows: 2546017 });
    expect(byId.get('ptp-2024q3')?.lacks.join(' ')).toMatch(/inferred/);
    expect(byId.get('mue-2024q3')).toMatchObject({ effective: '2024-07-01', rows: 14677 });
    expect(byId.get('mue-2026q2')).toMatchObject({ effective: '2026-04-01', rows: 15095 });
    expect(byId.get('rvu-2025')).toMatchObject({ effective: '2025-01-01', rows: 19090 });
    expect(byId.get('rvu-2026')).toMatchObject({ effective: '2026-01-01', rows: 80 });
    expect(byId.get('rvu-2026')?.version).toMatch(/July/);
    expect(byId.get('gpci-2025')).toMatchObject({ rows: 109 });
    expect(byId.get('zip-locality-2025q4')).toMatchObject({ rows: 42956 });
  });

  it('rejects a manifest with a broken entry, naming the field', () => {
    const broken = JSON.parse(readFileSync(join(BUNDLES_DIR, 'manifest.json'), 'utf8'));
    broken.datasets[0].sha256 = 'not-a-hash';
    expect(() => parseManifest(JSON.stringify(broken))).toThrow(/datasets\.0\.sha256/);
    expect(() => parseManifest('{"format": "other"')).toThrow(/not JSON/);
    const twice = JSON.parse(readFileSync(join(BUNDLES_DIR, 'manifest.json'), 'utf8'));
    twice.datasets.push(twice.datasets[0]);
    expect(() => parseManifest(JSON.stringify(twice))).toThrow(/appears twice/);
  });
});
