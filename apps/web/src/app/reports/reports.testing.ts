import {
  type ReportRunDto,
  type ReportScheduleDto,
  type ReportTemplateDto,
} from '@kaireon/api-client';

export const TEMPLATE_ID = '6a1f0c2e-7b3d-4e5f-8a9b-0c1d2e3f4a5b';
export const SCHEDULE_ID = '7b2e1d3f-8c4e-4f60-9bac-1d2e3f4a5b6c';
export const RUN_ID = '8c3f2e40-9d5f-4071-acbd-2e3f4a5b6c7d';
export const DESTINATION_ID = '9d403f51-ae60-4182-bdce-3f4a5b6c7d8e';
export const SEGMENT_ID = '2b7e1c4a-5d6f-4a8b-9c0d-1e2f3a4b5c6d';

/** Builds a template as the API returns it, with fields overridden as needed. */
export function buildTemplate(overrides: Partial<ReportTemplateDto> = {}): ReportTemplateDto {
  return {
    id: TEMPLATE_ID,
    name: 'Weekly business review',
    dashboard: 'business',
    filters: { days: 7, segmentId: SEGMENT_ID },
    formats: ['pdf', 'csv'],
    timeZone: 'Europe/Berlin',
    createdBy: 'portal',
    createdAt: '2026-12-01T09:00:00Z',
    updatedAt: '2026-12-01T09:00:00Z',
    ...overrides,
  };
}

/** Builds a schedule as the API returns it, with one local-folder destination. */
export function buildSchedule(overrides: Partial<ReportScheduleDto> = {}): ReportScheduleDto {
  return {
    id: SCHEDULE_ID,
    templateId: TEMPLATE_ID,
    cron: '0 8 * * 1-5',
    timeZone: 'Europe/Berlin',
    enabled: true,
    destinations: [
      {
        id: DESTINATION_ID,
        type: 'directory',
        name: 'Team folder',
        path: 'weekly-business',
        secretSet: false,
      },
    ],
    nextRunAt: '2026-12-07T07:00:00Z',
    createdAt: '2026-12-01T09:00:00Z',
    updatedAt: '2026-12-01T09:00:00Z',
    ...overrides,
  };
}

/** Builds a run as the API returns it, queued by Run Now unless overridden. */
export function buildRun(overrides: Partial<ReportRunDto> = {}): ReportRunDto {
  return {
    id: RUN_ID,
    templateId: TEMPLATE_ID,
    scheduleId: null,
    trigger: 'run_now',
    scheduledFor: null,
    status: 'queued',
    startedAt: null,
    finishedAt: null,
    error: null,
    artifacts: [],
    deliveries: [
      {
        destinationId: DESTINATION_ID,
        type: 'directory',
        status: 'pending',
        attempts: 0,
        error: null,
      },
    ],
    createdAt: '2026-12-04T10:00:00Z',
    ...overrides,
  };
}

/** Wraps items in the API's list shape. */
export function buildList<T>(data: T[], nextCursor: string | null = null): object {
  return { data, page: { limit: 200, nextCursor, total: data.length } };
}

/**
 * Gives jsdom's Blob the standard `text()` (browsers have it; jsdom 26 does not), reading through
 * FileReader. Call it in `beforeAll` of specs whose code reads Blob bodies.
 */
export function installBlobText(): void {
  if (typeof Blob.prototype.text === 'function') {
    return;
  }
  Object.defineProperty(Blob.prototype, 'text', {
    configurable: true,
    value(this: Blob): Promise<string> {
      return new Promise((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as string);
        reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
        reader.readAsText(this);
      });
    },
  });
}

/**
 * Returns the control whose `<label for>` reads exactly `text` (the `index`-th if several), the
 * way a browser test finds it by its label.
 */
export function findControl<T extends HTMLElement>(host: HTMLElement, text: string, index = 0): T {
  const labels = Array.from(host.querySelectorAll<HTMLLabelElement>('label[for]')).filter(
    (label) => label.textContent?.trim() === text,
  );
  const control = labels[index] ? host.ownerDocument.getElementById(labels[index].htmlFor) : null;
  if (!control) {
    throw new Error(`No control labelled "${text}"`);
  }

  return control as T;
}

/** Returns the button whose text is exactly `text`. */
export function findButton(host: HTMLElement, text: string): HTMLButtonElement {
  const button = Array.from(host.querySelectorAll<HTMLButtonElement>('button')).find(
    (candidate) => candidate.textContent?.trim() === text,
  );
  if (!button) {
    throw new Error(`No button "${text}"`);
  }

  return button;
}

/** Types `value` into an input as a user would. */
export function typeInto(element: HTMLInputElement, value: string): void {
  element.value = value;
  element.dispatchEvent(new Event('input'));
}

/** Picks `value` in a select as a user would. */
export function selectOption(element: HTMLSelectElement, value: string): void {
  element.value = value;
  element.dispatchEvent(new Event('change'));
}
