// Public surface of the reporting module for other modules and tests.
export { ReportingModule } from './reporting.module.js';
export { ReportingSettings } from './reporting-settings.js';
export { ReportExportService, type ReportRequest } from './export/report-export.service.js';
export { REPORT_FORMATS, type ReportFormat } from './render/report-document.js';
export type { RenderedReport } from './render/report-renderer.js';
export { REPORT_DELIVERY_TOPIC } from './runs/report-run-executor.js';
export { REPORT_SCHEDULE_KIND } from './schedules/report-schedule-source.js';
