import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  resource,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, RouterLink } from '@angular/router';

import { describeHttpError } from '../core/api-error';
import { FORMAT_PIPES } from '../shared/format/format-pipes';
import { VIEWER_TIME_ZONE } from '../shared/format/format';
import { PanelFrameComponent } from '../shared/ui/panel-frame.component';
import { derivePanelState } from '../shared/ui/panel-state';
import { StatusBadgeComponent } from '../shared/ui/status-badge.component';
import { isPipelineStage } from './pipeline-stages';
import { TraceApi } from './trace-api.service';
import {
  type TraceFocus,
  buildJourneyRows,
  buildTimelineRows,
  describeSearchedOffer,
} from './trace-view';

function nonEmpty(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';

  return trimmed === '' ? null : trimmed;
}

/**
 * One decision trace (`/traces/:traceId`): what was decided, the stage timeline with candidates in
 * and out of each stage, and the journey of every candidate offer with the rule and reason that
 * removed it. The list's filters ride along in the query string: `offerKey` points out that offer,
 * `stage` and `ruleId` the removals they select, and the Back link returns to the same list.
 */
@Component({
  selector: 'app-trace-detail-page',
  templateUrl: './trace-detail-page.component.html',
  styleUrls: ['./traces.css', './trace-detail-page.component.css'],
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, PanelFrameComponent, StatusBadgeComponent, ...FORMAT_PIPES],
})
export class TraceDetailPageComponent {
  private readonly api = inject(TraceApi);

  protected readonly timeZone = inject(VIEWER_TIME_ZONE);

  /** Trace id, from the path. */
  readonly traceId = input.required<string>();
  /** Offer to point out, from the query string. */
  readonly offerKey = input<string>();
  /** Stage the list was filtered by, from the query string. */
  readonly stage = input<string>();
  /** Rule the list was filtered by, from the query string. */
  readonly ruleId = input<string>();

  /** The list's query parameters, for the Back link. */
  protected readonly listParams = toSignal(inject(ActivatedRoute).queryParams, {
    requireSync: true,
  });

  private readonly request = resource({
    params: () => ({ id: this.traceId() }),
    loader: ({ params }) => this.api.loadTrace(params.id),
  });

  protected readonly trace = computed(() =>
    this.request.hasValue() ? this.request.value() : undefined,
  );

  protected readonly state = computed(() =>
    derivePanelState({
      error: this.request.error(),
      rows: this.trace() === undefined ? undefined : [this.trace()],
    }),
  );

  protected readonly errorMessage = computed(() => describeHttpError(this.request.error()));

  protected readonly focus = computed<TraceFocus>(() => {
    const stage = this.stage();

    return {
      offerKey: nonEmpty(this.offerKey()),
      stage: isPipelineStage(stage) ? stage : null,
      ruleId: nonEmpty(this.ruleId()),
    };
  });

  protected readonly timeline = computed(() =>
    buildTimelineRows(this.trace()?.timeline ?? [], this.focus()),
  );

  protected readonly journey = computed(() =>
    buildJourneyRows(this.trace()?.offers ?? [], this.focus()),
  );

  /** Sentence on the fate of the offer named in the URL, or null without one. */
  protected readonly searchedOffer = computed(() => {
    const offerKey = this.focus().offerKey;
    if (offerKey === null || this.trace() === undefined) {
      return null;
    }

    return describeSearchedOffer(this.journey(), offerKey);
  });

  protected readonly heading = computed(() => {
    const trace = this.trace();

    return trace ? `Decision Trace ${trace.requestId}` : 'Decision Trace';
  });

  protected reload(): void {
    this.request.reload();
  }
}
