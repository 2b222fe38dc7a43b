import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  resource,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';

import { describeHttpError } from '../core/api-error';
import { FORMAT_PIPES } from '../shared/format/format-pipes';
import { VIEWER_TIME_ZONE } from '../shared/format/format';
import { PanelFrameComponent } from '../shared/ui/panel-frame.component';
import { derivePanelState } from '../shared/ui/panel-state';
import { StatusBadgeComponent } from '../shared/ui/status-badge.component';
import { PIPELINE_STAGES, STAGE_LABELS } from './pipeline-stages';
import { TraceApi } from './trace-api.service';
import { NO_TRACES_HELP } from './trace-help';
import {
  type TraceFilterFormValue,
  filtersToFormValue,
  formValueToFilters,
} from './trace-filter-form';
import {
  NO_TRACE_FILTERS,
  TRACE_LIMIT_OPTIONS,
  type TraceFilters,
  hasTraceFilters,
  parseTraceFilters,
  sameTraceSelection,
  traceFiltersToLinkParams,
  traceFiltersToQueryParams,
} from './trace-filters';
import { buildTraceRow } from './trace-view';

function sameFilters(left: TraceFilters, right: TraceFilters): boolean {
  return sameTraceSelection(left, right) && left.cursor === right.cursor;
}

function emptyFormGroup() {
  const text = () => new FormControl('', { nonNullable: true });

  return new FormGroup({
    customerId: text(),
    requestId: text(),
    offerKey: text(),
    stage: text(),
    ruleId: text(),
    from: text(),
    to: text(),
    limit: new FormControl(String(NO_TRACE_FILTERS.limit), { nonNullable: true }),
  });
}

/**
 * The decision trace explorer (`/traces`): traces newest first, filtered by customer, request,
 * offer, the stage and rule that removed a candidate, and a time range. The list is paged by
 * cursor and downloads as CSV. The filters live in the URL, so a link (such as one from a
 * filter-rate bar of the Decision Pipeline) reproduces the list.
 */
@Component({
  selector: 'app-trace-list-page',
  templateUrl: './trace-list-page.component.html',
  styleUrls: ['./traces.css', './trace-list-page.component.css'],
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    PanelFrameComponent,
    StatusBadgeComponent,
    ...FORMAT_PIPES,
  ],
})
export class TraceListPageComponent {
  private readonly router = inject(Router);
  private readonly api = inject(TraceApi);
  private readonly document = inject(DOCUMENT);

  protected readonly timeZone = inject(VIEWER_TIME_ZONE);
  protected readonly stages = PIPELINE_STAGES;
  protected readonly stageLabels = STAGE_LABELS;
  protected readonly limitOptions = TRACE_LIMIT_OPTIONS;

  private readonly queryParamMap = toSignal(inject(ActivatedRoute).queryParamMap, {
    requireSync: true,
  });

  private readonly parsed = computed(() =>
    parseTraceFilters((name) => this.queryParamMap().get(name)),
  );

  /** Filters in effect, from the URL. */
  protected readonly filters = computed(() => this.parsed().filters, { equal: sameFilters });

  /** Reasons for ignoring URL values, one sentence each. */
  protected readonly urlProblems = computed(() => this.parsed().problems);

  protected readonly form = emptyFormGroup();
  protected readonly formProblems = signal<readonly string[]>([]);

  private readonly page = resource({
    params: () => this.filters(),
    loader: ({ params }) => this.api.loadPage(params),
  });

  private readonly response = computed(() =>
    this.page.hasValue() ? this.page.value() : undefined,
  );

  protected readonly rows = computed(() => this.response()?.data.map(buildTraceRow));
  protected readonly state = computed(() =>
    derivePanelState({ error: this.page.error(), rows: this.rows() }),
  );
  protected readonly errorMessage = computed(() => describeHttpError(this.page.error()));
  protected readonly total = computed(() => this.response()?.page.total ?? null);
  protected readonly nextCursor = computed(() => this.response()?.page.nextCursor ?? null);
  protected readonly filtered = computed(() => hasTraceFilters(this.filters()));

  /** Cursors of the pages before this one, so Previous can go back; lost on reload. */
  protected readonly previousCursors = signal<readonly (string | null)[]>([]);

  /** Query parameters the detail links carry, so its Back link returns to this page. */
  protected readonly detailLinkParams = computed(() => traceFiltersToLinkParams(this.filters()));

  protected readonly emptyMessage = computed(() =>
    this.filtered()
      ? 'No decision traces match these filters.'
      : 'No decision traces have been recorded yet.',
  );
  protected readonly emptyHelp = computed(() =>
    this.filtered() ? 'Widen the time range or clear some filters.' : NO_TRACES_HELP,
  );

  protected readonly downloading = signal(false);
  protected readonly downloadError = signal<string | null>(null);

  constructor() {
    let lastSelection = untracked(this.filters);
    effect(() => {
      const filters = this.filters();
      untracked(() => {
        this.form.setValue(filtersToFormValue(filters, this.timeZone));
        if (!sameTraceSelection(filters, lastSelection) || filters.cursor === null) {
          this.previousCursors.set([]);
        }
        lastSelection = filters;
      });
    });
  }

  /** Applies the form's filters from the first page. */
  protected apply(): void {
    const result = formValueToFilters(
      this.form.getRawValue() satisfies TraceFilterFormValue,
      this.timeZone,
      this.filters(),
    );
    if (!result.ok) {
      this.formProblems.set(result.problems);

      return;
    }
    this.formProblems.set([]);
    void this.navigate(result.filters);
  }

  protected clearFilters(): void {
    this.formProblems.set([]);
    void this.navigate({ ...NO_TRACE_FILTERS, limit: this.filters().limit });
  }

  protected reload(): void {
    this.page.reload();
  }

  protected nextPage(): void {
    const cursor = this.nextCursor();
    if (cursor === null) {
      return;
    }
    const current = this.filters().cursor;
    void this.navigate({ ...this.filters(), cursor }).then(() =>
      this.previousCursors.update((cursors) => [...cursors, current]),
    );
  }

  protected previousPage(): void {
    const cursors = this.previousCursors();
    if (cursors.length === 0) {
      return;
    }
    const previous = cursors[cursors.length - 1];
    void this.navigate({ ...this.filters(), cursor: previous }).then(() =>
      this.previousCursors.set(cursors.slice(0, -1)),
    );
  }

  protected firstPage(): void {
    void this.navigate({ ...this.filters(), cursor: null });
  }

  /** Downloads every matching trace as CSV through the API (the key travels in a header). */
  protected async downloadCsv(): Promise<void> {
    this.downloading.set(true);
    this.downloadError.set(null);
    try {
      const blob = await this.api.downloadCsv(this.filters());
      const url = URL.createObjectURL(blob);
      const link = this.document.createElement('a');
      link.href = url;
      link.download = 'decision-traces.csv';
      link.click();
      URL.revokeObjectURL(url);
    } catch (error: unknown) {
      this.downloadError.set(`The CSV download failed: ${describeHttpError(error)}`);
    } finally {
      this.downloading.set(false);
    }
  }

  private navigate(filters: TraceFilters): Promise<boolean> {
    return this.router.navigate([], {
      queryParams: traceFiltersToQueryParams(filters),
      queryParamsHandling: 'merge',
    });
  }
}
