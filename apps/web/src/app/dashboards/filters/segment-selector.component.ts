import { ChangeDetectionStrategy, Component, computed, inject, resource } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, NavigationEnd, Router } from '@angular/router';
import { filter, map } from 'rxjs';

import { describeHttpError } from '../../core/api-error';
import { type Segment, SegmentsApi } from '../../segments/segments-api.service';
import { type DashboardKey } from '../dashboard-catalog';
import { DashboardFiltersService } from './dashboard-filters.service';

/** Dashboards whose data can be filtered by a segment. */
export const SEGMENT_DASHBOARDS: ReadonlySet<DashboardKey> = new Set<DashboardKey>(['business']);

/** Text of a segment's option: its name and state, because drafts have no data yet. */
export function segmentOptionLabel(
  segment: Pick<Segment, 'name' | 'status' | 'refreshing'>,
): string {
  if (segment.status === 'draft') {
    return `${segment.name} (draft, no data until active)`;
  }

  return segment.refreshing ? `${segment.name} (active, refreshing)` : `${segment.name} (active)`;
}

/**
 * Segment selector of the dashboard header, shown on dashboards that support segments: "All
 * customers" or one of the tenant's segments. The choice goes to the URL as `segmentId`.
 */
@Component({
  selector: 'app-segment-selector',
  templateUrl: './segment-selector.component.html',
  styleUrl: './segment-selector.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SegmentSelectorComponent {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly api = inject(SegmentsApi);

  protected readonly filters = inject(DashboardFiltersService);

  private readonly dashboard = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map(() => this.activeDashboard()),
    ),
    { initialValue: this.activeDashboard() },
  );

  protected readonly supported = computed(() => {
    const dashboard = this.dashboard();

    return dashboard !== undefined && SEGMENT_DASHBOARDS.has(dashboard);
  });

  private readonly segmentList = resource({
    params: () => (this.supported() ? true : undefined),
    loader: () => this.api.listAll(),
  });

  protected readonly segments = computed(() =>
    this.segmentList.hasValue() ? this.segmentList.value() : [],
  );
  protected readonly loading = computed(() => this.segmentList.isLoading());
  protected readonly loadProblem = computed(() => {
    const error = this.segmentList.error();

    return error === undefined ? null : describeHttpError(error);
  });

  protected readonly selectedId = computed(() => this.filters.segmentId() ?? '');

  /** A segment id from the URL that is not in the tenant's list (deleted, or a stale link). */
  protected readonly unlistedId = computed(() => {
    const id = this.filters.segmentId();
    if (id === null || this.loading()) {
      return null;
    }

    return this.segments().some((segment) => segment.id === id) ? null : id;
  });

  /** Option text of an unlisted id: unknown once the list loaded, just the id when it failed. */
  protected readonly unlistedLabel = computed(() => {
    const id = this.unlistedId();

    return this.loadProblem() === null ? `Unknown segment ${id}` : `Segment ${id}`;
  });

  protected readonly optionLabel = segmentOptionLabel;

  protected choose(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    void this.filters.setSegment(value === '' ? null : value);
  }

  protected retry(): void {
    this.segmentList.reload();
  }

  private activeDashboard(): DashboardKey | undefined {
    let route = this.route.snapshot.root;
    while (route.firstChild) {
      route = route.firstChild;
    }
    const key: unknown = route.data['dashboard'];

    return typeof key === 'string' ? (key as DashboardKey) : undefined;
  }
}
