import { type RecommendationRow, resolveRespondTarget } from './respond-target.js';

function buildRecommendation(overrides: Partial<RecommendationRow> = {}): RecommendationRow {
  return {
    recommendationId: 'rec-1',
    customerId: 'c1',
    offerKey: 'card',
    channelKey: 'email',
    creativeKey: 'banner_a',
    rank: 1,
    modelKey: 'propensity',
    score: 0.4,
    ...overrides,
  };
}

const reference = { customerId: 'c1', recommendationId: 'rec-1' };

describe('resolveRespondTarget', () => {
  it('reads offer, channel, creative, rank and model from the recommendation', () => {
    expect(resolveRespondTarget(reference, [buildRecommendation()])).toEqual({
      ok: true,
      target: {
        offerKey: 'card',
        channelKey: 'email',
        creativeKey: 'banner_a',
        rank: 1,
        modelKey: 'propensity',
        score: 0.4,
      },
    });
  });

  it('rejects an unknown recommendation', () => {
    expect(resolveRespondTarget(reference, [])).toEqual({
      ok: false,
      field: 'recommendationId',
      value: 'rec-1',
      reason: 'unknown recommendationId',
    });
  });

  it('rejects the recommendation of another customer', () => {
    const result = resolveRespondTarget(reference, [buildRecommendation({ customerId: 'c2' })]);
    expect(result).toMatchObject({ ok: false, field: 'customerId', value: 'c1' });
  });

  it('picks the offer at the given rank', () => {
    const rows = [
      buildRecommendation(),
      buildRecommendation({ offerKey: 'loan', rank: 2, score: 0.2 }),
    ];
    const result = resolveRespondTarget({ ...reference, rank: 2 }, rows);
    expect(result).toMatchObject({ ok: true, target: { offerKey: 'loan', rank: 2, score: 0.2 } });
  });

  it('asks for rank when the recommendation has several offers', () => {
    const rows = [buildRecommendation(), buildRecommendation({ offerKey: 'loan', rank: 2 })];
    expect(resolveRespondTarget(reference, rows)).toEqual({
      ok: false,
      field: 'rank',
      value: null,
      reason: 'is required: recommendation rec-1 has 2 offers; give rank or offerId',
    });
  });

  it('rejects a rank the recommendation does not have', () => {
    const result = resolveRespondTarget({ ...reference, rank: 3 }, [buildRecommendation()]);
    expect(result).toMatchObject({ ok: false, field: 'rank', value: 3 });
  });

  it('takes the channel of the named offer', () => {
    const rows = [
      buildRecommendation(),
      buildRecommendation({ offerKey: 'loan', channelKey: 'sms', rank: 2 }),
    ];
    const result = resolveRespondTarget({ ...reference, offerId: 'loan' }, rows);
    expect(result).toMatchObject({ ok: true, target: { offerKey: 'loan', channelKey: 'sms' } });
  });

  it('records given offer and channel without a known recommendation', () => {
    const result = resolveRespondTarget(
      { ...reference, offerId: 'loan', channelId: 'push', creativeId: 'x' },
      [],
    );
    expect(result).toEqual({
      ok: true,
      target: {
        offerKey: 'loan',
        channelKey: 'push',
        creativeKey: 'x',
        rank: null,
        modelKey: null,
        score: null,
      },
    });
  });

  it('rejects an offerId without channelId when the recommendation is unknown', () => {
    const result = resolveRespondTarget({ ...reference, offerId: 'loan' }, []);
    expect(result).toMatchObject({
      ok: false,
      field: 'recommendationId',
      reason: 'unknown recommendationId',
    });
  });
});
