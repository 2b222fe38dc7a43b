import { escapeMarkdown, renderMarkdown } from './markdown-renderer.js';
import { sampleReportDocument } from './report-fixture.js';

function markdown(): string {
  return renderMarkdown(sampleReportDocument()).toString('utf8');
}

describe('renderMarkdown', () => {
  it('starts with the title and the header list', () => {
    const lines = markdown().split('\n');
    expect(lines[0]).toBe('# Business');
    expect(lines).toContain('- **Dashboard:** Business');
    expect(lines).toContain('- **Period:** 2026-11-28 to 2026-12-04 (7 UTC days)');
    expect(lines).toContain('- **Filter: Segment:** High value');
    expect(lines).toContain('- **Time zone:** Europe/Berlin');
    expect(lines).toContain(
      '- **Generated at:** 2026-12-05 11:15 (Europe/Berlin, UTC+01:00), 2026-12-05T10:15:00.000Z',
    );
  });

  it('lists KPIs with formatted previous value and change', () => {
    const lines = markdown().split('\n');
    expect(lines).toContain('- **Impressions:** 12,345 (previous 10,000, change +23.5%)');
    expect(lines).toContain('- **Conversion rate:** 4.2% (previous n/a, change n/a)');
  });

  it('writes tables with escaped cells', () => {
    const lines = markdown().split('\n');
    const start = lines.indexOf('## Offer performance');
    expect(lines.slice(start + 4, start + 9)).toEqual([
      '| Offer | Impressions | Revenue |',
      '| --- | --- | --- |',
      '| =HYPERLINK("http://x") | 1,200 | -35.50 |',
      '| Карта "Плюс", золотая | 800 | 12.00 |',
      '| a\\|b \\*bold\\* | 3 | n/a |',
    ]);
  });

  it('writes charts as tables', () => {
    const lines = markdown().split('\n');
    const start = lines.indexOf('## Daily trend');
    expect(lines.slice(start + 2, start + 6)).toEqual([
      '| Day | Impressions |',
      '| --- | --- |',
      '| 2026-12-03 | 10 |',
      '| 2026-12-04 | 20 |',
    ]);
  });

  it('shows the warning and empty message of an empty panel', () => {
    const text = markdown();
    expect(text).toContain('> **Warning:** unknown segmentId');
    expect(text).toContain('_No data:_ Send recommendations to see the funnel.');
  });

  it('escapes markup and folds line breaks', () => {
    expect(escapeMarkdown('a|b\n<script>_x_')).toBe('a\\|b \\<script\\>\\_x\\_');
  });
});
