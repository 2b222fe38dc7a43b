import {
  averageFunnel,
  computeFilterRates,
  filterRateBand,
  type FunnelSums,
} from './filter-rates.js';

/** Two traces of very different sizes, so ratio of sums and mean of ratios part ways. */
const LARGE = {
  initial: 100,
  afterQualification: 50,
  afterSuppression: 40,
  afterContactPolicy: 10,
  afterScoring: 10,
};
const SMALL = {
  initial: 2,
  afterQualification: 2,
  afterSuppression: 2,
  afterContactPolicy: 2,
  afterScoring: 1,
};
/** LARGE + SMALL, added by hand. */
const SUMS: FunnelSums = {
  traceCount: 2,
  initial: 102,
  afterQualification: 52,
  afterSuppression: 42,
  afterContactPolicy: 12,
  afterScoring: 11,
};

function sums(overrides: Partial<FunnelSums>): FunnelSums {
  return {
    traceCount: 1,
    initial: 0,
    afterQualification: 0,
    afterSuppression: 0,
    afterContactPolicy: 0,
    afterScoring: 0,
    ...overrides,
  };
}

describe('computeFilterRates', () => {
  it('divides sums for cumulative rates', () => {
    const rates = computeFilterRates(SUMS);
    expect(rates.qualification.cumulative).toBeCloseTo(50 / 102, 12);
    expect(rates.suppression.cumulative).toBeCloseTo(60 / 102, 12);
    expect(rates.contactPolicy.cumulative).toBeCloseTo(90 / 102, 12);
    expect(rates.scoring.cumulative).toBeCloseTo(91 / 102, 12);
  });

  it('divides by the candidates entering for stage rates', () => {
    const rates = computeFilterRates(SUMS);
    expect(rates.qualification.stage).toBeCloseTo(50 / 102, 12);
    expect(rates.suppression.stage).toBeCloseTo(10 / 52, 12);
    expect(rates.contactPolicy.stage).toBeCloseTo(30 / 42, 12);
    expect(rates.scoring.stage).toBeCloseTo(1 / 12, 12);
  });

  it('differs from the mean of per-trace ratios', () => {
    // Contact policy, cumulative: LARGE drops 90 of 100 (0.9), SMALL none of 2 (0).
    const meanOfRatios = ((100 - 10) / 100 + (2 - 2) / 2) / 2;
    expect(meanOfRatios).toBeCloseTo(0.45, 12);
    expect(LARGE.initial + SMALL.initial).toBe(SUMS.initial);

    const rates = computeFilterRates(SUMS);
    expect(rates.contactPolicy.cumulative).toBeCloseTo(0.882353, 6);
    expect(rates.contactPolicy.cumulative).not.toBeCloseTo(meanOfRatios, 2);
    expect(rates.contactPolicy.band).toBe('red');
    expect(filterRateBand(meanOfRatios)).toBe('green');
  });

  it('bands each stage from its cumulative rate', () => {
    const rates = computeFilterRates(SUMS);
    expect(rates.qualification.band).toBe('green');
    expect(rates.suppression.band).toBe('amber');
    expect(rates.contactPolicy.band).toBe('red');
    expect(rates.scoring.band).toBe('red');
  });

  it('bands exactly 0.5 and 0.8 as amber', () => {
    const rates = computeFilterRates(
      sums({
        initial: 10,
        afterQualification: 5,
        afterSuppression: 5,
        afterContactPolicy: 2,
        afterScoring: 1,
      }),
    );
    expect(rates.qualification.cumulative).toBe(0.5);
    expect(rates.qualification.band).toBe('amber');
    expect(rates.contactPolicy.cumulative).toBe(0.8);
    expect(rates.contactPolicy.band).toBe('amber');
    expect(rates.scoring.cumulative).toBe(0.9);
    expect(rates.scoring.band).toBe('red');
  });

  it('gives null rates and bands without traces', () => {
    const rates = computeFilterRates(sums({ traceCount: 0 }));
    for (const stage of ['qualification', 'suppression', 'contactPolicy', 'scoring'] as const) {
      expect(rates[stage]).toEqual({ cumulative: null, stage: null, band: null });
    }
  });

  it('gives null rates when traces had no candidates', () => {
    const rates = computeFilterRates(sums({ traceCount: 3 }));
    expect(rates.qualification).toEqual({ cumulative: null, stage: null, band: null });
  });

  it('gives a null stage rate when nothing enters the stage', () => {
    const rates = computeFilterRates(sums({ initial: 10 }));
    expect(rates.qualification).toEqual({ cumulative: 1, stage: 1, band: 'red' });
    expect(rates.suppression).toEqual({ cumulative: 1, stage: null, band: 'red' });
  });
});

describe('filterRateBand', () => {
  it.each([
    [null, null],
    [0, 'green'],
    [0.4999, 'green'],
    [0.5, 'amber'],
    [0.65, 'amber'],
    [0.8, 'amber'],
    [0.8001, 'red'],
    [1, 'red'],
  ])('bands %p as %p', (cumulative, band) => {
    expect(filterRateBand(cumulative)).toBe(band);
  });
});

describe('averageFunnel', () => {
  it('averages each count over the traces', () => {
    expect(averageFunnel(SUMS)).toEqual({
      initial: 51,
      afterQualification: 26,
      afterSuppression: 21,
      afterContactPolicy: 6,
      afterScoring: 5.5,
    });
  });

  it('is null at every point without traces', () => {
    expect(averageFunnel(sums({ traceCount: 0 }))).toEqual({
      initial: null,
      afterQualification: null,
      afterSuppression: null,
      afterContactPolicy: null,
      afterScoring: null,
    });
  });
});
