/** How to send the data a Business panel is missing, shown in its empty state. */

export const NO_IMPRESSIONS_HELP =
  'Record impressions and responses with POST /api/v1/interactions (or outcomes with ' +
  'POST /api/v1/respond), or load a file with npm run import.';

export const NO_RECOMMENDATIONS_HELP =
  'Record recommendations, impressions and responses with POST /api/v1/interactions, or load a ' +
  'file with npm run import.';

export const NO_REVENUE_HELP =
  'Revenue is the conversionValue of conversions. Send it on POST /api/v1/respond or on the ' +
  'responses of POST /api/v1/interactions.';

export const NO_RESPONSES_HELP =
  'Record impressions and responses (click, conversion, dismiss…) with POST /api/v1/interactions ' +
  'or POST /api/v1/respond, or load a file with npm run import.';
