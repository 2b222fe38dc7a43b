import { windowLabel } from './business-panels.provider.js';
import { kpiPanel, offerTablePanel } from './business-panels.js';

describe('windowLabel', () => {
  it('names the first and last UTC day', () => {
    expect(windowLabel({ from: '2026-11-28', to: '2026-12-05', days: 7 })).toBe(
      '2026-11-28 to 2026-12-04 (7 UTC days)',
    );
  });

  it('names a single day once', () => {
    expect(windowLabel({ from: '2026-12-04', to: '2026-12-05', days: 1 })).toBe(
      '2026-12-04 (1 UTC day)',
    );
  });
});

describe('panel hints', () => {
  const offer = { offerKey: 'o', offerName: 'Offer O', conversionRate: 0, revenue: 0 };

  it('notes offers with many impressions and no conversions', () => {
    const panel = offerTablePanel(
      {
        data: [
          { ...offer, impressions: 100, conversions: 0 },
          { ...offer, offerName: 'Few', impressions: 99, conversions: 0 },
          { ...offer, offerName: 'Converts', impressions: 500, conversions: 1 },
        ],
        warning: null,
        segment: null,
      },
      { warning: undefined },
    );
    expect(panel.notes).toEqual([
      'Offer O has 100 impressions but no conversions: check the creative and the channel fit.',
    ]);
  });

  it('notes conversions without revenue', () => {
    const summary = (revenue: number) =>
      kpiPanel(
        {
          data: [
            { metric: 'conversions', current: 4, previous: 0, change: null },
            { metric: 'revenue', current: revenue, previous: 0, change: null },
          ],
          warning: null,
          segment: null,
        },
        { warning: undefined },
      );
    expect(summary(0).notes).toEqual([
      'Conversions were recorded but revenue is 0: the Respond calls carry no conversionValue.',
    ]);
    expect(summary(10).notes).toBeUndefined();
  });

  it('marks an empty panel and carries the warning', () => {
    const panel = kpiPanel(
      { data: [], warning: 'unknown segmentId', segment: null },
      { warning: 'gone' },
    );
    expect(panel.empty).toBe(true);
    expect(panel.warning).toBe('gone');
    expect(panel.emptyMessage).toContain('POST /api/v1/interactions');
  });
});
