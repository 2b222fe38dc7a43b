import { type Chart, type ChartType, type Plugin } from 'chart.js';

/** A vertical marker on a category axis: the data index it stands at and the title drawn by it. */
export interface AnnotationMarker {
  readonly index: number;
  readonly title: string;
}

/** Options of the `annotationMarkers` plugin, under `options.plugins.annotationMarkers`. */
export interface AnnotationMarkerOptions {
  readonly markers: readonly AnnotationMarker[];
  /** Colour of the line and its title. */
  readonly color: string;
}

declare module 'chart.js' {
  // Declaration merging needs the same type parameter as chart.js's own interface.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface PluginOptionsByType<TType extends ChartType> {
    annotationMarkers?: AnnotationMarkerOptions;
  }
}

/** Longest marker title drawn on the chart; the list under the chart shows the whole title. */
export const MARKER_TITLE_MAX_CHARS = 28;

/** Marker titles are staggered over this many text rows, so neighbouring titles do not overlap. */
const TITLE_ROWS = 3;
const TITLE_ROW_HEIGHT_PX = 13;

/** Shortens `title` to `MARKER_TITLE_MAX_CHARS`, ending a cut title with "…". */
export function shortenMarkerTitle(title: string): string {
  return title.length <= MARKER_TITLE_MAX_CHARS
    ? title
    : `${title.slice(0, MARKER_TITLE_MAX_CHARS - 1).trimEnd()}…`;
}

/**
 * Chart.js plugin that draws annotations (deploys, policy changes, notes) as dashed vertical lines
 * across the plot at their category index, each with its title at the top.
 */
export const annotationMarkersPlugin: Plugin = {
  id: 'annotationMarkers',
  afterDatasetsDraw(chart: Chart) {
    // The raw options, not Chart.js's resolved proxies, because the markers are plain data.
    const options = chart.config.options?.plugins?.annotationMarkers;
    const markers = (options?.markers ?? []) as readonly AnnotationMarker[];
    const xScale = chart.scales['x'];
    if (markers.length === 0 || !xScale) {
      return;
    }
    const color = options?.color ?? '#8a4b00';
    const { ctx, chartArea } = chart;
    ctx.save();
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    ctx.lineWidth = 1;
    ctx.setLineDash([4, 3]);
    ctx.font = '11px system-ui, sans-serif';
    ctx.textBaseline = 'top';

    markers.forEach((marker, position) => {
      const x = xScale.getPixelForValue(marker.index);
      if (!Number.isFinite(x) || x < chartArea.left || x > chartArea.right) {
        return;
      }
      ctx.beginPath();
      ctx.moveTo(x, chartArea.top);
      ctx.lineTo(x, chartArea.bottom);
      ctx.stroke();

      const title = shortenMarkerTitle(marker.title);
      const nearRightEdge = x + ctx.measureText(title).width + 4 > chartArea.right;
      ctx.textAlign = nearRightEdge ? 'right' : 'left';
      const y = chartArea.top + 2 + (position % TITLE_ROWS) * TITLE_ROW_HEIGHT_PX;
      ctx.fillText(title, nearRightEdge ? x - 4 : x + 4, y);
    });
    ctx.restore();
  },
};
