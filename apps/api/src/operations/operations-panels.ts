import type { ChartPanel, KpiPanel, TablePanel } from '../panels/panel.types.js';
import type { DecisionPipelineDto } from './dto/decision-pipeline.dto.js';
import type { OperationsSummaryDto } from './dto/operations-summary.dto.js';
import { AMBER_FROM, FUNNEL_KEYS, PIPELINE_STAGES, RED_ABOVE } from './filter-rates.js';
import { windowHoursLabel } from './pipeline-window.js';

/**
 * Builders of the Operations dashboard panels from the endpoint data. When a panel is empty,
 * its message states what data is missing and which endpoint sends it.
 */

const RUNS_HINT = 'Send them with POST /api/v1/decision-runs.';
const TRACES_HINT = 'Send them with POST /api/v1/decision-traces.';

export const STAGE_LABELS: Record<(typeof PIPELINE_STAGES)[number], string> = {
  qualification: 'Qualification',
  suppression: 'Suppression',
  contactPolicy: 'Contact policy',
  scoring: 'Scoring',
};

const FUNNEL_LABELS: Record<(typeof FUNNEL_KEYS)[number], string> = {
  initial: 'Initial candidates',
  afterQualification: 'After qualification',
  afterSuppression: 'After suppression',
  afterContactPolicy: 'After contact policy',
  afterScoring: 'After scoring',
};

const BAND_TEXT = {
  green: `green (below ${percent(AMBER_FROM)})`,
  amber: `amber (${percent(AMBER_FROM)} to ${percent(RED_ABOVE)})`,
  red: `red (above ${percent(RED_ABOVE)})`,
};

function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

function approximateNote(summary: { relativeErrorBound: number | null }): string[] {
  if (summary.relativeErrorBound === null) {
    return [];
  }
  return [
    'Percentiles are estimated from hourly latency histograms because the period starts ' +
      `before the raw retention; each is within ±${(summary.relativeErrorBound * 100).toFixed(1)}%.`,
  ];
}

export function kpiPanel(summary: OperationsSummaryDto): KpiPanel {
  const { kpis } = summary;
  return {
    id: 'kpis',
    kind: 'kpi',
    title: 'Decision runs',
    emptyMessage: `No decision runs in this period. ${RUNS_HINT}`,
    empty: kpis.totalRuns === 0,
    notes: approximateNote(summary),
    items: [
      { label: 'Total runs', value: kpis.totalRuns, format: 'integer' },
      { label: 'Avg latency', value: kpis.avgLatencyMs, format: 'ms' },
      { label: 'P95 latency', value: kpis.p95LatencyMs, format: 'ms' },
      { label: 'Success rate', value: kpis.successRate, format: 'percent' },
    ],
  };
}

export function latencyDistributionPanel(summary: OperationsSummaryDto): ChartPanel {
  const { runs, p95LatencyMs } = summary.latencyDistribution;
  const oldestFirst = [...runs].reverse();
  return {
    id: 'latency-distribution',
    kind: 'bar',
    title: 'Latency distribution',
    description: `The most recent ${runs.length} runs; bars scale against the period's P95.`,
    emptyMessage: `No raw decision runs in this period (raw runs are kept for 7 days). ${RUNS_HINT}`,
    empty: runs.length === 0,
    notes: p95LatencyMs === null ? [] : [`Period P95: ${p95LatencyMs.toFixed(1)} ms.`],
    xLabel: 'Run',
    yLabel: 'Latency (ms)',
    yFormat: 'ms',
    series: [
      { label: 'Latency', points: oldestFirst.map((run) => ({ x: run.id, y: run.latencyMs })) },
    ],
    annotations: [],
    columns: [
      { key: 'id', label: 'Run id', format: 'text' },
      { key: 'occurredAt', label: 'Time', format: 'datetime' },
      { key: 'status', label: 'Status', format: 'text' },
      { key: 'latencyMs', label: 'Latency', format: 'ms' },
    ],
    rows: oldestFirst.map((run) => ({ ...run })),
  };
}

export function latencyTrendPanel(summary: OperationsSummaryDto): ChartPanel {
  const trend = summary.latencyTrend;
  return {
    id: 'latency-trend',
    kind: 'line',
    title: 'Latency trend (7 days)',
    description: 'P50 and P99 latency per UTC hour.',
    emptyMessage: `No decision runs in the 7 days up to ${trend.to}. ${RUNS_HINT}`,
    empty: trend.coverageFrom === null,
    notes: approximateNote(trend),
    xLabel: 'UTC hour',
    yLabel: 'Latency (ms)',
    yFormat: 'ms',
    series: [
      { label: 'P50', points: trend.points.map((point) => ({ x: point.hour, y: point.p50 })) },
      { label: 'P99', points: trend.points.map((point) => ({ x: point.hour, y: point.p99 })) },
    ],
    annotations: trend.annotations.map((annotation) => ({
      at: annotation.occurredAt,
      kind: annotation.kind,
      title: annotation.title,
    })),
    columns: [
      { key: 'hour', label: 'Hour', format: 'datetime' },
      { key: 'runs', label: 'Runs', format: 'integer' },
      { key: 'p50', label: 'P50', format: 'ms' },
      { key: 'p99', label: 'P99', format: 'ms' },
    ],
    rows: trend.points.map((point) => ({ ...point })),
  };
}

/** The pipeline data and how its window relates to the period. */
export interface PipelineContext {
  pipeline: DecisionPipelineDto;
  /** Set when the period was longer than the 168 hours the pipeline takes. */
  cappedFromDays: number | null;
}

function pipelineNotes(context: PipelineContext): string[] {
  const { pipeline } = context;
  const notes = [`Traces from the ${windowHoursLabel(pipeline.windowHours)}, up to now.`];
  if (context.cappedFromDays !== null) {
    notes.push(
      `The period is ${context.cappedFromDays} days; the decision pipeline covers at most ` +
        'the last 7 days (168 hours).',
    );
  }
  const { p50, p95, p99 } = pipeline.durationMs;
  if (p50 !== null && p95 !== null && p99 !== null) {
    notes.push(
      `Total latency: P50 ${p50.toFixed(1)} ms, P95 ${p95.toFixed(1)} ms, P99 ${p99.toFixed(1)} ms.`,
    );
  }
  return notes;
}

function noTracesMessage(pipeline: DecisionPipelineDto): string {
  return `No decision traces in the ${windowHoursLabel(pipeline.windowHours)}. ${TRACES_HINT}`;
}

export function pipelineFunnelPanel(context: PipelineContext): ChartPanel {
  const { pipeline } = context;
  const rows = FUNNEL_KEYS.map((key) => ({
    stage: FUNNEL_LABELS[key],
    averageCandidates: pipeline.funnel[key],
  }));
  return {
    id: 'decision-pipeline-funnel',
    kind: 'bar',
    title: `Decision pipeline (${windowHoursLabel(pipeline.windowHours)})`,
    description: `Average candidates per decision at each stage, over ${pipeline.traceCount} traces.`,
    emptyMessage: noTracesMessage(pipeline),
    empty: pipeline.traceCount === 0,
    notes: pipelineNotes(context),
    xLabel: 'Stage',
    yLabel: 'Average candidates',
    yFormat: 'decimal',
    series: [
      {
        label: 'Average candidates',
        points: rows.map((row) => ({ x: row.stage, y: row.averageCandidates })),
      },
    ],
    annotations: [],
    columns: [
      { key: 'stage', label: 'Stage', format: 'text' },
      { key: 'averageCandidates', label: 'Average candidates', format: 'decimal' },
    ],
    rows,
  };
}

export function filterRatesPanel(context: PipelineContext): TablePanel {
  const { pipeline } = context;
  return {
    id: 'decision-pipeline-filter-rates',
    kind: 'table',
    title: `Filter rates (${windowHoursLabel(pipeline.windowHours)})`,
    description:
      'Cumulative: share of initial candidates dropped by the end of the stage; it sets the ' +
      'band. Stage: share of the candidates entering the stage that it dropped.',
    emptyMessage: noTracesMessage(pipeline),
    empty: pipeline.traceCount === 0,
    notes: pipelineNotes(context),
    columns: [
      { key: 'stage', label: 'Stage', format: 'text' },
      { key: 'cumulative', label: 'Cumulative filter rate', format: 'percent' },
      { key: 'stageRate', label: 'Stage filter rate', format: 'percent' },
      { key: 'band', label: 'Band', format: 'text' },
    ],
    rows: PIPELINE_STAGES.map((stage) => {
      const rate = pipeline.filterRates[stage];
      return {
        stage: STAGE_LABELS[stage],
        cumulative: rate.cumulative,
        stageRate: rate.stage,
        band: rate.band === null ? null : BAND_TEXT[rate.band],
      };
    }),
  };
}

export function topRulesPanel(context: PipelineContext): TablePanel {
  const { pipeline } = context;
  return {
    id: 'top-rules',
    kind: 'table',
    title: `Top removing rules (${windowHoursLabel(pipeline.windowHours)})`,
    description: 'Per stage, the rules that removed the most candidates.',
    emptyMessage:
      `No removals recorded in the ${windowHoursLabel(pipeline.windowHours)}. Decision traces ` +
      `whose stageResults have passed: false fill this table. ${TRACES_HINT}`,
    empty: pipeline.topRules.length === 0,
    notes: [`Counted over whole hours from ${pipeline.topRulesWindow.from}.`],
    columns: [
      { key: 'stage', label: 'Stage', format: 'text' },
      { key: 'ruleId', label: 'Rule', format: 'text' },
      { key: 'removed', label: 'Candidates removed', format: 'integer' },
    ],
    rows: pipeline.topRules.map((rule) => ({
      stage: STAGE_LABELS[rule.stage as keyof typeof STAGE_LABELS] ?? rule.stage,
      ruleId: rule.ruleId,
      removed: rule.removed,
    })),
  };
}
