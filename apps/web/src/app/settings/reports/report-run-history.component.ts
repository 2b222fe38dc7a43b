import {
  ChangeDetectionStrategy,
  Component,
  LOCALE_ID,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  resource,
  signal,
  untracked,
} from '@angular/core';
import {
  type ReportRunDto,
  type ReportScheduleDto,
  type ReportTemplateDto,
} from '@kaireon/api-client';

import { describeHttpError } from '../../core/api-error';
import { FORMAT_PIPES } from '../../shared/format/format-pipes';
import { PanelFrameComponent } from '../../shared/ui/panel-frame.component';
import { derivePanelState } from '../../shared/ui/panel-state';
import { StatusBadgeComponent } from '../../shared/ui/status-badge.component';
import { destinationTypeLabel, readDestinationView } from '../../reports/destination-draft';
import { formatLabel } from '../../reports/report-formats';
import { ReportsApi } from '../../reports/reports-api.service';
import {
  deliveryStatusView,
  formatBytes,
  runStatusView,
  triggerLabel,
} from '../../reports/run-status';

/** Runs per page of the history. */
export const RUN_HISTORY_PAGE_SIZE = 20;

/**
 * The run history of the Reports page, newest first, a page at a time, optionally of one
 * template: status, trigger, scheduled time, files with their sizes, and each destination's
 * delivery result with its attempts and error.
 */
@Component({
  selector: 'app-report-run-history',
  templateUrl: './report-run-history.component.html',
  styleUrl: './report-run-history.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PanelFrameComponent, StatusBadgeComponent, ...FORMAT_PIPES],
})
export class ReportRunHistoryComponent {
  private readonly api = inject(ReportsApi);
  private readonly locale = inject(LOCALE_ID);

  readonly templates = input.required<readonly ReportTemplateDto[]>();
  readonly schedules = input.required<readonly ReportScheduleDto[]>();
  /** Changes when runs may have changed (a Run Now started or moved on); the page reloads. */
  readonly revision = input(0);

  protected readonly templateFilter = signal<string>('');

  /** Cursors of the pages visited, the current page last; a new filter starts over. */
  private readonly cursors = linkedSignal<string, (string | null)[]>({
    source: this.templateFilter,
    computation: () => [null],
  });

  protected readonly pageIndex = computed(() => this.cursors().length - 1);

  private readonly page = resource({
    params: () => ({
      templateId: this.templateFilter(),
      cursor: this.cursors().at(-1) ?? null,
    }),
    loader: ({ params }) =>
      this.api.listRuns({
        limit: RUN_HISTORY_PAGE_SIZE,
        ...(params.cursor ? { cursor: params.cursor } : {}),
        ...(params.templateId ? { templateId: params.templateId } : {}),
      }),
  });

  private readonly pageData = computed(() =>
    this.page.hasValue() ? this.page.value() : undefined,
  );

  protected readonly state = computed(() =>
    derivePanelState({ error: this.page.error(), rows: this.pageData()?.data }),
  );
  protected readonly errorMessage = computed(() => describeHttpError(this.page.error()));
  protected readonly hasNext = computed(() => Boolean(this.pageData()?.page.nextCursor));
  protected readonly total = computed(() => this.pageData()?.page.total ?? 0);

  private readonly templateNames = computed(
    () => new Map(this.templates().map((template) => [template.id, template.name])),
  );

  private readonly destinationNames = computed(() => {
    const names = new Map<string, string>();
    for (const schedule of this.schedules()) {
      for (const item of schedule.destinations) {
        const view = readDestinationView(item);
        names.set(view.id, view.name === view.type ? destinationTypeLabel(view.type) : view.name);
      }
    }

    return names;
  });

  protected readonly rows = computed(() =>
    (this.pageData()?.data ?? []).map((run) => this.toRow(run)),
  );

  protected readonly rangeText = computed(() => {
    const count = this.rows().length;
    if (count === 0) {
      return '';
    }
    const first = this.pageIndex() * RUN_HISTORY_PAGE_SIZE + 1;
    const format = new Intl.NumberFormat(this.locale);

    return `Runs ${format.format(first)}–${format.format(first + count - 1)} of ${format.format(this.total())}`;
  });

  constructor() {
    // Reload in place (keeping the rows on screen) when the page reports that runs changed.
    effect(() => {
      if (this.revision() > 0) {
        untracked(() => this.page.reload());
      }
    });
  }

  protected chooseTemplate(event: Event): void {
    this.templateFilter.set((event.target as HTMLSelectElement).value);
  }

  protected nextPage(): void {
    const next = this.pageData()?.page.nextCursor;
    if (next) {
      this.cursors.update((cursors) => [...cursors, next]);
    }
  }

  protected previousPage(): void {
    this.cursors.update((cursors) => (cursors.length > 1 ? cursors.slice(0, -1) : cursors));
  }

  protected reload(): void {
    this.page.reload();
  }

  private toRow(run: ReportRunDto) {
    return {
      run,
      status: runStatusView(run.status),
      trigger: triggerLabel(run.trigger),
      templateName: this.templateNames().get(run.templateId) ?? 'Deleted template',
      artifacts: run.artifacts.map((artifact) => ({
        key: `${artifact.format}-${artifact.sha256}`,
        text: `${formatLabel(artifact.format)}, ${formatBytes(artifact.bytes, this.locale)}`,
        sha256: artifact.sha256,
      })),
      deliveries: run.deliveries.map((delivery) => ({
        delivery,
        name:
          this.destinationNames().get(delivery.destinationId) ??
          destinationTypeLabel(delivery.type),
        status: deliveryStatusView(delivery.status),
      })),
    };
  }
}
