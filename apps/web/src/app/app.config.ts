import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import {
  type ApplicationConfig,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { TitleStrategy, provideRouter, withComponentInputBinding } from '@angular/router';
import { provideApiConfiguration } from '@kaireon/api-client';

import { routes } from './app.routes';
import { apiKeyInterceptor } from './auth/api-key.interceptor';
import { PageTitleStrategy } from './page-title.strategy';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    // Route data and query parameters bind to inputs of the routed components.
    provideRouter(routes, withComponentInputBinding()),
    provideHttpClient(withFetch(), withInterceptors([apiKeyInterceptor])),
    // The API serves the portal, so the generated client calls it on the same origin.
    provideApiConfiguration(''),
    { provide: TitleStrategy, useClass: PageTitleStrategy },
  ],
};
