/** File formats of exports and report templates, in menu order. */
export const REPORT_FORMATS = ['pdf', 'png', 'csv', 'html', 'markdown'] as const;

export type ReportFormat = (typeof REPORT_FORMATS)[number];

const FORMAT_LABELS: Record<ReportFormat, string> = {
  pdf: 'PDF',
  png: 'PNG',
  csv: 'CSV',
  html: 'HTML',
  markdown: 'Markdown',
};

const FORMAT_EXTENSIONS: Record<ReportFormat, string> = {
  pdf: 'pdf',
  png: 'png',
  csv: 'csv',
  html: 'html',
  markdown: 'md',
};

/** Returns the name users see for a format: "PDF", "Markdown". */
export function formatLabel(format: ReportFormat): string {
  return FORMAT_LABELS[format];
}

/** Returns the file extension of a format, without the dot. */
export function formatExtension(format: ReportFormat): string {
  return FORMAT_EXTENSIONS[format];
}

/** Returns the formats in menu order, so a template's list reads the same everywhere. */
export function sortFormats(formats: readonly ReportFormat[]): ReportFormat[] {
  return REPORT_FORMATS.filter((format) => formats.includes(format));
}
