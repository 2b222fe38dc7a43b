/** How to send decision traces, for the empty states of trace lists. */
export const NO_TRACES_HELP =
  'Send decision traces to POST /api/v1/decision-traces, or as decision_trace lines to ' +
  'POST /api/v1/ingest.';
