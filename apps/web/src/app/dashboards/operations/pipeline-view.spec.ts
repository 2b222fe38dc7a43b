import { buildPipeline, TEST_PIPELINE_WINDOW } from './operations.testing';
import {
  TOP_RULES_PER_STAGE,
  buildFilterRateBars,
  buildFunnelSteps,
  formatFilterRatePercent,
} from './pipeline-view';

const LOCALE = 'en-US';

describe('formatFilterRatePercent', () => {
  it.each<[number | null, string]>([
    [0.893, '89%'],
    [0.45, '45%'],
    [0, '0%'],
    [1, '100%'],
    [0.8, '80%'],
    [0.5, '50%'],
    [0.804, '80.4%'],
    [0.7996, '80.0%'],
    [0.496, '49.6%'],
    [null, '—'],
  ])('shows %p as %p', (rate, text) => {
    expect(formatFilterRatePercent(rate, LOCALE)).toBe(text);
  });
});

describe('buildFilterRateBars', () => {
  const bars = buildFilterRateBars(buildPipeline(), LOCALE);
  const byStage = new Map(bars.map((bar) => [bar.stage, bar]));

  it('keeps pipeline order', () => {
    expect(bars.map((bar) => bar.label)).toEqual([
      'Qualification',
      'Suppression',
      'Contact Policy',
      'Scoring',
    ]);
  });

  it('names the red contact-policy bar with its rate and band', () => {
    const bar = byStage.get('contactPolicy')!;

    expect(bar.accessibleName).toBe('Contact Policy filter rate 89% red');
    expect(bar.percentText).toBe('89%');
    expect(bar.bandText).toBe('red');
    expect(bar.tone).toBe('red');
    expect(bar.widthPercent).toBeCloseTo(89.3);
    expect(bar.stagePercentText).toBe('79%');
  });

  it('gives green bars their band as text', () => {
    const bar = byStage.get('qualification')!;

    expect(bar.accessibleName).toBe('Qualification filter rate 45% green');
    expect(bar.tone).toBe('green');
  });

  it('links a bar to the traces its stage removed candidates from', () => {
    expect(byStage.get('contactPolicy')!.linkParams).toEqual({
      stage: 'contactPolicy',
      from: TEST_PIPELINE_WINDOW.from,
      to: TEST_PIPELINE_WINDOW.to,
    });
  });

  it('lists each stage its own rules, linked with stage and rule', () => {
    const rules = byStage.get('contactPolicy')!.rules;

    expect(rules.map((rule) => rule.ruleId)).toEqual(['frequency_cap', 'quiet_hours']);
    expect(rules[0].linkParams).toEqual({
      stage: 'contactPolicy',
      ruleId: 'frequency_cap',
      from: TEST_PIPELINE_WINDOW.from,
      to: TEST_PIPELINE_WINDOW.to,
    });
    expect(rules[0].accessibleName).toBe(
      'frequency_cap removed 18,012 candidates at Contact Policy: show traces',
    );
    expect(byStage.get('suppression')!.rules).toEqual([]);
  });

  it('keeps at most five rules per stage', () => {
    const topRules = Array.from({ length: 8 }, (_, index) => ({
      stage: 'suppression' as const,
      ruleId: `rule_${index}`,
      removed: 100 - index,
    }));
    const suppression = buildFilterRateBars(buildPipeline({ topRules }), LOCALE)[1];

    expect(suppression.rules).toHaveLength(TOP_RULES_PER_STAGE);
    expect(suppression.rules.at(-1)?.ruleId).toBe('rule_4');
  });

  it('shows a stage without data as no data, with an empty bar', () => {
    const pipeline = buildPipeline();
    const empty = buildFilterRateBars(
      {
        ...pipeline,
        filterRates: {
          ...pipeline.filterRates,
          scoring: { cumulative: null, stage: null, band: null },
        },
      },
      LOCALE,
    )[3];

    expect(empty.accessibleName).toBe('Scoring filter rate — no data');
    expect(empty.widthPercent).toBe(0);
    expect(empty.tone).toBe('neutral');
  });
});

describe('buildFunnelSteps', () => {
  it('sizes each step against the initial candidates', () => {
    const steps = buildFunnelSteps(buildPipeline().funnel, LOCALE);

    expect(steps.map((step) => step.label)).toEqual([
      'Initial Candidates',
      'After Qualification',
      'After Suppression',
      'After Contact Policy',
      'After Scoring',
    ]);
    expect(steps.map((step) => step.averageText)).toEqual(['38.2', '21.0', '19.4', '4.1', '4.1']);
    expect(steps[0].widthPercent).toBe(100);
    expect(steps[3].widthPercent).toBeCloseTo((4.1 / 38.2) * 100);
  });

  it('shows missing averages as a dash with no bar', () => {
    const steps = buildFunnelSteps(
      {
        initial: null,
        afterQualification: null,
        afterSuppression: null,
        afterContactPolicy: null,
        afterScoring: null,
      },
      LOCALE,
    );

    expect(steps.every((step) => step.averageText === '—' && step.widthPercent === 0)).toBe(true);
  });
});
