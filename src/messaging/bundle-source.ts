import type { BundleSource } from '../data/store/api';

/**
 * The bundled reference data as the store reads it: files shipped inside the extension
 * (data/bundles/x → <extension>/data/x, see wxt.config.ts). `fetch` of our own
 * chrome-extension:// URL reads the package; it is not a network request.
 */
export async function extensionBundleSource(getURL: (path: string) => string): Promise<BundleSource> {
  const manifestResponse = await fetch(getURL('/data/manifest.json'));
  if (!manifestResponse.ok) throw new Error(`bundled data manifest missing (${manifestResponse.status})`);
  const manifest: unknown = await manifestResponse.json();
  return {
    manifest,
    async readFile(name: string) {
      // Names come from our own manifest; still refuse anything that leaves data/.
      if (name.includes('..') || name.startsWith('/')) throw new Error(`bad bundle file name: ${name}`);
      const response = await fetch(getURL(`/data/${name}`));
      if (!response.ok) throw new Error(`bundled data file missing: ${name} (${response.status})`);
      return new Uint8Array(await response.arrayBuffer());
    },
  };
}
