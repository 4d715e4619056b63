export {
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  type PreviewOptions,
  previewExternalCsv,
} from './external-csv-preview.ts';
export { type ExternalRowFacts, externalRowKey } from './external-row-key.ts';
export { type DayOrder, dayOrderOf, parseImportDate } from './import-dates.ts';
export { parseImportAmount } from './import-amounts.ts';
export { type HeaderMatch, type ImportField, matchHeaders } from './import-headers.ts';
