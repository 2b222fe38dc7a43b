import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  linkedSignal,
  resource,
  signal,
} from '@angular/core';
import { RouterLink } from '@angular/router';

import { SessionService } from '../auth/session.service';
import { describeHttpError } from '../core/api-error';
import { FORMAT_PIPES } from '../shared/format/format-pipes';
import { derivePanelState } from '../shared/ui/panel-state';
import { PanelFrameComponent } from '../shared/ui/panel-frame.component';
import { StatusBadgeComponent } from '../shared/ui/status-badge.component';
import { SEGMENT_REFRESH_POLL_MS, pollUntilRefreshed } from './segment-refresh';
import { type Segment, SegmentsApi } from './segments-api.service';

/** Roles that may create, change, refresh and delete segments. */
const EDITOR_ROLES: ReadonlySet<string> = new Set(['editor', 'admin']);

/**
 * The Segments page: every segment of the tenant with its status, size and last refresh, with
 * Refresh (polled until it ends), Edit and Delete (after confirmation) for editors.
 */
@Component({
  selector: 'app-segments-page',
  templateUrl: './segments-page.component.html',
  styleUrls: ['./segments.css', './segments-page.component.css'],
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, PanelFrameComponent, StatusBadgeComponent, ...FORMAT_PIPES],
})
export class SegmentsPageComponent {
  private readonly api = inject(SegmentsApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly session = inject(SessionService);
  private readonly pollIntervalMs = inject(SEGMENT_REFRESH_POLL_MS);

  private readonly list = resource({ loader: () => this.api.listAll() });

  /** The listed segments, updated in place by refreshes and deletions. */
  protected readonly segments = linkedSignal<Segment[] | undefined>(() =>
    this.list.hasValue() ? this.list.value() : undefined,
  );

  protected readonly state = computed(() =>
    derivePanelState({ error: this.list.error(), rows: this.segments() }),
  );
  protected readonly errorMessage = computed(() => describeHttpError(this.list.error()));

  protected readonly canEdit = computed(() =>
    EDITOR_ROLES.has(this.session.identity()?.role ?? ''),
  );

  /** Per segment id: the last failed action's message. */
  protected readonly problems = signal<ReadonlyMap<string, string>>(new Map());
  /** The segment whose deletion waits for confirmation. */
  protected readonly confirmingDelete = signal<string | null>(null);
  protected readonly deleting = signal<string | null>(null);

  private readonly polled = new Set<string>();

  constructor() {
    // A refresh started elsewhere (a schedule, another user) is followed as well.
    effect(() => {
      for (const segment of this.segments() ?? []) {
        if (segment.refreshing) {
          this.follow(segment.id);
        }
      }
    });
  }

  protected reload(): void {
    this.list.reload();
  }

  protected async refresh(segment: Segment): Promise<void> {
    this.setProblem(segment.id, null);
    try {
      this.replace(await this.api.refresh(segment.id));
    } catch (error) {
      this.setProblem(segment.id, `Refresh failed: ${describeHttpError(error)}`);
    }
  }

  protected askDelete(segment: Segment): void {
    this.setProblem(segment.id, null);
    this.confirmingDelete.set(segment.id);
  }

  protected cancelDelete(): void {
    this.confirmingDelete.set(null);
  }

  protected async confirmDelete(segment: Segment): Promise<void> {
    this.deleting.set(segment.id);
    try {
      await this.api.delete(segment.id);
      this.segments.update((list) => list?.filter((item) => item.id !== segment.id));
      this.confirmingDelete.set(null);
    } catch (error) {
      this.setProblem(segment.id, `Delete failed: ${describeHttpError(error)}`);
    } finally {
      this.deleting.set(null);
    }
  }

  protected statusTone(segment: Segment): 'green' | 'neutral' {
    return segment.status === 'active' ? 'green' : 'neutral';
  }

  protected statusLabel(segment: Segment): string {
    return segment.status === 'active' ? 'Active' : 'Draft';
  }

  /** Polls one refreshing segment until its refresh ends, then shows the new size. */
  private follow(id: string): void {
    if (this.polled.has(id)) {
      return;
    }
    this.polled.add(id);
    const subscription = pollUntilRefreshed(() => this.api.get(id), this.pollIntervalMs).subscribe({
      next: (segment) => this.replace(segment),
      error: (error: unknown) => {
        this.polled.delete(id);
        this.setProblem(id, `Could not follow the refresh: ${describeHttpError(error)}`);
      },
      complete: () => this.polled.delete(id),
    });
    const stopOnDestroy = this.destroyRef.onDestroy(() => subscription.unsubscribe());
    subscription.add(stopOnDestroy);
  }

  private replace(segment: Segment): void {
    this.segments.update((list) => list?.map((item) => (item.id === segment.id ? segment : item)));
  }

  private setProblem(id: string, message: string | null): void {
    this.problems.update((current) => {
      const next = new Map(current);
      if (message === null) {
        next.delete(id);
      } else {
        next.set(id, message);
      }

      return next;
    });
  }
}
