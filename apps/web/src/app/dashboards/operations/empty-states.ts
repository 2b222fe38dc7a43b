/** How to send the data an Operations panel is missing, shown in its empty state. */

export { NO_TRACES_HELP } from '../../traces/trace-help';

export const NO_RUNS_HELP =
  'Record decision runs with POST /api/v1/decision-runs, or as decision_run lines to ' +
  'POST /api/v1/ingest.';

export const NO_BREAKERS_HELP =
  'A breaker appears once it reports a state change: send it to ' +
  'POST /api/v1/circuit-breakers/events, or as breaker_event lines to POST /api/v1/ingest.';

export const NO_RESPONSES_HELP =
  'Record impressions and responses with POST /api/v1/interactions or POST /api/v1/respond, or ' +
  'load a file with npm run import.';

export const NO_METRICS_HELP =
  'The API registers its kaireon_* metrics as it records telemetry and serves dashboards; send ' +
  'some telemetry and refresh.';
