export type { DatasetFile, DatasetFormat, DatasetLocation, DatasetProvenance, DatasetReader, DatasetRow, LocalDatasetFile } from './dataset-reader.js';
export { createDatasetReader } from './create-dataset-reader.js';
export type { DatasetReaderOptions } from './create-dataset-reader.js';
export { defaultCacheDir, hubCachePath, hubResolveUrl, hubSource } from './cache-paths.js';
export { canonicalJson } from './canonical-json.js';
export { stringArrayField, stringField } from './row-fields.js';
