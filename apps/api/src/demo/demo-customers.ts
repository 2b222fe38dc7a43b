import type { DemoRandom } from './demo-random.js';

export interface DemoCustomer {
  customer_id: string;
  age: number;
  tenure_months: number;
  tier: 'gold' | 'silver' | 'bronze';
  region: string;
  lifetime_value: number;
  churn_risk: number;
  email_opt_in: boolean;
  signup_date: string;
}

const REGIONS = ['north', 'south', 'east', 'west', 'central'];
const DAY_MS = 86_400_000;

/** Generates `count` customers, ids `cust-00001` upward, relative to the anchor day. */
export function generateCustomers(
  random: DemoRandom,
  count: number,
  anchorDay: Date,
): DemoCustomer[] {
  return Array.from({ length: count }, (_, index) => {
    const age = random.int(18, 85);
    const tenure = random.chance(0.12) ? random.int(0, 5) : random.int(6, 240);
    const tier = random.weighted([
      { value: 'gold' as const, weight: 1 },
      { value: 'silver' as const, weight: 3 },
      { value: 'bronze' as const, weight: 6 },
    ]);
    const tierFactor = tier === 'gold' ? 4 : tier === 'silver' ? 1.8 : 1;
    const lifetimeValue = Math.round(random.logNormal(1500 * tierFactor, 0.7) * 100) / 100;
    const churnRisk = Math.round(random.next() ** 1.6 * 1000) / 1000;
    return {
      customer_id: `cust-${String(index + 1).padStart(5, '0')}`,
      age,
      tenure_months: tenure,
      tier,
      region: random.pick(REGIONS),
      lifetime_value: lifetimeValue,
      churn_risk: churnRisk,
      email_opt_in: random.chance(0.7),
      signup_date: new Date(anchorDay.getTime() - tenure * 30 * DAY_MS).toISOString().slice(0, 10),
    };
  });
}

/**
 * How much more (or less) likely a customer is to respond positively; the
 * segments of the demo differ because of these factors.
 */
export function responseLift(customer: DemoCustomer): number {
  let lift = 1;
  if (customer.lifetime_value >= 5000) {
    lift *= 1.7;
  }
  if (customer.tenure_months < 6) {
    lift *= 1.3;
  }
  if (customer.churn_risk >= 0.7) {
    lift *= 0.4;
  }
  if (customer.age >= 60) {
    lift *= 0.8;
  }
  if (customer.tier === 'gold') {
    lift *= 1.2;
  }
  return lift;
}
