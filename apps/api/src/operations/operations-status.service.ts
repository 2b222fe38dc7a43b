import { Injectable } from '@nestjs/common';

import { CircuitBreakerEventsService } from '../circuit-breakers/index.js';
import type { DayWindow } from '../common/time/window.js';
import { Clock } from '../core/clock.js';
import { DeadLetterService } from '../dead-letter/index.js';
import type {
  BreakerPanelEntryDto,
  CircuitBreakersPanelDto,
  DlqSummaryDto,
} from './dto/operations-panels-data.dto.js';
import { windowInstants } from './latency-window.js';

/** Transitions listed per breaker. */
export const BREAKER_HISTORY_LIMIT = 50;

const HOUR_MS = 3_600_000;

/** Circuit breaker states and the dead-letter queue, read through their modules' services. */
@Injectable()
export class OperationsStatusService {
  constructor(
    private readonly breakers: CircuitBreakerEventsService,
    private readonly deadLetters: DeadLetterService,
    private readonly clock: Clock,
  ) {}

  /** Every breaker's current state and its transitions inside the window. */
  async circuitBreakers(params: {
    tenantId: string;
    window: DayWindow;
  }): Promise<CircuitBreakersPanelDto> {
    const { from, to } = windowInstants(params.window);
    const states = await this.breakers.currentStates(params.tenantId);
    const breakers: BreakerPanelEntryDto[] = [];
    for (const state of states) {
      const history = await this.breakers.history(params.tenantId, {
        name: state.name,
        from: from.toISOString(),
        to: to.toISOString(),
        limit: BREAKER_HISTORY_LIMIT,
      });
      breakers.push({
        name: state.name,
        state: state.state,
        fromState: state.fromState,
        lastChangeAt: state.since,
        reason: state.reason,
        source: state.source,
        history: history.data.map(({ occurredAt, fromState, toState, reason, source }) => ({
          occurredAt,
          fromState,
          toState,
          reason,
          source,
        })),
        historyTotal: history.page.total,
      });
    }
    return { window: params.window, historyLimit: BREAKER_HISTORY_LIMIT, breakers };
  }

  /** Current depth by topic with its alert level, and the hourly depth over the window. */
  async deadLetterQueue(params: { tenantId: string; window: DayWindow }): Promise<DlqSummaryDto> {
    const { from, to } = windowInstants(params.window);
    const currentHourEnd = (Math.floor(this.clock.now().getTime() / HOUR_MS) + 1) * HOUR_MS;
    const trendTo = new Date(Math.max(from.getTime(), Math.min(to.getTime(), currentHourEnd)));
    const [depth, depthTrend] = await Promise.all([
      this.deadLetters.depthByTopic(params.tenantId),
      this.deadLetters.depthTrend({ tenantId: params.tenantId, from, to: trendTo }),
    ]);
    return { window: params.window, ...depth, depthTrend };
  }
}
