import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (data/build/ is two levels down). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The read-only CMS files; only the data build reads them. Override with CLAIMLENS_CMS_DIR. */
export const CMS_DIR = process.env.CLAIMLENS_CMS_DIR ?? resolve(REPO_ROOT, '..', 'shared', 'cms');

export const BUNDLES_DIR = join(REPO_ROOT, 'data', 'bundles');
export const CURATED_DIR = join(REPO_ROOT, 'data', 'curated');

export function cmsPath(relative: string): string {
  return join(CMS_DIR, relative);
}
