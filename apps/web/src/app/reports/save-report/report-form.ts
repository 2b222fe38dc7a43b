import { type ReportScheduleCreateDto, type ReportTemplateCreateDto } from '@kaireon/api-client';

import { type ReportFormat, sortFormats } from '../report-formats';
import { buildReportFilters, type DashboardView } from '../report-filters';
import {
  type FormErrors,
  type ScheduleFormValue,
  buildScheduleFields,
  validateScheduleForm,
} from '../schedule/schedule-form';
import { matchTimeZone } from '../time-zones';

/** Maximum length of a report name, as the API checks it. */
export const MAX_REPORT_NAME_LENGTH = 200;

/** Values of the Save as Report dialog. */
export interface ReportFormValue extends ScheduleFormValue {
  readonly name: string;
  readonly formats: readonly ReportFormat[];
}

/** Form keys the dialog has inputs for, besides the destinations' own fields. */
export const REPORT_FORM_KEYS = ['name', 'formats', 'cron', 'timeZone', 'destinations'] as const;

/** Checks the whole dialog; an empty result means it can be sent. */
export function validateReportForm(value: ReportFormValue, zones: readonly string[]): FormErrors {
  const errors: Record<string, string> = { ...validateScheduleForm(value, zones) };
  const name = value.name.trim();
  if (name === '') {
    errors['name'] = 'Enter a name for the report.';
  } else if (name.length > MAX_REPORT_NAME_LENGTH) {
    errors['name'] =
      `Use at most ${MAX_REPORT_NAME_LENGTH} characters (this name has ${name.length}).`;
  }
  if (value.formats.length === 0) {
    errors['formats'] = 'Choose at least one format.';
  }

  return errors;
}

/**
 * Returns the template body: the dashboard with the page's filters (a `days` period stays
 * relative, so each run covers the days before it), the formats and the time zone the files
 * show times in.
 */
export function buildTemplateBody(
  value: ReportFormValue,
  view: DashboardView,
  zones: readonly string[],
): ReportTemplateCreateDto {
  return {
    name: value.name.trim(),
    dashboard: view.dashboard,
    filters: buildReportFilters(view),
    formats: sortFormats(value.formats),
    timeZone: matchTimeZone(value.timeZone, zones) ?? value.timeZone.trim(),
  };
}

/** Returns the schedule body for the template `templateId`, enabled from the start. */
export function buildScheduleBody(
  value: ReportFormValue,
  templateId: string,
  zones: readonly string[],
): ReportScheduleCreateDto {
  return { templateId, enabled: true, ...buildScheduleFields(value, zones) };
}
