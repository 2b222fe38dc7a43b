import { type Chart } from 'chart.js';

import { annotationMarkersPlugin, shortenMarkerTitle } from './annotation-markers.plugin';
import {
  type ChartTheme,
  buildBarOptions,
  buildLineData,
  buildLineOptions,
  formatChartValue,
} from './chart-options';

const THEME: ChartTheme = { text: '#555555', grid: '#dddddd', marker: '#884400' };

describe('chart option builders', () => {
  it('formats rates as percentages and counts with grouping', () => {
    expect(formatChartValue(0.1234, 'rate', 'en-US')).toBe('12.3%');
    expect(formatChartValue(0.1234, 'rate', 'en-US', true)).toBe('12%');
    expect(formatChartValue(12345, 'count', 'en-US')).toBe('12,345');
    expect(formatChartValue(12345, 'count', 'en-US', true)).toBe('12.3K');
    expect(formatChartValue(null, 'amount', 'en-US')).toBe('—');
  });

  it('keeps gaps as null in line data', () => {
    const data = buildLineData(['Dec 1', 'Dec 2'], [{ label: 'Revenue', values: [null, 4] }]);

    expect(data.datasets[0]?.data).toEqual([null, 4]);
    expect(data.datasets[0]?.spanGaps).toBe(false);
  });

  it('puts a second series on the right-hand axis', () => {
    const data = buildLineData(
      ['Dec 1'],
      [
        { label: 'Impressions', values: [500] },
        { label: 'Conversions', values: [12], secondaryAxis: true },
      ],
    );
    const options = buildLineOptions({
      format: 'count',
      locale: 'en-US',
      theme: THEME,
      markers: [],
      secondaryValueTitle: 'Conversions',
      showLegend: true,
    });

    expect(data.datasets.map((dataset) => dataset.yAxisID)).toEqual(['y', 'y2']);
    expect(options.scales?.['y2']?.position).toBe('right');
  });

  it('turns bars sideways with the categories on the y axis', () => {
    const options = buildBarOptions({
      format: 'rate',
      locale: 'en-US',
      theme: THEME,
      horizontal: true,
      showLegend: false,
    });

    expect(options.indexAxis).toBe('y');
    expect(options.scales?.['y']?.type).toBe('category');
    expect(options.scales?.['x']?.type).toBe('linear');
  });
});

describe('annotationMarkersPlugin', () => {
  function drawOn(markers: { index: number; title: string }[]) {
    const calls: string[] = [];
    const ctx = {
      save: jest.fn(),
      restore: jest.fn(),
      setLineDash: jest.fn(),
      beginPath: jest.fn(),
      moveTo: (x: number, y: number) => calls.push(`move ${x},${y}`),
      lineTo: (x: number, y: number) => calls.push(`line ${x},${y}`),
      stroke: jest.fn(),
      measureText: (text: string) => ({ width: text.length * 5 }),
      fillText: (text: string, x: number) => calls.push(`text ${text} at ${x}`),
    };
    const chart = {
      ctx,
      chartArea: { left: 40, right: 400, top: 10, bottom: 200 },
      scales: { x: { getPixelForValue: (index: number) => 40 + index * 100 } },
      config: { options: { plugins: { annotationMarkers: { markers, color: '#884400' } } } },
    } as unknown as Chart;
    annotationMarkersPlugin.afterDatasetsDraw?.call(annotationMarkersPlugin, chart, {}, {}, false);

    return calls;
  }

  it('draws a vertical line and the title at the marker day', () => {
    const calls = drawOn([{ index: 1, title: 'Deploy 42' }]);

    expect(calls).toEqual(['move 140,10', 'line 140,200', 'text Deploy 42 at 144']);
  });

  it('skips markers outside the plot', () => {
    expect(drawOn([{ index: 9, title: 'Later' }])).toEqual([]);
  });

  it('puts a title near the right edge on the left of its line', () => {
    const calls = drawOn([{ index: 3, title: 'Frequency cap lowered' }]);

    expect(calls.at(-1)).toBe('text Frequency cap lowered at 336');
  });

  it('shortens long titles', () => {
    expect(shortenMarkerTitle('A'.repeat(40))).toBe(`${'A'.repeat(27)}…`);
    expect(shortenMarkerTitle('Short')).toBe('Short');
  });
});
