import { JsonPipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  LOCALE_ID,
  computed,
  inject,
  output,
  signal,
} from '@angular/core';
import { type DeadLetterActionDto } from '@kaireon/api-client';

import { describeHttpError } from '../../core/api-error';
import { FORMAT_PIPES } from '../../shared/format/format-pipes';
import { PanelFrameComponent } from '../../shared/ui/panel-frame.component';
import { OperationsApi } from './operations-api.service';
import { injectPanelRequest, panelStateOf } from './panel-request';
import { describeDlqActionResult, topicDepths } from './status-view';

/** Events per page of the admin list. */
export const DLQ_EVENTS_PAGE_SIZE = 50;

/** A purge waiting for confirmation, and the question the confirmation shows. */
interface PendingPurge {
  readonly action: DeadLetterActionDto;
  readonly question: string;
}

/**
 * Dead-letter Events, for admins: the queued events, newest first, filtered by topic, with retry
 * and purge of the selected events or of a whole topic. A purge needs confirmation first,
 * because purged events are deleted.
 */
@Component({
  selector: 'app-dlq-events-panel',
  templateUrl: './dlq-events-panel.component.html',
  styleUrls: ['./operations-panels.css', './dlq-events-panel.component.css'],
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PanelFrameComponent, JsonPipe, ...FORMAT_PIPES],
})
export class DlqEventsPanelComponent {
  private readonly locale = inject(LOCALE_ID);
  private readonly api = inject(OperationsApi);

  /** Emits after a retry or purge changed the queue. */
  readonly changed = output<void>();

  protected readonly topic = signal<string | null>(null);
  private readonly cursor = signal<string | null>(null);

  protected readonly request = injectPanelRequest({
    params: () => ({ topic: this.topic(), cursor: this.cursor(), limit: DLQ_EVENTS_PAGE_SIZE }),
    loader: (query) => this.api.loadDeadLetterEvents(query),
  });

  protected readonly state = computed(() =>
    panelStateOf(this.request, (list) => list.totalEvents === 0),
  );

  protected readonly events = computed(() => this.request.value()?.data ?? []);
  protected readonly topics = computed(() => topicDepths(this.request.value()?.byTopic ?? {}));
  protected readonly nextCursor = computed(() => this.request.value()?.page.nextCursor ?? null);
  protected readonly onFirstPage = computed(() => this.cursor() === null);

  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  protected readonly selectedCount = computed(() => this.selected().size);
  protected readonly allSelected = computed(
    () => this.events().length > 0 && this.events().every((event) => this.selected().has(event.id)),
  );

  protected readonly pendingPurge = signal<PendingPurge | null>(null);
  protected readonly busy = signal(false);
  protected readonly resultMessage = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);

  protected selectTopic(value: string): void {
    this.topic.set(value === '' ? null : value);
    this.cursor.set(null);
    this.clearSelection();
  }

  protected toggle(id: string, checked: boolean): void {
    const next = new Set(this.selected());
    if (checked) {
      next.add(id);
    } else {
      next.delete(id);
    }
    this.selected.set(next);
  }

  protected toggleAll(checked: boolean): void {
    this.selected.set(checked ? new Set(this.events().map((event) => event.id)) : new Set());
  }

  protected nextPage(): void {
    const cursor = this.nextCursor();
    if (cursor !== null) {
      this.cursor.set(cursor);
      this.clearSelection();
    }
  }

  protected firstPage(): void {
    this.cursor.set(null);
    this.clearSelection();
  }

  protected retrySelected(): void {
    void this.run({ action: 'retry', eventIds: [...this.selected()] });
  }

  protected retryTopic(topic: string): void {
    void this.run({ action: 'retry', topic });
  }

  protected askPurgeSelected(): void {
    const count = this.selectedCount();
    this.pendingPurge.set({
      action: { action: 'purge', eventIds: [...this.selected()] },
      question: `Purge ${count} selected ${count === 1 ? 'event' : 'events'}?`,
    });
  }

  protected askPurgeTopic(topic: string): void {
    this.pendingPurge.set({
      action: { action: 'purge', topic },
      question: `Purge every event of topic ${topic}?`,
    });
  }

  protected confirmPurge(): void {
    const pending = this.pendingPurge();
    this.pendingPurge.set(null);
    if (pending === null) {
      return;
    }
    void this.run(pending.action).then(() => {
      if (pending.action.topic !== undefined) {
        this.selectTopic('');
      }
    });
  }

  protected cancelPurge(): void {
    this.pendingPurge.set(null);
  }

  private clearSelection(): void {
    this.selected.set(new Set());
    this.pendingPurge.set(null);
  }

  private async run(action: DeadLetterActionDto): Promise<void> {
    this.busy.set(true);
    this.resultMessage.set(null);
    this.actionError.set(null);
    try {
      const result = await this.api.actOnDeadLetterEvents(action);
      this.resultMessage.set(describeDlqActionResult(result, this.locale));
      this.clearSelection();
      this.request.reload();
      this.changed.emit();
    } catch (error: unknown) {
      this.actionError.set(`The ${action.action} failed: ${describeHttpError(error)}`);
    } finally {
      this.busy.set(false);
    }
  }
}
