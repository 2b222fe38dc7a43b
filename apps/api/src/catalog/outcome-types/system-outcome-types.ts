/** The ten outcome types every tenant has; they cannot be changed or deleted. */
export const SYSTEM_OUTCOME_TYPES = [
  { key: 'impression', name: 'Impression', classification: 'neutral', category: 'impression' },
  { key: 'click', name: 'Click', classification: 'positive', category: 'response' },
  { key: 'conversion', name: 'Conversion', classification: 'positive', category: 'response' },
  { key: 'share', name: 'Share', classification: 'positive', category: 'response' },
  { key: 'save', name: 'Save', classification: 'positive', category: 'response' },
  {
    key: 'not_interested',
    name: 'Not interested',
    classification: 'negative',
    category: 'response',
  },
  { key: 'opt_out', name: 'Opt out', classification: 'negative', category: 'response' },
  { key: 'dismiss', name: 'Dismiss', classification: 'negative', category: 'response' },
  { key: 'complaint', name: 'Complaint', classification: 'negative', category: 'response' },
  { key: 'defer', name: 'Defer', classification: 'neutral', category: 'response' },
] as const;

export type OutcomeClassification = 'positive' | 'negative' | 'neutral';
export type OutcomeCategory = 'impression' | 'response';
