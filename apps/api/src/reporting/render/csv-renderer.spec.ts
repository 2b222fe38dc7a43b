import { renderCsv } from './csv-renderer.js';
import { sampleReportDocument } from './report-fixture.js';

function csvText(): string {
  return renderCsv(sampleReportDocument()).toString('utf8');
}

describe('renderCsv', () => {
  it('starts with a byte-order mark and ends every row with CRLF', () => {
    const text = csvText();
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '').includes('\n')).toBe(false);
  });

  it('writes the header lines with dashboard, period, filters, zone and generation time', () => {
    const lines = csvText().slice(1).split('\r\n');
    expect(lines[0]).toBe('Dashboard,Business');
    expect(lines[1]).toBe('Period,2026-11-28 to 2026-12-04 (7 UTC days)');
    expect(lines[2]).toBe(
      'Time range,"2026-11-28 00:00 to 2026-12-05 00:00 UTC (end exclusive), ' +
        '2026-11-28 01:00 (Europe/Berlin, UTC+01:00) to 2026-12-05 01:00 (Europe/Berlin, UTC+01:00)"',
    );
    expect(lines).toContain('Filter: Segment,High value');
    expect(lines).toContain('Time zone,Europe/Berlin');
    expect(lines).toContain(
      'Generated at,"2026-12-05 11:15 (Europe/Berlin, UTC+01:00), 2026-12-05T10:15:00.000Z"',
    );
  });

  it('writes one titled section per panel', () => {
    const lines = csvText().split('\r\n');
    const titles = lines.filter((line) => line.startsWith('Panel,'));
    expect(titles).toEqual([
      'Panel,Summary',
      'Panel,Offer performance',
      'Panel,Daily trend',
      'Panel,Funnel',
    ]);
  });

  it('keeps KPI figures raw with previous and change', () => {
    const lines = csvText().split('\r\n');
    const start = lines.indexOf('Panel,Summary');
    expect(lines.slice(start + 1, start + 4)).toEqual([
      'Metric,Value,Previous,Change',
      'Impressions,12345,10000,0.2345',
      'Conversion rate,0.0421,,',
    ]);
  });

  it('guards formulas, doubles quotes and keeps negative numbers', () => {
    const lines = csvText().split('\r\n');
    const start = lines.indexOf('Panel,Offer performance');
    expect(lines.slice(start + 1, start + 6)).toEqual([
      'Note,Top 20 offers by impressions',
      'Offer,Impressions,Revenue',
      `"'=HYPERLINK(""http://x"")",1200,-35.5`,
      '"Карта ""Плюс"", золотая",800,12',
      'a|b *bold*,3,',
    ]);
  });

  it('writes the warning and the empty message of an empty panel', () => {
    const lines = csvText().split('\r\n');
    const start = lines.indexOf('Panel,Funnel');
    expect(lines.slice(start + 1, start + 3)).toEqual([
      'Warning,unknown segmentId',
      'No data,Send recommendations to see the funnel.',
    ]);
  });

  it('writes a chart panel as its figures', () => {
    const lines = csvText().split('\r\n');
    const start = lines.indexOf('Panel,Daily trend');
    expect(lines.slice(start + 1, start + 4)).toEqual([
      'Day,Impressions',
      '2026-12-03,10',
      '2026-12-04,20',
    ]);
  });
});
