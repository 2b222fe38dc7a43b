import {
  type DecisionPipelineDto,
  type FilterRateDto,
  type PipelineFunnelDto,
  type TopRuleDto,
} from '@kaireon/api-client';

import { NO_VALUE, formatCount, formatRate } from '../../shared/format/format';
import { type StatusTone } from '../../shared/ui/status-badge.component';
import { PIPELINE_STAGES, type PipelineStage, STAGE_LABELS } from '../../traces/pipeline-stages';
import { traceFiltersToLinkParams } from '../../traces/trace-filters';

/**
 * View models of the Decision Pipeline panel: the funnel of average candidates, one filter-rate
 * bar per stage with its band as text, and the rules that removed the most candidates. Every bar
 * and rule links to the trace explorer, filtered to the traces behind it.
 */

/** Filter-rate band, from the cumulative rate: green below 50%, amber to 80%, red above. */
export type FilterRateBand = NonNullable<FilterRateDto['band']>;

/** Rules listed per stage; the API sends the top rules of each stage. */
export const TOP_RULES_PER_STAGE = 5;

/** Explanation of the bands, shown under the bars. */
export const BAND_LEGEND =
  'Filter rate = share of the initial candidates removed by the end of the stage. Green below ' +
  '50%, amber from 50% to 80%, red above 80%. A contact-policy rate in the red usually means a ' +
  'misconfigured policy.';

const BAND_TONES: Record<FilterRateBand, StatusTone> = {
  green: 'green',
  amber: 'amber',
  red: 'red',
};

/** Whole percentages at which the band changes; rates that round onto them get a decimal. */
const BAND_EDGES_PERCENT = [50, 80];

/** One step of the funnel: the average number of candidates at that point. */
export interface FunnelStep {
  readonly key: keyof PipelineFunnelDto;
  readonly label: string;
  readonly average: number | null;
  readonly averageText: string;
  /** Width of the step's bar, as a percentage of the initial candidates. */
  readonly widthPercent: number;
}

/** A rule that removed candidates at a stage, with the link to its traces. */
export interface RuleLink {
  readonly ruleId: string;
  readonly removed: number;
  readonly accessibleName: string;
  readonly linkParams: Record<string, string>;
}

/** The filter-rate bar of one stage. */
export interface FilterRateBar {
  readonly stage: PipelineStage;
  readonly label: string;
  readonly cumulative: number | null;
  readonly stageRate: number | null;
  readonly band: FilterRateBand | null;
  readonly tone: StatusTone;
  /** The band as text, so colour is never the only signal. */
  readonly bandText: string;
  readonly percentText: string;
  readonly stagePercentText: string;
  readonly widthPercent: number;
  /** Name of the bar's link, e.g. "Contact Policy filter rate 89% red". */
  readonly accessibleName: string;
  /** Query parameters of `/traces`: the traces of the window in which this stage removed any. */
  readonly linkParams: Record<string, string>;
  readonly rules: readonly RuleLink[];
}

const FUNNEL_STEPS: readonly { key: keyof PipelineFunnelDto; label: string }[] = [
  { key: 'initial', label: 'Initial Candidates' },
  { key: 'afterQualification', label: 'After Qualification' },
  { key: 'afterSuppression', label: 'After Suppression' },
  { key: 'afterContactPolicy', label: 'After Contact Policy' },
  { key: 'afterScoring', label: 'After Scoring' },
];

function clampPercent(value: number): number {
  return Math.min(100, Math.max(0, value));
}

/**
 * Formats a filter rate as a whole percentage ("89%"). A rate that would round onto a band edge
 * (50% or 80%) gets one decimal ("80.4%"), so the text never contradicts its band.
 */
export function formatFilterRatePercent(rate: number | null, locale: string): string {
  if (rate === null) {
    return NO_VALUE;
  }
  const percent = rate * 100;
  const rounded = Math.round(percent);
  const onEdge = BAND_EDGES_PERCENT.includes(rounded) && Math.abs(percent - rounded) > 1e-9;

  return formatRate(rate, locale, { fractionDigits: onEdge ? 1 : 0 });
}

/** Builds the funnel steps, each bar relative to the initial candidates. */
export function buildFunnelSteps(funnel: PipelineFunnelDto, locale: string): FunnelStep[] {
  const initial = funnel.initial;

  return FUNNEL_STEPS.map(({ key, label }) => {
    const average = funnel[key];
    const widthPercent =
      average !== null && initial !== null && initial > 0
        ? clampPercent((average / initial) * 100)
        : 0;

    return {
      key,
      label,
      average,
      averageText:
        average === null
          ? NO_VALUE
          : new Intl.NumberFormat(locale, {
              minimumFractionDigits: 1,
              maximumFractionDigits: 1,
            }).format(average),
      widthPercent,
    };
  });
}

function buildRuleLinks(
  stage: PipelineStage,
  rules: readonly TopRuleDto[],
  window: DecisionPipelineDto['window'],
  locale: string,
): RuleLink[] {
  return rules
    .filter((rule) => rule.stage === stage)
    .slice(0, TOP_RULES_PER_STAGE)
    .map((rule) => ({
      ruleId: rule.ruleId,
      removed: rule.removed,
      accessibleName:
        `${rule.ruleId} removed ${formatCount(rule.removed, locale)} candidates at ` +
        `${STAGE_LABELS[stage]}: show traces`,
      linkParams: traceFiltersToLinkParams({
        stage,
        ruleId: rule.ruleId,
        from: window.from,
        to: window.to,
      }),
    }));
}

/** Builds one filter-rate bar per stage, in pipeline order, with links to the trace explorer. */
export function buildFilterRateBars(
  pipeline: DecisionPipelineDto,
  locale: string,
): FilterRateBar[] {
  return PIPELINE_STAGES.map((stage) => {
    const rate = pipeline.filterRates[stage];
    const label = STAGE_LABELS[stage];
    const percentText = formatFilterRatePercent(rate.cumulative, locale);
    const bandText = rate.band ?? 'no data';

    return {
      stage,
      label,
      cumulative: rate.cumulative,
      stageRate: rate.stage,
      band: rate.band,
      tone: rate.band ? BAND_TONES[rate.band] : 'neutral',
      bandText,
      percentText,
      stagePercentText: formatFilterRatePercent(rate.stage, locale),
      widthPercent: rate.cumulative === null ? 0 : clampPercent(rate.cumulative * 100),
      accessibleName: `${label} filter rate ${percentText} ${bandText}`,
      linkParams: traceFiltersToLinkParams({
        stage,
        from: pipeline.window.from,
        to: pipeline.window.to,
      }),
      rules: buildRuleLinks(stage, pipeline.topRules, pipeline.window, locale),
    };
  });
}
