import { type Routes } from '@angular/router';

/** Routes of the decision trace explorer, lazy-loaded under `/traces`. */
export const TRACE_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Decision traces',
    loadComponent: () =>
      import('./trace-list-page.component').then((m) => m.TraceListPageComponent),
  },
  {
    path: ':traceId',
    title: 'Decision trace',
    loadComponent: () =>
      import('./trace-detail-page.component').then((m) => m.TraceDetailPageComponent),
  },
];
