import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync as zlibGunzip } from 'node:zlib';
import { gunzipSync as fflateGunzip } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BUNDLES_DIR, manifest } from './helpers';

const gzipped = manifest.datasets.filter((d) => d.file.endsWith('.gz'));

describe('gzip bundles', () => {
  it('exist for the large datasets', () => {
    expect(gzipped.map((d) => d.id)).toEqual(expect.arrayContaining(['rvu-2025', 'ptp-2024q3', 'hcpcs-2025oct']));
  });

  for (const d of gzipped) {
    it(`${d.file}: one gzip member with mtime 0 (reproducible), same text through fflate and zlib`, () => {
      const bytes = readFileSync(join(BUNDLES_DIR, d.file));
      expect([bytes[0], bytes[1], bytes[2]]).toEqual([0x1f, 0x8b, 8]);
      expect(bytes.readUInt32LE(4)).toBe(0);
      const viaZlib = zlibGunzip(bytes);
      expect(Buffer.from(fflateGunzip(bytes)).equals(viaZlib)).toBe(true);
      expect(bytes.readUInt32LE(bytes.length - 4)).toBe(viaZlib.length % 2 ** 32);
    });
  }
});
