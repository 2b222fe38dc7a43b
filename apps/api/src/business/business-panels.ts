import type {
  ChartPanel,
  KpiPanel,
  PanelAnnotation,
  PanelColumn,
  TablePanel,
} from '../panels/panel.types.js';
import type {
  AcceptanceRateRow,
  BusinessDataResult,
  ChannelEffectivenessRow,
  DailyTrendRow,
  FunnelRow,
  OfferPerformanceRow,
  RevenueTrendRow,
  SummaryRow,
} from './business-data.types.js';

/**
 * Builders of the Business dashboard's panels from the data of each type.
 * An empty panel's message names the missing data and how to send it.
 */

/**
 * Impressions at which an offer without conversions gets a hint.
 * NOTE: a chosen threshold, not derived from data; tenants cannot change it yet.
 */
export const HIGH_IMPRESSIONS_WITHOUT_CONVERSIONS = 100;

const SEND_INTERACTIONS =
  'Send them with POST /api/v1/interactions or import a file with npm run import.';

export const EMPTY_MESSAGES = {
  kpis: `No impressions or conversions recorded in this window. ${SEND_INTERACTIONS}`,
  offers: `No impressions recorded in this window. Send impressions with POST /api/v1/interactions or import a file with npm run import.`,
  channels: `No impressions by channel in this window. Send impressions with their channelKey using POST /api/v1/interactions or import a file with npm run import.`,
  funnel: `No recommendations, impressions or responses in this window. ${SEND_INTERACTIONS} Outcomes can also come through POST /api/v1/respond.`,
  dailyTrend: `No impressions or conversions recorded in this window. ${SEND_INTERACTIONS}`,
  revenueTrend: `No conversions recorded in this window, so there is no revenue. Send outcomes with POST /api/v1/respond and a conversionValue, or import a file with npm run import.`,
  acceptance: `No impressions or responses per offer in this window. Send impressions with POST /api/v1/interactions and responses with POST /api/v1/respond, or import a file with npm run import.`,
} as const;

const NO_REVENUE_NOTE =
  'Conversions were recorded but revenue is 0: the Respond calls carry no conversionValue.';

const OFFER_COLUMNS: PanelColumn[] = [
  { key: 'offerName', label: 'Offer', format: 'text' },
  { key: 'offerKey', label: 'Offer key', format: 'text' },
  { key: 'impressions', label: 'Impressions', format: 'integer' },
  { key: 'conversions', label: 'Conversions', format: 'integer' },
  { key: 'conversionRate', label: 'Conversion rate', format: 'percent' },
  { key: 'revenue', label: 'Revenue', format: 'currency' },
];

/** Panel fields shared by every builder: the warning of a segment that could not be applied. */
export interface PanelContext {
  warning: string | undefined;
}

export function kpiPanel(result: BusinessDataResult<SummaryRow>, context: PanelContext): KpiPanel {
  const labels: Record<SummaryRow['metric'], [string, KpiPanel['items'][number]['format']]> = {
    impressions: ['Impressions', 'integer'],
    conversions: ['Conversions', 'integer'],
    conversionRate: ['Conversion rate', 'percent'],
    revenue: ['Revenue', 'currency'],
  };
  const items = result.data.map((row) => ({
    label: labels[row.metric][0],
    format: labels[row.metric][1],
    value: row.current,
    previous: row.previous,
    change: row.change,
  }));
  const value = (metric: SummaryRow['metric']) =>
    result.data.find((row) => row.metric === metric)?.current ?? 0;
  const notes = (value('conversions') ?? 0) > 0 && value('revenue') === 0 ? [NO_REVENUE_NOTE] : [];
  return {
    ...base('kpis', 'Key figures', EMPTY_MESSAGES.kpis, result.data.length, context, notes),
    description: 'Each figure with the previous period of the same length and the relative change',
    kind: 'kpi',
    items,
  };
}

export function offerTablePanel(
  result: BusinessDataResult<OfferPerformanceRow>,
  context: PanelContext,
): TablePanel {
  const notes = result.data
    .filter(
      (row) => row.impressions >= HIGH_IMPRESSIONS_WITHOUT_CONVERSIONS && row.conversions === 0,
    )
    .map(
      (row) =>
        `${row.offerName} has ${row.impressions} impressions but no conversions: check the creative and the channel fit.`,
    );
  return {
    ...base(
      'offer-performance',
      'Offer performance',
      EMPTY_MESSAGES.offers,
      result.data.length,
      context,
      notes,
    ),
    description: 'The 20 offers with the most impressions',
    kind: 'table',
    columns: OFFER_COLUMNS,
    rows: result.data.map((row) => ({ ...row })),
  };
}

export function channelPanel(
  result: BusinessDataResult<ChannelEffectivenessRow>,
  context: PanelContext,
): ChartPanel {
  return {
    ...base(
      'channel-effectiveness',
      'Channel effectiveness',
      EMPTY_MESSAGES.channels,
      result.data.length,
      context,
    ),
    description: 'Effectiveness = conversions / impressions',
    kind: 'bar',
    xLabel: 'Channel',
    yLabel: 'Effectiveness',
    yFormat: 'percent',
    series: [
      {
        label: 'Effectiveness',
        points: result.data.map((row) => ({ x: row.channelName, y: row.effectiveness })),
      },
    ],
    annotations: [],
    columns: [
      { key: 'channelName', label: 'Channel', format: 'text' },
      { key: 'channelKey', label: 'Channel key', format: 'text' },
      { key: 'impressions', label: 'Impressions', format: 'integer' },
      { key: 'conversions', label: 'Conversions', format: 'integer' },
      { key: 'effectiveness', label: 'Effectiveness', format: 'percent' },
    ],
    rows: result.data.map((row) => ({ ...row })),
  };
}

export function funnelPanel(
  result: BusinessDataResult<FunnelRow>,
  context: PanelContext,
): ChartPanel {
  const stageLabels: Record<FunnelRow['stage'], string> = {
    recommendations: 'Recommendations',
    impressions: 'Impressions',
    positive_responses: 'Positive responses',
    conversions: 'Conversions',
  };
  const rows = result.data.map((row) => ({ ...row, stageLabel: stageLabels[row.stage] }));
  return {
    ...base('funnel', 'Funnel', EMPTY_MESSAGES.funnel, result.data.length, context),
    description:
      'Recommendations to impressions to positive responses to conversions, with the rate of each step',
    kind: 'bar',
    xLabel: 'Stage',
    yLabel: 'Count',
    yFormat: 'integer',
    series: [{ label: 'Count', points: rows.map((row) => ({ x: row.stageLabel, y: row.count })) }],
    annotations: [],
    columns: [
      { key: 'stageLabel', label: 'Stage', format: 'text' },
      { key: 'count', label: 'Count', format: 'integer' },
      { key: 'rateFromPrevious', label: 'Rate from previous stage', format: 'percent' },
    ],
    rows,
  };
}

export function dailyTrendPanel(
  result: BusinessDataResult<DailyTrendRow>,
  annotations: PanelAnnotation[],
  context: PanelContext,
): ChartPanel {
  return {
    ...base('daily-trend', 'Daily trend', EMPTY_MESSAGES.dailyTrend, result.data.length, context),
    description: 'Impressions and conversions per UTC day',
    kind: 'line',
    xLabel: 'Day (UTC)',
    yLabel: 'Count',
    yFormat: 'integer',
    series: [
      {
        label: 'Impressions',
        points: result.data.map((row) => ({ x: row.day, y: row.impressions })),
      },
      {
        label: 'Conversions',
        points: result.data.map((row) => ({ x: row.day, y: row.conversions })),
      },
    ],
    annotations,
    columns: [
      { key: 'day', label: 'Day (UTC)', format: 'day' },
      { key: 'impressions', label: 'Impressions', format: 'integer' },
      { key: 'conversions', label: 'Conversions', format: 'integer' },
    ],
    rows: result.data.map((row) => ({ ...row })),
  };
}

export function revenueTrendPanel(
  result: BusinessDataResult<RevenueTrendRow>,
  annotations: PanelAnnotation[],
  context: PanelContext & { conversions: number },
): ChartPanel {
  const revenue = result.data.reduce((sum, row) => sum + row.revenue, 0);
  const notes = context.conversions > 0 && revenue === 0 ? [NO_REVENUE_NOTE] : [];
  return {
    ...base(
      'revenue-trend',
      'Revenue trend',
      EMPTY_MESSAGES.revenueTrend,
      result.data.length,
      context,
      notes,
    ),
    description: 'Revenue (sum of conversionValue of conversions) per UTC day',
    kind: 'line',
    xLabel: 'Day (UTC)',
    yLabel: 'Revenue',
    yFormat: 'currency',
    series: [
      { label: 'Revenue', points: result.data.map((row) => ({ x: row.day, y: row.revenue })) },
    ],
    annotations,
    columns: [
      { key: 'day', label: 'Day (UTC)', format: 'day' },
      { key: 'revenue', label: 'Revenue', format: 'currency' },
    ],
    rows: result.data.map((row) => ({ ...row })),
  };
}

export function acceptancePanel(
  result: BusinessDataResult<AcceptanceRateRow>,
  context: PanelContext,
): ChartPanel {
  return {
    ...base(
      'acceptance-rate',
      'Acceptance rate by offer',
      EMPTY_MESSAGES.acceptance,
      result.data.length,
      context,
    ),
    description: 'Accept rate = positive responses / impressions',
    kind: 'bar',
    xLabel: 'Offer',
    yLabel: 'Accept rate',
    yFormat: 'percent',
    series: [
      {
        label: 'Accept rate',
        points: result.data.map((row) => ({ x: row.offerName, y: row.acceptRate })),
      },
    ],
    annotations: [],
    columns: [
      { key: 'offerName', label: 'Offer', format: 'text' },
      { key: 'offerKey', label: 'Offer key', format: 'text' },
      { key: 'impressions', label: 'Impressions', format: 'integer' },
      { key: 'positive', label: 'Positive', format: 'integer' },
      { key: 'negative', label: 'Negative', format: 'integer' },
      { key: 'acceptRate', label: 'Accept rate', format: 'percent' },
    ],
    rows: result.data.map((row) => ({ ...row })),
  };
}

function base(
  id: string,
  title: string,
  emptyMessage: string,
  rowCount: number,
  context: PanelContext,
  notes: string[] = [],
) {
  return {
    id,
    title,
    emptyMessage,
    empty: rowCount === 0,
    ...(context.warning ? { warning: context.warning } : {}),
    ...(notes.length > 0 ? { notes } : {}),
  };
}
