import { type Routes } from '@angular/router';

import { authGuard } from './auth/auth.guard';
import { type DashboardKey } from './dashboards/dashboard-catalog';
import { ShellComponent } from './layout/shell.component';
import { REPORTS_PAGE, SEGMENTS_PAGE } from './pages/feature-placeholder.component';

// Each dashboard route shows the placeholder until its page exists. To build one, point its
// loadComponent at the new page and keep `data.dashboard`, because the header reads it.
const dashboardPlaceholder = () =>
  import('./dashboards/dashboard-placeholder.component').then(
    (m) => m.DashboardPlaceholderComponent,
  );

const featurePlaceholder = () =>
  import('./pages/feature-placeholder.component').then((m) => m.FeaturePlaceholderComponent);

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
            loadComponent: dashboardPlaceholder,
          },
          {
            path: 'business',
            title: 'Business',
            data: dashboardData('business'),
            loadComponent: dashboardPlaceholder,
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
        path: 'segments',
        title: 'Segments',
        data: { page: SEGMENTS_PAGE },
        loadComponent: featurePlaceholder,
      },
      {
        path: 'settings',
        children: [
          { path: '', pathMatch: 'full', redirectTo: 'reports' },
          {
            path: 'reports',
            title: 'Reports',
            data: { page: REPORTS_PAGE },
            loadComponent: featurePlaceholder,
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
