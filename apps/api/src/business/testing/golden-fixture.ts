import type { FixtureCatalog, FixtureCustomer, FixtureEvent } from './fixtures.js';

/**
 * The hand-built data set of the Business golden tests. The clock is pinned
 * to NOW, so `days=7` is 2026-11-28 to 2026-12-04 and the previous window is
 * 2026-11-21 to 2026-11-27. Expected figures are worked out by hand in the
 * tests from the events listed here.
 */
export const NOW = new Date('2026-12-04T15:00:00Z');

export const CATALOG: FixtureCatalog = {
  categories: [
    { key: 'cards', name: 'Cards' },
    { key: 'loans', name: 'Loans' },
  ],
  offers: [
    { key: 'gold-card', name: 'Gold Card', categoryKey: 'cards' },
    { key: 'travel-loan', name: 'Travel Loan', categoryKey: 'loans' },
  ],
  // `push` has no catalog row, so its name falls back to the key; so does `unknown-offer`.
  channels: [{ key: 'email', name: 'Email', type: 'email' }],
};

const gold = { offerKey: 'gold-card' };
const travel = { offerKey: 'travel-loan' };
const unknown = { offerKey: 'unknown-offer' };
const email = { channelKey: 'email' };
const push = { channelKey: 'push' };

/** Events of the current window, E1 to E20. */
export const CURRENT_EVENTS: FixtureEvent[] = [
  { at: '2026-11-28T00:00:00Z', kind: 'recommendation', customerId: 'c1', ...gold, ...email },
  { at: '2026-11-28T10:05:00Z', kind: 'impression', customerId: 'c1', ...gold, ...email },
  {
    at: '2026-11-28T10:10:00Z',
    kind: 'response',
    outcome: 'click',
    customerId: 'c1',
    ...gold,
    ...email,
  },
  {
    at: '2026-11-28T10:20:00Z',
    kind: 'response',
    outcome: 'conversion',
    value: 100,
    customerId: 'c1',
    ...gold,
    ...email,
  },
  { at: '2026-11-30T09:00:00Z', kind: 'recommendation', customerId: 'c2', ...gold, ...push },
  { at: '2026-11-30T09:01:00Z', kind: 'impression', customerId: 'c2', ...gold, ...push },
  {
    at: '2026-11-30T09:02:00Z',
    kind: 'response',
    outcome: 'dismiss',
    customerId: 'c2',
    ...gold,
    ...push,
  },
  { at: '2026-11-30T12:00:00Z', kind: 'recommendation', customerId: 'c3', ...travel, ...email },
  { at: '2026-11-30T12:01:00Z', kind: 'impression', customerId: 'c3', ...travel, ...email },
  { at: '2026-11-30T12:02:00Z', kind: 'impression', customerId: 'c3', ...travel, ...email },
  {
    at: '2026-11-30T12:03:00Z',
    kind: 'response',
    outcome: 'conversion',
    customerId: 'c3',
    ...travel,
    ...email,
  },
  // 23:30 UTC is already 2026-12-02 in Tokyo: a UTC day bug moves it.
  { at: '2026-12-01T23:30:00Z', kind: 'recommendation', customerId: 'c1', ...travel, ...email },
  { at: '2026-12-01T23:40:00Z', kind: 'impression', customerId: 'c1', ...travel, ...email },
  // 02:00 UTC is still 2026-12-01 in Los Angeles.
  {
    at: '2026-12-02T02:00:00Z',
    kind: 'response',
    outcome: 'conversion',
    value: 50.5,
    customerId: 'c1',
    ...travel,
    ...email,
  },
  { at: '2026-12-02T08:00:00Z', kind: 'impression', customerId: 'c4', ...unknown, ...push },
  { at: '2026-12-02T08:01:00Z', kind: 'impression', customerId: 'c4', ...unknown, ...push },
  { at: '2026-12-02T08:02:00Z', kind: 'impression', customerId: 'c4', ...unknown, ...push },
  {
    at: '2026-12-02T08:03:00Z',
    kind: 'response',
    outcome: 'defer',
    customerId: 'c4',
    ...unknown,
    ...push,
  },
  { at: '2026-12-04T14:00:00Z', kind: 'impression', customerId: 'c2', ...gold, ...email },
  { at: '2026-12-03T08:00:00Z', kind: 'impression', customerId: 'c4', ...unknown, ...push },
];

/** Events of the previous window, P1 to P5. */
export const PREVIOUS_EVENTS: FixtureEvent[] = [
  { at: '2026-11-27T23:59:59Z', kind: 'impression', customerId: 'c2', ...gold, ...email },
  { at: '2026-11-25T08:00:00Z', kind: 'impression', customerId: 'c3', ...gold, ...email },
  {
    at: '2026-11-25T08:05:00Z',
    kind: 'response',
    outcome: 'conversion',
    value: 20,
    customerId: 'c3',
    ...gold,
    ...email,
  },
  { at: '2026-11-26T10:00:00Z', kind: 'impression', customerId: 'c5', ...travel, ...push },
  {
    at: '2026-11-26T10:01:00Z',
    kind: 'response',
    outcome: 'not_interested',
    customerId: 'c5',
    ...travel,
    ...push,
  },
];

export const ALL_EVENTS = [...PREVIOUS_EVENTS, ...CURRENT_EVENTS];

/** Customers of the segment tests: DE = c1, c3; under 30 = c2, c5. */
export const CUSTOMERS: FixtureCustomer[] = [
  { customerId: 'c1', country: 'DE', age: 40 },
  { customerId: 'c2', country: 'FR', age: 25 },
  { customerId: 'c3', country: 'DE', age: 31 },
  { customerId: 'c4', country: 'US', age: 52 },
  { customerId: 'c5', country: 'FR', age: 22 },
];
