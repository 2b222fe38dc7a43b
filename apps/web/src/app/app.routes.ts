import { type Routes } from '@angular/router';

import { authGuard } from './auth/auth.guard';
import { type DashboardKey } from './dashboards/dashboard-catalog';
import { ShellComponent } from './layout/shell.component';

// Each dashboard route shows the placeholder until its page exists. To build one, point its
// loadComponent at the new page and keep `data.dashboard`, because the header reads it.
const dashboardPlaceholder = () =>
  import('./dashboards/dashboard-placeholder.component').then(
    (m) => m.DashboardPlaceholderComponent,
  );

const segmentEditor = () =>
  import('./segments/segment-editor.component').then((m) => m.SegmentEditorComponent);

function dashboardData(dashboard: DashboardKey): { dashboard: DashboardKey } {
  return { dashboard };
}

export const routes: Routes = [
  {
    path: 'sign-in',
    title: 'Sign in',
    loadComponent: () => import('./auth/sign-in.component').then((m) => m.SignInComponent),
  },
  {
    path: '',
    component: ShellComponent,
    canActivate: [authGuard],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'dashboards/operations' },
      {
        path: 'dashboards',
        loadComponent: () =>
          import('./dashboards/dashboard-frame.component').then((m) => m.DashboardFrameComponent),
        children: [
          { path: '', pathMatch: 'full', redirectTo: 'operations' },
          {
            path: 'operations',
            title: 'Operations',
            data: dashboardData('operations'),
            loadComponent: () =>
              import('./dashboards/operations/operations-page.component').then(
                (m) => m.OperationsPageComponent,
              ),
          },
          {
            path: 'business',
            title: 'Business',
            data: dashboardData('business'),
            loadComponent: () =>
              import('./dashboards/business/business-page.component').then(
                (m) => m.BusinessPageComponent,
              ),
          },
          {
            path: 'data-health',
            title: 'Data Health',
            data: dashboardData('data-health'),
            loadComponent: dashboardPlaceholder,
          },
          {
            path: 'model-health',
            title: 'Model Health',
            data: dashboardData('model-health'),
            loadComponent: dashboardPlaceholder,
          },
          {
            path: 'attribution',
            title: 'Attribution',
            data: dashboardData('attribution'),
            loadComponent: dashboardPlaceholder,
          },
        ],
      },
      {
        path: 'traces',
        loadChildren: () => import('./traces/traces.routes').then((m) => m.TRACE_ROUTES),
      },
      {
        path: 'segments',
        children: [
          {
            path: '',
            pathMatch: 'full',
            title: 'Segments',
            loadComponent: () =>
              import('./segments/segments-page.component').then((m) => m.SegmentsPageComponent),
          },
          {
            path: 'new',
            title: 'Create segment',
            loadComponent: segmentEditor,
          },
          {
            path: ':id/edit',
            title: 'Edit segment',
            loadComponent: segmentEditor,
          },
        ],
      },
      {
        path: 'settings',
        children: [
          { path: '', pathMatch: 'full', redirectTo: 'reports' },
          {
            path: 'reports',
            title: 'Reports',
            loadComponent: () =>
              import('./settings/reports/reports-settings-page.component').then(
                (m) => m.ReportsSettingsPageComponent,
              ),
          },
        ],
      },
      {
        path: '**',
        title: 'Page not found',
        loadComponent: () => import('./pages/not-found.component').then((m) => m.NotFoundComponent),
      },
    ],
  },
];
