import type { ChartPanel, ValueFormat } from '../../panels/panel.types.js';

/** Font families of every report, in fallback order: Latin, Cyrillic and Greek, Arabic, CJK. */
export const REPORT_FONT_STACK = [
  "'Noto Sans'",
  "'Noto Sans Arabic'",
  "'Noto Naskh Arabic'",
  "'Noto Sans CJK SC'",
  "'Noto Sans CJK JP'",
  "'Noto Sans CJK KR'",
  "'Noto Sans CJK TC'",
  'sans-serif',
].join(', ');

/** Input of the page script for one chart, serialised as JSON into the HTML. */
export interface ChartSpec {
  index: number;
  panelId: string;
  title: string;
  kind: 'bar' | 'line';
  xLabel: string;
  yLabel: string;
  yFormat: ValueFormat;
  series: ChartPanel['series'];
  annotations: ChartPanel['annotations'];
}

export function toChartSpec(panel: ChartPanel, index: number): ChartSpec {
  return {
    index,
    panelId: panel.id,
    title: panel.title,
    kind: panel.kind,
    xLabel: panel.xLabel,
    yLabel: panel.yLabel,
    yFormat: panel.yFormat,
    series: panel.series,
    annotations: panel.annotations,
  };
}

/**
 * Serialises a value as JSON that is safe inside a `<script>` element: `<`, `>`, `&` and the
 * JavaScript line separators are written as \u escapes, so no text can close the element.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * The page script that draws every chart from the JSON in `#report-charts` with animation off.
 * A chart is listed in `window.__chartErrors` when it throws, when Chart.js could not attach
 * to its canvas, or when a dataset did not get one element per label. The PDF and PNG
 * renderers fail the export on any entry. `window.__chartsDone` is set last, after every
 * chart was attempted.
 */
export const CHART_PAGE_SCRIPT = String.raw`
(function () {
  var errors = [];
  var PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2'];
  var DASHES = [[], [6, 4], [2, 3], [10, 4, 2, 4]];
  function formatTick(value, format) {
    if (typeof value !== 'number') return value;
    if (format === 'percent') return (value * 100).toFixed(1) + '%';
    if (format === 'ms') return value + ' ms';
    return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  }
  function labelsOf(spec) {
    var labels = [];
    spec.series.forEach(function (series) {
      series.points.forEach(function (point) {
        if (labels.indexOf(point.x) < 0) labels.push(point.x);
      });
    });
    return labels;
  }
  function annotationPlugin(spec, labels) {
    return {
      id: 'reportAnnotations',
      afterDatasetsDraw: function (chart) {
        var ctx = chart.ctx;
        var area = chart.chartArea;
        spec.annotations.forEach(function (annotation) {
          var at = String(annotation.at);
          var index = labels.findIndex(function (label) {
            return label === at || label === at.slice(0, 10) || label.slice(0, 13) === at.slice(0, 13);
          });
          if (index < 0) return;
          var x = chart.scales.x.getPixelForValue(index);
          ctx.save();
          ctx.strokeStyle = '#555';
          ctx.setLineDash([4, 3]);
          ctx.beginPath();
          ctx.moveTo(x, area.top);
          ctx.lineTo(x, area.bottom);
          ctx.stroke();
          ctx.restore();
        });
      },
    };
  }
  function draw(spec, fontStack) {
    var canvas = document.getElementById('chart-' + spec.index);
    if (!canvas) throw new Error('its canvas element is missing');
    var labels = labelsOf(spec);
    var datasets = spec.series.map(function (series, i) {
      var byX = {};
      series.points.forEach(function (point) { byX[point.x] = point.y; });
      var colour = PALETTE[i % PALETTE.length];
      return {
        label: series.label,
        data: labels.map(function (label) { return label in byX ? byX[label] : null; }),
        backgroundColor: colour,
        borderColor: colour,
        borderDash: spec.kind === 'line' ? DASHES[i % DASHES.length] : [],
        pointRadius: spec.kind === 'line' && labels.length > 60 ? 0 : 2,
        spanGaps: false,
      };
    });
    var chart = new Chart(canvas, {
      type: spec.kind,
      data: { labels: labels, datasets: datasets },
      plugins: [annotationPlugin(spec, labels)],
      options: {
        animation: false,
        responsive: false,
        devicePixelRatio: 2,
        font: { family: fontStack },
        plugins: { legend: { display: true, position: 'bottom' } },
        scales: {
          x: { title: { display: Boolean(spec.xLabel), text: spec.xLabel } },
          y: {
            beginAtZero: true,
            title: { display: Boolean(spec.yLabel), text: spec.yLabel },
            ticks: { callback: function (value) { return formatTick(value, spec.yFormat); } },
          },
        },
      },
    });
    if (!chart || !chart.ctx || !chart.chartArea) {
      throw new Error('Chart.js could not draw on its canvas');
    }
    datasets.forEach(function (dataset, i) {
      var drawn = chart.getDatasetMeta(i).data.length;
      if (drawn !== labels.length) {
        throw new Error('series "' + dataset.label + '" drew ' + drawn + ' of ' + labels.length + ' points');
      }
    });
  }
  try {
    var specs = JSON.parse(document.getElementById('report-charts').textContent);
    var fontStack = document.body.getAttribute('data-font-stack');
    if (specs.length > 0 && typeof Chart === 'undefined') {
      throw new Error('Chart.js did not load');
    }
    if (typeof Chart !== 'undefined') {
      Chart.defaults.font.family = fontStack;
      Chart.defaults.animation = false;
    }
    specs.forEach(function (spec) {
      try {
        draw(spec, fontStack);
      } catch (error) {
        errors.push({ panelId: spec.panelId, title: spec.title, message: String((error && error.message) || error) });
      }
    });
  } catch (error) {
    errors.push({ panelId: '', title: '', message: String((error && error.message) || error) });
  }
  window.__chartErrors = errors;
  window.__chartsDone = true;
})();
`;
