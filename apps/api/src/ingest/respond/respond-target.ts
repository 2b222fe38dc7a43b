/**
 * Days before an outcome that /respond searches for its recommendation.
 * NOTE: the bound limits the lookup to this window's day partitions, so an
 * outcome sent later than this after its recommendation must name offerId and
 * channelId itself.
 */
export const RECOMMENDATION_LOOKBACK_DAYS = 90;

/** A recorded recommendation: one offer of a recommendation, at its rank. */
export interface RecommendationRow {
  recommendationId: string;
  customerId: string;
  offerKey: string;
  channelKey: string;
  creativeKey: string | null;
  rank: number | null;
  modelKey: string | null;
  score: number | null;
}

/** Offer, channel and model data of an outcome, given in the request or read from its recommendation. */
export interface RespondTarget {
  offerKey: string;
  channelKey: string;
  creativeKey: string | null;
  rank: number | null;
  modelKey: string | null;
  score: number | null;
}

export interface RespondReference {
  customerId: string;
  recommendationId: string;
  rank?: number;
  offerId?: string;
  channelId?: string;
  creativeId?: string;
}

export type TargetResolution =
  | { ok: true; target: RespondTarget }
  | { ok: false; field: string; value: unknown; reason: string };

/** Tells whether the outcome names its offer and channel, so it can be recorded without its recommendation. */
export function namesOfferAndChannel(
  reference: RespondReference,
): reference is RespondReference & { offerId: string; channelId: string } {
  return reference.offerId !== undefined && reference.channelId !== undefined;
}

/**
 * Resolves the offer and channel of an outcome. Given offerId and channelId
 * win; otherwise the recommendation's offer is used, narrowed by customer,
 * offerId and rank. A recommendation of several offers needs rank or offerId.
 * Model key and score come from the matching recommendation when there is one.
 */
export function resolveRespondTarget(
  reference: RespondReference,
  recommendations: RecommendationRow[],
): TargetResolution {
  const candidates = narrow(reference, recommendations);
  if (namesOfferAndChannel(reference)) {
    const row = 'ok' in candidates ? undefined : candidates[0];
    return {
      ok: true,
      target: targetFrom(
        reference,
        { offerKey: reference.offerId, channelKey: reference.channelId },
        row,
      ),
    };
  }
  if ('ok' in candidates) {
    return candidates;
  }
  const distinct = new Set(candidates.map((row) => JSON.stringify([row.offerKey, row.channelKey])));
  if (distinct.size > 1) {
    return {
      ok: false,
      field: 'rank',
      value: reference.rank ?? null,
      reason: `is required: recommendation ${reference.recommendationId} has ${distinct.size} offers; give rank or offerId`,
    };
  }
  const row = candidates[0];
  const keys = { offerKey: row.offerKey, channelKey: reference.channelId ?? row.channelKey };
  return { ok: true, target: targetFrom(reference, keys, row) };
}

/** Returns the recommendation rows that fit the outcome, or the reason why none does. */
function narrow(
  reference: RespondReference,
  recommendations: RecommendationRow[],
): RecommendationRow[] | Extract<TargetResolution, { ok: false }> {
  const id = reference.recommendationId;
  if (recommendations.length === 0) {
    return { ok: false, field: 'recommendationId', value: id, reason: 'unknown recommendationId' };
  }
  let rows = recommendations.filter((row) => row.customerId === reference.customerId);
  if (rows.length === 0) {
    return {
      ok: false,
      field: 'customerId',
      value: reference.customerId,
      reason: `does not match the customer of recommendation ${id}`,
    };
  }
  if (reference.offerId !== undefined) {
    rows = rows.filter((row) => row.offerKey === reference.offerId);
    if (rows.length === 0) {
      return {
        ok: false,
        field: 'offerId',
        value: reference.offerId,
        reason: `is not an offer of recommendation ${id}`,
      };
    }
  }
  if (reference.rank !== undefined) {
    rows = rows.filter((row) => row.rank === reference.rank);
    if (rows.length === 0) {
      return {
        ok: false,
        field: 'rank',
        value: reference.rank,
        reason: `matches no offer of recommendation ${id}`,
      };
    }
  }
  return rows;
}

function targetFrom(
  reference: RespondReference,
  keys: { offerKey: string; channelKey: string },
  row: RecommendationRow | undefined,
): RespondTarget {
  return {
    ...keys,
    creativeKey: reference.creativeId ?? row?.creativeKey ?? null,
    rank: reference.rank ?? row?.rank ?? null,
    modelKey: row?.modelKey ?? null,
    score: row?.score ?? null,
  };
}
