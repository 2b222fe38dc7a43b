/**
 * The demo tenant's catalog: 6 categories, 40 offers and 8 channels. Channel
 * keys avoid `cellular` and `telephone`, which belong to the bank data set.
 */

export const DEMO_CATEGORIES = [
  { key: 'credit_cards', name: 'Credit cards' },
  { key: 'loans', name: 'Loans' },
  { key: 'savings', name: 'Savings' },
  { key: 'insurance', name: 'Insurance' },
  { key: 'travel', name: 'Travel' },
  { key: 'retail_partners', name: 'Retail partners' },
] as const;

export interface DemoOffer {
  key: string;
  name: string;
  categoryKey: string;
  /** Share of impressions followed by a positive response before the incident. */
  acceptRate: number;
  /** Share of positive responses that convert. */
  conversionShare: number;
  /** Typical conversion value; 0 for offers whose Respond calls carry no value. */
  value: number;
}

const OFFER_NAMES: Record<string, string[]> = {
  credit_cards: [
    'Cashback card',
    'Platinum upgrade',
    'Student card',
    'Balance transfer',
    'Travel rewards card',
    'Low rate card',
    'Business card',
  ],
  loans: [
    'Personal loan',
    'Car loan',
    'Home improvement loan',
    'Debt consolidation',
    'Green energy loan',
    'Mortgage switch',
    'Bridge loan',
  ],
  savings: [
    'High yield savings',
    'Fixed term deposit',
    'Kids savings',
    'Retirement plan',
    'Round-up saver',
    'Goal saver',
    'ISA transfer',
  ],
  insurance: [
    'Travel insurance',
    'Home insurance',
    'Pet insurance',
    'Gadget cover',
    'Life cover',
    'Income protection',
  ],
  travel: [
    'Summer promo',
    'Lounge pass',
    'FX fee waiver',
    'City break bundle',
    'Airline miles boost',
    'Ski season offer',
  ],
  retail_partners: [
    'Grocery cashback',
    'Fuel discount',
    'Streaming bundle',
    'Fitness club deal',
    'Electronics store voucher',
    'Coffee rewards',
    'Book club',
  ],
};

function offerKey(name: string): string {
  return `offer_${name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')}`;
}

/** 40 offers with fixed rates, so the demo's figures are the same for every seed's catalog. */
export const DEMO_OFFERS: DemoOffer[] = Object.entries(OFFER_NAMES).flatMap(
  ([categoryKey, names], categoryIndex) =>
    names.map((name, index) => {
      const key = offerKey(name);
      const acceptRate =
        key === 'offer_summer_promo' ? 0.12 : 0.03 + ((index * 7 + categoryIndex * 3) % 10) / 100;
      return {
        key,
        name,
        categoryKey,
        acceptRate,
        conversionShare: 0.25 + ((index + categoryIndex) % 4) * 0.08,
        // The streaming bundle carries no value on purpose: it shows the "conversions but zero revenue" hint.
        value:
          key === 'offer_streaming_bundle' ? 0 : 20 + ((index * 37 + categoryIndex * 53) % 480),
      };
    }),
);

export const SUMMER_PROMO_KEY = 'offer_summer_promo';

export const DEMO_CHANNELS = [
  {
    key: 'email',
    name: 'Email',
    type: 'email',
    deliveryMode: 'integration',
    impressionMode: 'implicit',
    weight: 5,
  },
  {
    key: 'mobile_push',
    name: 'Mobile push',
    type: 'push',
    deliveryMode: 'api',
    impressionMode: 'explicit',
    weight: 4,
  },
  {
    key: 'sms',
    name: 'SMS',
    type: 'sms',
    deliveryMode: 'integration',
    impressionMode: 'implicit',
    weight: 2,
  },
  {
    key: 'web',
    name: 'Website',
    type: 'web',
    deliveryMode: 'api',
    impressionMode: 'explicit',
    weight: 6,
  },
  {
    key: 'in_app',
    name: 'In-app banner',
    type: 'in_app',
    deliveryMode: 'api',
    impressionMode: 'explicit',
    weight: 5,
  },
  {
    key: 'call_center',
    name: 'Call center',
    type: 'phone',
    deliveryMode: 'manual',
    impressionMode: 'explicit',
    weight: 1,
  },
  {
    key: 'whatsapp',
    name: 'WhatsApp',
    type: 'whatsapp',
    deliveryMode: 'integration',
    impressionMode: 'implicit',
    weight: 2,
  },
  {
    key: 'direct_mail',
    name: 'Direct mail',
    type: 'direct_mail',
    deliveryMode: 'file',
    impressionMode: 'implicit',
    weight: 1,
  },
] as const;

/** Channel effect on the chance of a positive response. */
export const CHANNEL_LIFT: Record<string, number> = {
  email: 0.8,
  mobile_push: 1.0,
  sms: 0.9,
  web: 1.1,
  in_app: 1.3,
  call_center: 1.6,
  whatsapp: 1.2,
  direct_mail: 0.6,
};

export const DEMO_SCHEMA_KEY = 'demo_customers';

export const DEMO_SCHEMA_FIELDS = [
  { name: 'customer_id', type: 'text', nullable: false },
  { name: 'age', type: 'integer', nullable: false },
  { name: 'tenure_months', type: 'integer', nullable: false },
  { name: 'tier', type: 'text', nullable: false },
  { name: 'region', type: 'text', nullable: false },
  { name: 'lifetime_value', type: 'decimal', nullable: false },
  { name: 'churn_risk', type: 'decimal', nullable: false },
  { name: 'email_opt_in', type: 'boolean', nullable: false },
  { name: 'signup_date', type: 'date', nullable: false },
] as const;

/** Five segments whose customers convert visibly differently (see the response model). */
export const DEMO_SEGMENTS = [
  {
    key: 'high_value',
    name: 'High value',
    conditions: [{ field: 'lifetime_value', operator: '>=', value: 5000 }],
  },
  {
    key: 'new_customers',
    name: 'New customers',
    conditions: [{ field: 'tenure_months', operator: '<', value: 6 }],
  },
  {
    key: 'churn_risk',
    name: 'Churn risk',
    conditions: [{ field: 'churn_risk', operator: '>=', value: 0.7 }],
  },
  { key: 'seniors', name: 'Seniors', conditions: [{ field: 'age', operator: '>=', value: 60 }] },
  {
    key: 'gold_tier',
    name: 'Gold tier',
    conditions: [{ field: 'tier', operator: '=', value: 'gold' }],
  },
] as const;
