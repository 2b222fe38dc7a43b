/** Keys of the five dashboards, as used in paths and in the export API. */
export type DashboardKey =
  'operations' | 'business' | 'data-health' | 'model-health' | 'attribution';

/** Purpose of a dashboard, shown in the navigation and in the page header. */
export interface DashboardDefinition {
  readonly key: DashboardKey;
  readonly title: string;
  /** Absolute portal path. */
  readonly path: string;
  readonly audience: string;
  readonly questions: readonly string[];
}

/** The five dashboards, in navigation order. */
export const DASHBOARDS: readonly DashboardDefinition[] = [
  {
    key: 'operations',
    title: 'Operations',
    path: '/dashboards/operations',
    audience: 'Platform engineers',
    questions: [
      'Is the system healthy?',
      'How fast are decisions?',
      'Is the dead-letter queue growing?',
    ],
  },
  {
    key: 'business',
    title: 'Business',
    path: '/dashboards/business',
    audience: 'Analysts and marketers',
    questions: ['Which offers convert?', 'Which channels perform?', 'What is the funnel?'],
  },
  {
    key: 'data-health',
    title: 'Data Health',
    path: '/dashboards/data-health',
    audience: 'Data engineers',
    questions: ['Are connectors up?', 'Are pipelines running?', 'How many schemas exist?'],
  },
  {
    key: 'model-health',
    title: 'Model Health',
    path: '/dashboards/model-health',
    audience: 'Data scientists',
    questions: ['Is model accuracy stable?', 'Which features matter?', 'Are experiments running?'],
  },
  {
    key: 'attribution',
    title: 'Attribution',
    path: '/dashboards/attribution',
    audience: 'Growth and analytics teams',
    questions: ['Which channels drive conversions?', 'How should credit be split?'],
  },
];

/** Returns the dashboard with `key`, or undefined for an unknown key. */
export function findDashboard(key: string | null | undefined): DashboardDefinition | undefined {
  return DASHBOARDS.find((dashboard) => dashboard.key === key);
}
