/** The formats `platform export --format` writes (apart from the exporter: the CLI's parser loads this, not the synthesizer). */
export const EXPORT_FORMATS = ["tfplan"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
