import { type Period } from '../filters/period';
import {
  MAX_PIPELINE_WINDOW_HOURS,
  formatWindowLabel,
  pipelineWindowForPeriod,
} from './pipeline-window';

const TODAY = '2026-12-04';

describe('pipelineWindowForPeriod', () => {
  it.each<[string, Period, number]>([
    ['today', { kind: 'days', days: 1 }, 24],
    ['3 days', { kind: 'days', days: 3 }, 72],
    ['7 days', { kind: 'days', days: 7 }, 168],
  ])('gives %s 24 hours a day without a note', (_case, period, hours) => {
    const window = pipelineWindowForPeriod(period, TODAY);

    expect(window.windowHours).toBe(hours);
    expect(window.note).toBeNull();
  });

  it.each([14, 30, 365])('caps %p days at 168 hours and says so', (days) => {
    const window = pipelineWindowForPeriod({ kind: 'days', days }, TODAY);

    expect(window.windowHours).toBe(MAX_PIPELINE_WINDOW_HOURS);
    expect(window.note).toBe('Showing the last 7 days: the pipeline keeps 168 hours.');
  });

  it('treats a custom range ending today like its number of days', () => {
    const window = pipelineWindowForPeriod(
      { kind: 'range', from: '2026-12-02', to: '2026-12-05' },
      TODAY,
    );

    expect(window.windowHours).toBe(72);
    expect(window.note).toBeNull();
  });

  it('explains that a past range still ends now', () => {
    const window = pipelineWindowForPeriod(
      { kind: 'range', from: '2026-11-01', to: '2026-11-03' },
      TODAY,
    );

    expect(window.windowHours).toBe(48);
    expect(window.note).toBe(
      'The pipeline always covers the hours up to now, so it shows the last 2 days, not the ' +
        'selected range.',
    );
  });

  it('caps a long past range as well', () => {
    const window = pipelineWindowForPeriod(
      { kind: 'range', from: '2026-01-01', to: '2026-03-01' },
      TODAY,
    );

    expect(window.windowHours).toBe(168);
    expect(window.note).toContain('the last 7 days, not the selected range');
  });
});

describe('formatWindowLabel', () => {
  it.each([
    [24, 'last 24h'],
    [168, 'last 7d'],
    [48, 'last 2d'],
    [36, 'last 36h'],
    [1, 'last 1h'],
  ])('labels %p hours as %p', (hours, label) => {
    expect(formatWindowLabel(hours)).toBe(label);
  });
});
