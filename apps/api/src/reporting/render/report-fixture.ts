import type { DashboardPanels } from '../../panels/panel.types.js';
import { buildReportDocument, type ReportDocument } from './report-document.js';

/** Builds a small Business-like document with one panel of each kind, for renderer tests. */
export function sampleReportDocument(overrides: Partial<DashboardPanels> = {}): ReportDocument {
  const panels: DashboardPanels = {
    dashboard: 'business',
    title: 'Business',
    windowLabel: '2026-11-28 to 2026-12-04 (7 UTC days)',
    filterLabels: { Segment: 'High value' },
    generatedAt: '2026-12-05T10:15:00.000Z',
    panels: [
      {
        id: 'summary',
        kind: 'kpi',
        title: 'Summary',
        emptyMessage: 'No impressions yet.',
        empty: false,
        items: [
          {
            label: 'Impressions',
            value: 12345,
            format: 'integer',
            previous: 10000,
            change: 0.2345,
          },
          {
            label: 'Conversion rate',
            value: 0.0421,
            format: 'percent',
            previous: null,
            change: null,
          },
        ],
      },
      {
        id: 'offers',
        kind: 'table',
        title: 'Offer performance',
        emptyMessage: 'No offers.',
        empty: false,
        notes: ['Top 20 offers by impressions'],
        columns: [
          { key: 'offerName', label: 'Offer', format: 'text' },
          { key: 'impressions', label: 'Impressions', format: 'integer' },
          { key: 'revenue', label: 'Revenue', format: 'currency' },
        ],
        rows: [
          { offerName: '=HYPERLINK("http://x")', impressions: 1200, revenue: -35.5 },
          { offerName: 'Карта "Плюс", золотая', impressions: 800, revenue: 12 },
          { offerName: 'a|b *bold*', impressions: 3, revenue: null },
        ],
      },
      {
        id: 'daily_trend',
        kind: 'line',
        title: 'Daily trend',
        emptyMessage: 'No data.',
        empty: false,
        xLabel: 'UTC day',
        yLabel: 'Count',
        yFormat: 'integer',
        series: [
          {
            label: 'Impressions',
            points: [
              { x: '2026-12-03', y: 10 },
              { x: '2026-12-04', y: 20 },
            ],
          },
        ],
        annotations: [],
        columns: [
          { key: 'day', label: 'Day', format: 'day' },
          { key: 'impressions', label: 'Impressions', format: 'integer' },
        ],
        rows: [
          { day: '2026-12-03', impressions: 10 },
          { day: '2026-12-04', impressions: 20 },
        ],
      },
      {
        id: 'funnel',
        kind: 'bar',
        title: 'Funnel',
        emptyMessage: 'Send recommendations to see the funnel.',
        empty: true,
        warning: 'unknown segmentId',
        xLabel: 'Stage',
        yLabel: 'Count',
        yFormat: 'integer',
        series: [],
        annotations: [],
        columns: [],
        rows: [],
      },
    ],
    ...overrides,
  };
  return buildReportDocument({
    panels,
    filters: { days: 7, segmentId: '7d9f0b2c-1a3e-4c5d-8e6f-0a1b2c3d4e5f' },
    window: { from: '2026-11-28', to: '2026-12-05', days: 7 },
    timeZone: 'Europe/Berlin',
    generatedAt: new Date('2026-12-05T10:15:00.000Z'),
  });
}
