/** Streaming JSON for STIX bundles: reading objects one by one, writing bundles page by page. */
export { readBundleObjects, type ReadBundleOptions } from './bundle-reader.ts';
export { BundleReadError, isBundleReadError, type BundleReadErrorCode, type InputPosition } from './bundle-read-error.ts';
export type { BundleHandlers } from './bundle-scanner.ts';
export { writeBundleStream, type WriteBundleResult } from './bundle-writer.ts';
