import type { BundleSource } from '../data/store/api';
import { manifestSchema, type ManifestEntry } from '../data/bundle-manifest';
import { parseGpciBundle, parseZipBundle, type ZipLocality } from '../data/bundle-gpci';
import type { LocalityDirectory } from './handlers';
import type { LocalityInfo } from './responses';

/** Bytes of a bundle file as text; .gz files are gunzipped with the platform's DecompressionStream. */
export async function bundleText(bytes: Uint8Array, fileName: string): Promise<string> {
  if (!fileName.endsWith('.gz')) return new TextDecoder().decode(bytes);
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}

/**
 * Localities and the ZIP crosswalk for the options page, read straight from the bundled
 * GPCI and ZIP files (small, and only the options page asks), cached for the worker's life.
 */
export function bundleLocalityDirectory(source: () => Promise<BundleSource>): LocalityDirectory {
  let localities: Promise<LocalityInfo[]> | undefined;
  let zips: Promise<Map<string, ZipLocality>> | undefined;

  async function entry(kind: ManifestEntry['kind']): Promise<{ entry: ManifestEntry; text: string }> {
    const bundles = await source();
    const manifest = manifestSchema.parse(bundles.manifest);
    const newest = manifest.datasets.filter((d) => d.kind === kind).sort((a, b) => b.effective.localeCompare(a.effective))[0];
    if (!newest) throw new Error(`no ${kind} data is bundled`);
    return { entry: newest, text: await bundleText(await bundles.readFile(newest.file), newest.file) };
  }

  const loadLocalities = async (): Promise<LocalityInfo[]> => {
    const { entry: gpci, text } = await entry('gpci');
    return parseGpciBundle(text, { id: gpci.id, version: gpci.version, effective: gpci.effective })
      .map((r) => ({ locality: r.locality, state: r.state, name: r.name }))
      .sort((a, b) => a.state.localeCompare(b.state) || a.name.localeCompare(b.name));
  };
  const loadZips = async () => {
    const { entry: zip, text } = await entry('zip-locality');
    return parseZipBundle(text, zip.id);
  };

  return {
    list() {
      localities ??= loadLocalities().catch((error: unknown) => {
        localities = undefined;
        throw error;
      });
      return localities;
    },
    async byZip(zip) {
      zips ??= loadZips().catch((error: unknown) => {
        zips = undefined;
        throw error;
      });
      const hit = (await zips).get(zip);
      if (!hit) return undefined;
      const named = (await this.list()).find((l) => l.locality === hit.locality);
      return named ?? { locality: hit.locality, state: hit.state, name: `locality ${hit.locality}` };
    },
  };
}
