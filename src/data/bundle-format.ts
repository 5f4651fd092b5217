/**
 * Bundle formats in one import: manifest schema and the pure parsers from bundle text to
 * records. Browser-safe (no Node imports); node-bundles.ts adds file reading for Node.
 */
export * from './bundle-text';
export * from './bundle-manifest';
export * from './bundle-rvu';
export * from './bundle-conversion-factor';
export * from './bundle-gpci';
export * from './bundle-ptp';
export * from './bundle-mue';
export * from './bundle-hcpcs';
export * from './bundle-curated';
