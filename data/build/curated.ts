import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCuratedCodesBundle, parseTipsBundle } from '../../src/data/bundle-curated';
import { CURATED_DIR } from './paths';
import type { BuiltDataset } from './dataset';

/**
 * The engine engineer's curated files, copied byte for byte (after validation) so the
 * bundle directory is self-contained. Missing files are skipped with a warning.
 */
export function buildCurated(): BuiltDataset[] {
  const built: BuiltDataset[] = [];
  const codesPath = join(CURATED_DIR, 'codes.json');
  if (existsSync(codesPath)) {
    const content = readFileSync(codesPath, 'utf8');
    const codes = parseCuratedCodesBundle(content, 'data/curated/codes.json');
    built.push({
      content,
      entry: {
        id: 'curated-codes',
        kind: 'curated-codes',
        version: 'ClaimLens curated code facts',
        effective: '2025-01-01',
        source: { file: 'data/curated/codes.json', provenance: 'written by the ClaimLens engine engineer; every entry names its source' },
        file: 'curated-codes.json',
        rows: codes.length,
        lacks: ['codes not listed (only therapy codes are curated)'],
      },
    });
  } else {
    console.warn(`warning: ${codesPath} not found; curated codes left out of the bundles`);
  }
  const tipsPath = join(CURATED_DIR, 'tips.json');
  if (existsSync(tipsPath)) {
    const content = readFileSync(tipsPath, 'utf8');
    const tips = parseTipsBundle(content, 'data/curated/tips.json');
    built.push({
      content,
      entry: {
        id: 'curated-tips',
        kind: 'curated-tips',
        version: 'ClaimLens billing tips',
        effective: '2025-01-01',
        source: { file: 'data/curated/tips.json', provenance: 'written by the ClaimLens engine engineer; every tip names its source' },
        file: 'curated-tips.json',
        rows: tips.length,
        lacks: [],
      },
    });
  } else {
    console.warn(`warning: ${tipsPath} not found; tips left out of the bundles`);
  }
  return built;
}
