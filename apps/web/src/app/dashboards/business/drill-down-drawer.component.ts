import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  type ElementRef,
  LOCALE_ID,
  computed,
  effect,
  inject,
  linkedSignal,
  resource,
  signal,
  viewChild,
} from '@angular/core';

import { describeHttpError } from '../../core/api-error';
import { Clock } from '../../core/clock';
import { FORMAT_PIPES } from '../../shared/format/format-pipes';
import { describePeriodDays, utcDay } from '../filters/period';
import { describeSegmentWarning } from './business-data';
import { DRILL_DOWN_PAGE_SIZE, DrillDownApi } from './drill-down-api.service';
import { type DrillDownRequest, DrillDownService } from './drill-down';

/**
 * The drawer listing the interactions behind the figure the user chose, newest first, a page at
 * a time, with a CSV download of every matching row. Escape, the close button or a click beside
 * the drawer closes it, and focus returns to the figure.
 */
@Component({
  selector: 'app-drill-down-drawer',
  templateUrl: './drill-down-drawer.component.html',
  styleUrls: ['./business-panels.css', './drill-down-drawer.component.css'],
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [...FORMAT_PIPES],
  host: { '(document:keydown.escape)': 'close()' },
})
export class DrillDownDrawerComponent {
  private readonly drillDown = inject(DrillDownService);
  private readonly api = inject(DrillDownApi);
  private readonly clock = inject(Clock);
  private readonly locale = inject(LOCALE_ID);
  private readonly document = inject(DOCUMENT);

  private readonly heading = viewChild<ElementRef<HTMLElement>>('heading');

  protected readonly request = this.drillDown.request;
  protected readonly pageSize = DRILL_DOWN_PAGE_SIZE;

  /** Cursors of the pages visited, the current page last; a new request starts over. */
  private readonly cursors = linkedSignal<DrillDownRequest | null, (string | null)[]>({
    source: this.request,
    computation: () => [null],
  });

  protected readonly pageIndex = computed(() => this.cursors().length - 1);

  private readonly page = resource({
    params: () => {
      const request = this.request();

      return request ? { request, cursor: this.cursors().at(-1) ?? null } : undefined;
    },
    loader: ({ params }) => this.api.loadPage(params.request, params.cursor),
  });

  protected readonly pageData = computed(() =>
    this.page.hasValue() ? this.page.value() : undefined,
  );
  protected readonly loading = computed(() => this.page.isLoading());
  protected readonly error = computed(() => {
    const error = this.page.error();

    return error === undefined ? null : describeHttpError(error);
  });
  protected readonly warning = computed(() => describeSegmentWarning(this.pageData()?.warning));

  /** "Rows 51–100 of 1,234". */
  protected readonly rangeText = computed(() => {
    const page = this.pageData();
    if (!page || page.rows.length === 0) {
      return '';
    }
    const first = this.pageIndex() * DRILL_DOWN_PAGE_SIZE + 1;
    const last = first + page.rows.length - 1;
    const total = new Intl.NumberFormat(this.locale).format(page.total);

    return `Rows ${first}–${last} of ${total}`;
  });

  protected readonly windowText = computed(() => {
    const request = this.request();

    return request
      ? describePeriodDays(
          { kind: 'range', ...request.window },
          utcDay(this.clock.now()),
          this.locale,
        )
      : '';
  });

  protected readonly downloading = signal(false);
  protected readonly downloadProblem = signal<string | null>(null);

  constructor() {
    // Move focus into the drawer when it opens, so keyboard and screen-reader users land on it.
    effect(() => {
      if (this.request()) {
        this.heading()?.nativeElement.focus();
      }
    });
  }

  protected nextPage(): void {
    const next = this.pageData()?.nextCursor;
    if (next) {
      this.cursors.update((cursors) => [...cursors, next]);
    }
  }

  protected previousPage(): void {
    this.cursors.update((cursors) => (cursors.length > 1 ? cursors.slice(0, -1) : cursors));
  }

  protected retry(): void {
    this.page.reload();
  }

  protected close(): void {
    if (this.request()) {
      this.downloadProblem.set(null);
      this.drillDown.close();
    }
  }

  protected async downloadCsv(): Promise<void> {
    const request = this.request();
    if (!request || this.downloading()) {
      return;
    }
    this.downloading.set(true);
    this.downloadProblem.set(null);
    try {
      const blob = await this.api.downloadCsv(request);
      this.saveFile(blob, `interactions-${request.window.from}-to-${request.window.to}.csv`);
    } catch (error) {
      this.downloadProblem.set(describeHttpError(error));
    } finally {
      this.downloading.set(false);
    }
  }

  private saveFile(blob: Blob, filename: string): void {
    const url = URL.createObjectURL(blob);
    const link = this.document.createElement('a');
    link.href = url;
    link.download = filename;
    this.document.body.append(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(url);
  }
}
