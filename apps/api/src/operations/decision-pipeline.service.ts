import { Injectable } from '@nestjs/common';

import { Clock } from '../core/clock.js';
import { DecisionPipelineRepository } from './decision-pipeline.repository.js';
import type { DecisionPipelineDto, TopRuleDto } from './dto/decision-pipeline.dto.js';
import { averageFunnel, computeFilterRates, PIPELINE_STAGES } from './filter-rates.js';
import { pipelineWindow } from './pipeline-window.js';

/** Rules listed per stage in topRules. */
export const TOP_RULES_PER_STAGE = 5;

/** The Decision Pipeline panel: funnel averages, filter rates and top removing rules. */
@Injectable()
export class DecisionPipelineService {
  constructor(
    private readonly repository: DecisionPipelineRepository,
    private readonly clock: Clock,
  ) {}

  /** Computes the pipeline over the `windowHours` hours ending now; the caller checked `windowHours`. */
  async pipeline(params: { tenantId: string; windowHours: number }): Promise<DecisionPipelineDto> {
    const window = pipelineWindow(params.windowHours, this.clock.now());
    const [stats, rules] = await Promise.all([
      this.repository.traceStats({ tenantId: params.tenantId, from: window.from, to: window.to }),
      this.repository.topRules({
        tenantId: params.tenantId,
        fromHour: window.rollupFrom,
        to: window.to,
        perStage: TOP_RULES_PER_STAGE,
      }),
    ]);

    return {
      windowHours: window.windowHours,
      window: { from: window.from.toISOString(), to: window.to.toISOString() },
      traceCount: stats.traceCount,
      durationMs: { p50: stats.p50LatencyMs, p95: stats.p95LatencyMs, p99: stats.p99LatencyMs },
      funnel: averageFunnel(stats),
      filterRates: computeFilterRates(stats),
      topRules: inStageOrder(rules),
      topRulesWindow: { from: window.rollupFrom.toISOString(), to: window.to.toISOString() },
    };
  }
}

/** Sorts by pipeline stage, then most removals; stages unknown to this version go last. */
function inStageOrder(rules: TopRuleDto[]): TopRuleDto[] {
  const position = (stage: string) => {
    const index = (PIPELINE_STAGES as readonly string[]).indexOf(stage);
    return index === -1 ? PIPELINE_STAGES.length : index;
  };
  return [...rules].sort(
    (a, b) =>
      position(a.stage) - position(b.stage) ||
      a.stage.localeCompare(b.stage) ||
      b.removed - a.removed ||
      a.ruleId.localeCompare(b.ruleId),
  );
}
