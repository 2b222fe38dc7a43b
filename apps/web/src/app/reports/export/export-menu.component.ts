import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  LOCALE_ID,
  afterNextRender,
  computed,
  inject,
  input,
  signal,
  viewChild,
  viewChildren,
} from '@angular/core';
import { type Subscription } from 'rxjs';

import { type DashboardKey } from '../../dashboards/dashboard-catalog';
import { Clock } from '../../core/clock';
import { VIEWER_TIME_ZONE, formatTimestamp } from '../../shared/format/format';
import { filenameFromContentDisposition } from '../content-disposition';
import { DashboardViewService } from '../dashboard-view.service';
import { FileDownloadService } from '../file-download.service';
import { REPORT_FORMATS, type ReportFormat, formatExtension, formatLabel } from '../report-formats';
import { type ReportProblem, toReportProblem } from '../report-errors';
import { buildReportFilters } from '../report-filters';
import { ReportsApi } from '../reports-api.service';

let nextMenuId = 0;

/**
 * The Export button of the dashboard header: a menu of formats that renders the dashboard with
 * the filters in the URL on the server, shows progress with Cancel, and downloads the file under
 * the server's name. Failures show the server's message. A 404 means the dashboard is not built
 * yet, and from then on the menu shows that message above the formats.
 */
@Component({
  selector: 'app-export-menu',
  templateUrl: './export-menu.component.html',
  styleUrl: './export-menu.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:click)': 'closeOnOutsideClick($event)' },
})
export class ExportMenuComponent {
  private readonly api = inject(ReportsApi);
  private readonly views = inject(DashboardViewService);
  private readonly downloads = inject(FileDownloadService);
  private readonly clock = inject(Clock);
  private readonly locale = inject(LOCALE_ID);
  private readonly timeZone = inject(VIEWER_TIME_ZONE);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  readonly dashboard = input.required<DashboardKey>();

  private readonly trigger = viewChild.required<ElementRef<HTMLButtonElement>>('trigger');
  private readonly items = viewChildren<ElementRef<HTMLButtonElement>>('item');

  protected readonly formats = REPORT_FORMATS;
  protected readonly formatLabel = formatLabel;
  protected readonly menuId = `export-menu-${nextMenuId++}`;
  protected readonly menuOpen = signal(false);

  /** The export under way, with its request so Cancel can abort it. */
  private readonly job = signal<{ format: ReportFormat; subscription: Subscription } | null>(null);
  protected readonly progressText = computed(() => {
    const job = this.job();

    return job ? `Rendering ${formatLabel(job.format)}…` : null;
  });

  protected readonly problem = signal<ReportProblem | null>(null);
  protected readonly doneText = signal<string | null>(null);

  /** Server messages of dashboards that returned 404 (not built yet), by dashboard. */
  private readonly notBuilt = signal<Partial<Record<DashboardKey, string>>>({});
  protected readonly notBuiltText = computed(() => this.notBuilt()[this.dashboard()] ?? null);

  protected readonly retryText = computed(() => {
    const seconds = this.problem()?.retryAfterSeconds;
    if (seconds === null || seconds === undefined) {
      return null;
    }
    const at = formatTimestamp(
      this.clock.now() + seconds * 1000,
      this.locale,
      this.timeZone,
      'time',
    );

    return `You can export again after ${at}.`;
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => this.job()?.subscription.unsubscribe());
  }

  protected toggleMenu(): void {
    if (this.menuOpen()) {
      this.closeMenu(true);
      return;
    }
    this.menuOpen.set(true);
    // The items exist only after the next render.
    afterNextRender(() => this.focusItem(0), { injector: this.injector });
  }

  protected closeMenu(returnFocus: boolean): void {
    this.menuOpen.set(false);
    if (returnFocus) {
      this.trigger().nativeElement.focus();
    }
  }

  protected closeOnOutsideClick(event: MouseEvent): void {
    if (this.menuOpen() && !this.host.nativeElement.contains(event.target as Node | null)) {
      this.menuOpen.set(false);
    }
  }

  /** Arrow keys, Home and End move between formats; Escape closes; Tab leaves the menu. */
  protected onMenuKeydown(event: KeyboardEvent): void {
    const count = this.items().length;
    const current = this.items().findIndex((item) => item.nativeElement === event.target);
    const moves: Record<string, number> = {
      ArrowDown: (current + 1) % count,
      ArrowUp: (current - 1 + count) % count,
      Home: 0,
      End: count - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      this.focusItem(moves[event.key]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.closeMenu(true);
    } else if (event.key === 'Tab') {
      this.menuOpen.set(false);
    }
  }

  protected choose(format: ReportFormat): void {
    if (this.notBuiltText() !== null) {
      return;
    }
    this.closeMenu(true);
    this.start(format);
  }

  protected cancel(): void {
    const job = this.job();
    if (!job) {
      return;
    }
    job.subscription.unsubscribe();
    this.job.set(null);
    this.doneText.set(`${formatLabel(job.format)} export cancelled.`);
  }

  protected dismissProblem(): void {
    this.problem.set(null);
  }

  private start(format: ReportFormat): void {
    this.job()?.subscription.unsubscribe();
    this.problem.set(null);
    this.doneText.set(null);
    const dashboard = this.dashboard();
    const body = {
      dashboard,
      format,
      filters: buildReportFilters(this.views.snapshot(dashboard)),
      timezone: this.timeZone,
    };
    const subscription = this.api.exportFile(body).subscribe({
      next: (response) => {
        const filename = filenameFromContentDisposition(
          response.headers.get('Content-Disposition'),
          `${dashboard}.${formatExtension(format)}`,
        );
        this.downloads.save(response.body, filename);
        this.job.set(null);
        this.doneText.set(`Downloaded ${filename}.`);
      },
      error: (error: unknown) => void this.fail(dashboard, error),
    });
    this.job.set({ format, subscription });
  }

  private async fail(dashboard: DashboardKey, error: unknown): Promise<void> {
    const problem = await toReportProblem(error);
    this.job.set(null);
    if (problem.status === 404) {
      const message = problem.serverMessage ?? problem.message;
      this.notBuilt.update((messages) => ({ ...messages, [dashboard]: message }));
    }
    this.problem.set(problem);
  }

  private focusItem(index: number): void {
    this.items()[index]?.nativeElement.focus();
  }
}
