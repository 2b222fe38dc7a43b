import {
  BarController,
  BarElement,
  CategoryScale,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
} from 'chart.js';
import { provideCharts } from 'ng2-charts';

import { annotationMarkersPlugin } from './annotation-markers.plugin';

/**
 * The Chart.js parts the wrappers use, registered when the first chart is created. Only these are
 * bundled, and only into the lazy chunks of pages with charts.
 */
export const CHART_PROVIDERS = provideCharts({
  registerables: [
    BarController,
    BarElement,
    LineController,
    LineElement,
    PointElement,
    CategoryScale,
    LinearScale,
    Tooltip,
    Legend,
  ],
});

/** Plugins passed to every line chart. */
export const LINE_CHART_PLUGINS = [annotationMarkersPlugin];
